import { and, count, desc, eq, gt, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '../db/index.ts';
import { invitations, networks, organisations, user } from '../db/schema/index.ts';
import { hashInvitationToken } from './tokens.ts';

export const invitationStatuses = ['pending', 'accepted', 'expired', 'revoked'] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

const inviter = alias(user, 'inviter');

/** Computed in SQL so list, filter and count agree. */
export const invitationStatusSql = sql<InvitationStatus>`case
	when ${invitations.revokedAt} is not null then 'revoked'
	when ${invitations.acceptedAt} is not null then 'accepted'
	when ${invitations.expiresAt} <= now() then 'expired'
	else 'pending' end`;

function statusCondition(status: InvitationStatus): SQL {
	switch (status) {
		case 'revoked':
			return isNotNull(invitations.revokedAt);
		case 'accepted':
			return and(isNull(invitations.revokedAt), isNotNull(invitations.acceptedAt))!;
		case 'expired':
			return and(
				isNull(invitations.revokedAt),
				isNull(invitations.acceptedAt),
				lte(invitations.expiresAt, sql`now()`)
			)!;
		case 'pending':
			return pendingCondition();
	}
}

export function pendingCondition(): SQL {
	return and(
		isNull(invitations.revokedAt),
		isNull(invitations.acceptedAt),
		gt(invitations.expiresAt, sql`now()`)
	)!;
}

export type InvitationFilter = {
	status?: InvitationStatus;
	organisationId?: string;
	page: number;
	pageSize: number;
};

export async function listInvitations(networkId: string, filter: InvitationFilter) {
	const where = and(
		eq(invitations.networkId, networkId),
		filter.status ? statusCondition(filter.status) : undefined,
		filter.organisationId ? eq(invitations.organisationId, filter.organisationId) : undefined
	);
	const database = await db();
	const [rows, [total]] = await Promise.all([
		database
			.select({
				id: invitations.id,
				email: invitations.email,
				name: invitations.name,
				organisationId: invitations.organisationId,
				organisationName: organisations.name,
				organisationRole: invitations.organisationRole,
				networkRole: invitations.networkRole,
				status: invitationStatusSql,
				createdAt: invitations.createdAt,
				expiresAt: invitations.expiresAt,
				acceptedAt: invitations.acceptedAt,
				revokedAt: invitations.revokedAt,
				invitedByName: inviter.name,
				invitedByEmail: inviter.email
			})
			.from(invitations)
			.leftJoin(
				organisations,
				and(eq(organisations.id, invitations.organisationId), eq(organisations.networkId, networkId))
			)
			.leftJoin(inviter, eq(inviter.id, invitations.invitedBy))
			.where(where)
			.orderBy(desc(invitations.createdAt), desc(invitations.id))
			.limit(filter.pageSize)
			.offset((filter.page - 1) * filter.pageSize),
		database.select({ value: count() }).from(invitations).where(where)
	]);
	return { rows, total: total?.value ?? 0 };
}

export async function countPendingInvitations(networkId: string) {
	const [row] = await (
		await db()
	)
		.select({ value: count() })
		.from(invitations)
		.where(and(eq(invitations.networkId, networkId), pendingCondition()));
	return row?.value ?? 0;
}

export type OfferedInvitation = {
	id: string;
	email: string;
	name: string;
	networkName: string;
	organisationId: string | null;
	organisationName: string | null;
	organisationRole: (typeof invitations.$inferSelect)['organisationRole'];
	networkRole: (typeof invitations.$inferSelect)['networkRole'];
	inviterName: string | null;
	expiresAt: Date;
	/** Whether an account with the invited address exists (then the invitee signs in instead). */
	hasAccount: boolean;
};

/**
 * What a still valid invitation offers. Unknown, expired, used and revoked tokens all answer null:
 * the page says "no longer valid" without telling which.
 */
export async function findOfferedInvitation(
	networkId: string,
	token: string
): Promise<OfferedInvitation | null> {
	if (!token || token.length > 200) return null;
	const database = await db();
	const [row] = await database
		.select({
			id: invitations.id,
			email: invitations.email,
			name: invitations.name,
			networkName: networks.name,
			organisationId: invitations.organisationId,
			organisationName: organisations.name,
			organisationRole: invitations.organisationRole,
			networkRole: invitations.networkRole,
			inviterName: inviter.name,
			expiresAt: invitations.expiresAt,
			accountId: sql<
				string | null
			>`(select ${user.id} from ${user} where lower(${user.email}) = lower(${invitations.email}) limit 1)`
		})
		.from(invitations)
		.innerJoin(networks, eq(networks.id, invitations.networkId))
		.leftJoin(
			organisations,
			and(eq(organisations.id, invitations.organisationId), eq(organisations.networkId, networkId))
		)
		.leftJoin(inviter, eq(inviter.id, invitations.invitedBy))
		.where(
			and(
				eq(invitations.networkId, networkId),
				eq(invitations.tokenHash, hashInvitationToken(token)),
				pendingCondition()
			)
		);
	if (!row) return null;
	const { accountId, ...rest } = row;
	return { ...rest, hasAccount: accountId !== null };
}
