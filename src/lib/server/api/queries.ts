import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { db } from '../db/index.ts';
import { apiTokens, organisationMemberships, organisations, user } from '../db/schema/index.ts';
import type { Actor } from '../policy/actor.ts';

/** An unrevoked token of this network, with its user; null for anything else. */
export async function findActiveApiToken(networkId: string, tokenHash: string) {
	const [row] = await (
		await db()
	)
		.select({
			id: apiTokens.id,
			networkId: apiTokens.networkId,
			lastUsedAt: apiTokens.lastUsedAt,
			user: {
				id: user.id,
				email: user.email,
				name: user.name,
				emailVerified: user.emailVerified,
				twoFactorEnabled: user.twoFactorEnabled
			}
		})
		.from(apiTokens)
		.innerJoin(user, eq(user.id, apiTokens.userId))
		.where(
			and(eq(apiTokens.tokenHash, tokenHash), eq(apiTokens.networkId, networkId), isNull(apiTokens.revokedAt))
		);
	return row ?? null;
}

/** The office list: every token of the network, newest first. Never the hash. */
export async function listApiTokens(networkId: string) {
	return (await db())
		.select({
			id: apiTokens.id,
			name: apiTokens.name,
			prefix: apiTokens.tokenPrefix,
			createdAt: apiTokens.createdAt,
			lastUsedAt: apiTokens.lastUsedAt,
			revokedAt: apiTokens.revokedAt,
			userName: user.name,
			userEmail: user.email
		})
		.from(apiTokens)
		.innerJoin(user, eq(user.id, apiTokens.userId))
		.where(eq(apiTokens.networkId, networkId))
		.orderBy(desc(apiTokens.createdAt), asc(apiTokens.id));
}
export type ApiTokenListItem = Awaited<ReturnType<typeof listApiTokens>>[number];

/** The actor's own account and organisations in the actor's network. */
export async function findMe(actor: Actor & { userId: string }) {
	const ownOrganisations = await (
		await db()
	)
		.select({
			id: organisations.id,
			name: organisations.name,
			slug: organisations.slug,
			role: organisationMemberships.role
		})
		.from(organisationMemberships)
		.innerJoin(organisations, eq(organisations.id, organisationMemberships.organisationId))
		.where(
			and(
				eq(organisationMemberships.networkId, actor.networkId),
				eq(organisations.networkId, actor.networkId),
				eq(organisationMemberships.userId, actor.userId)
			)
		)
		.orderBy(asc(organisations.name));
	return {
		id: actor.userId,
		name: actor.name ?? '',
		email: actor.email ?? '',
		networkRoles: [...actor.networkRoles].sort(),
		organisations: ownOrganisations
	};
}
