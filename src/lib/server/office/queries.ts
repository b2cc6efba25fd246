import { and, asc, count, countDistinct, desc, eq, sql } from 'drizzle-orm';
import { db } from '../db/index.ts';
import {
	auditLog,
	mailMessages,
	networkRoleAssignments,
	organisationMemberships
} from '../db/schema/index.ts';
import { countPendingInvitations } from '../invitations/queries.ts';
import { countMemberOrganisations } from '../organisations/queries.ts';
import { countPeople } from '../people/queries.ts';
import { containsPattern, pageOffset } from './search.ts';

/** Accounts of a network: users holding a network role or an organisation membership in it. */
async function countAccounts(networkId: string) {
	const [row] = await (await db()).select({ value: countDistinct(sql`user_id`) }).from(
		sql`(select ${networkRoleAssignments.userId} as user_id from ${networkRoleAssignments} where ${networkRoleAssignments.networkId} = ${networkId}
				union select ${organisationMemberships.userId} from ${organisationMemberships} where ${organisationMemberships.networkId} = ${networkId}) as accounts`
	);
	return Number(row?.value ?? 0);
}

async function countMails(networkId: string) {
	const rows = await (
		await db()
	)
		.select({ status: mailMessages.status, value: count() })
		.from(mailMessages)
		.where(eq(mailMessages.networkId, networkId))
		.groupBy(mailMessages.status);
	const of = (status: string) => rows.find((r) => r.status === status)?.value ?? 0;
	return { outbox: of('outbox'), failed: of('failed') };
}

export async function loadDashboardCounts(networkId: string) {
	const [memberOrganisations, people, accounts, pendingInvitations, mails] = await Promise.all([
		countMemberOrganisations(networkId),
		countPeople(networkId),
		countAccounts(networkId),
		countPendingInvitations(networkId),
		countMails(networkId)
	]);
	return {
		memberOrganisations,
		people,
		accounts,
		pendingInvitations,
		mailsInOutbox: mails.outbox,
		mailsFailed: mails.failed
	};
}

export type AuditFilter = { action?: string; actorEmail?: string; page: number; pageSize: number };

export async function listAuditEntries(networkId: string, filter: AuditFilter) {
	const where = and(
		eq(auditLog.networkId, networkId),
		filter.action ? eq(auditLog.action, filter.action) : undefined,
		filter.actorEmail
			? sql`coalesce(${auditLog.actorEmail}, '') ilike ${containsPattern(filter.actorEmail)}`
			: undefined
	);
	const database = await db();
	const [rows, [total]] = await Promise.all([
		database
			.select()
			.from(auditLog)
			.where(where)
			.orderBy(desc(auditLog.createdAt), desc(auditLog.id))
			.limit(filter.pageSize)
			.offset(pageOffset(filter.page, filter.pageSize)),
		database.select({ value: count() }).from(auditLog).where(where)
	]);
	return { rows, total: total?.value ?? 0 };
}

/** The actions that occur in this network's log, for the filter's choices. */
export async function listAuditActions(networkId: string) {
	const rows = await (
		await db()
	)
		.selectDistinct({ action: auditLog.action })
		.from(auditLog)
		.where(eq(auditLog.networkId, networkId))
		.orderBy(asc(auditLog.action));
	return rows.map((r) => r.action);
}
