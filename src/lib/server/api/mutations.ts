import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { db } from '../db/index.ts';
import { apiTokens } from '../db/schema/index.ts';
import { recordAudit, type AuditContext } from '../audit/mutations.ts';
import type { Actor } from '../policy/actor.ts';
import { generateApiToken } from './tokens.ts';

type OfficeActor = Actor & { userId: string };

/**
 * Creates a token that acts as its creator in this network. The plain token is returned once,
 * here, and never stored; the table keeps its sha256 hash and a short prefix for the list.
 */
export async function createApiToken(input: {
	actor: OfficeActor;
	networkId: string;
	name: string;
	context: AuditContext;
}) {
	const generated = generateApiToken();
	return (await db()).transaction(async (tx) => {
		const [row] = await tx
			.insert(apiTokens)
			.values({
				networkId: input.networkId,
				name: input.name,
				tokenHash: generated.hash,
				tokenPrefix: generated.displayPrefix,
				userId: input.actor.userId
			})
			.returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.tokenPrefix });
		await recordAudit(
			{
				networkId: input.networkId,
				actor: input.actor,
				action: 'api_token.create',
				targetType: 'api_token',
				targetId: row!.id,
				details: { name: row!.name, prefix: row!.prefix },
				context: input.context
			},
			tx
		);
		return { ...row!, token: generated.token };
	});
}

export type RevokeResult =
	{ ok: true; name: string } | { ok: false; reason: 'NOT_FOUND' | 'ALREADY_REVOKED' };

/** Revokes a token of this network; a token of another network is simply not found. */
export async function revokeApiToken(input: {
	actor: OfficeActor;
	networkId: string;
	tokenId: string;
	context: AuditContext;
}): Promise<RevokeResult> {
	return (await db()).transaction(async (tx) => {
		const [revoked] = await tx
			.update(apiTokens)
			.set({ revokedAt: sql`now()` })
			.where(
				and(
					eq(apiTokens.id, input.tokenId),
					eq(apiTokens.networkId, input.networkId),
					isNull(apiTokens.revokedAt)
				)
			)
			.returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.tokenPrefix });
		if (!revoked) {
			const [existing] = await tx
				.select({ id: apiTokens.id })
				.from(apiTokens)
				.where(and(eq(apiTokens.id, input.tokenId), eq(apiTokens.networkId, input.networkId)));
			return { ok: false, reason: existing ? 'ALREADY_REVOKED' : 'NOT_FOUND' } as const;
		}
		await recordAudit(
			{
				networkId: input.networkId,
				actor: input.actor,
				action: 'api_token.revoke',
				targetType: 'api_token',
				targetId: revoked.id,
				details: { name: revoked.name, prefix: revoked.prefix },
				context: input.context
			},
			tx
		);
		return { ok: true, name: revoked.name } as const;
	});
}

/** Seconds between two writes of last_used_at for one token. */
export const lastUsedResolutionSeconds = 60;

/**
 * Marks the token as used, at most once per minute: the condition in the WHERE makes concurrent
 * requests write once, and the caller skips the statement entirely for recently used tokens.
 */
export async function touchApiToken(tokenId: string) {
	await (
		await db()
	)
		.update(apiTokens)
		.set({ lastUsedAt: sql`now()` })
		.where(
			and(
				eq(apiTokens.id, tokenId),
				or(
					isNull(apiTokens.lastUsedAt),
					lt(apiTokens.lastUsedAt, sql`now() - make_interval(secs => ${lastUsedResolutionSeconds})`)
				)
			)
		);
}
