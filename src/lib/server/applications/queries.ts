import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, type DatabaseOrTransaction } from '../db/index.ts';
import { membershipApplications, networkRoleAssignments, organisations, user } from '../db/schema/index.ts';
import type { ApplicationStatus } from '../db/schema/directory.ts';

export type Application = typeof membershipApplications.$inferSelect;

/** Statuses that still wait for someone: the office's review or the board's decision. */
export const openStatuses = ['submitted', 'in_review'] as const satisfies readonly ApplicationStatus[];

export type ApplicationFilter = { status?: ApplicationStatus; page: number; pageSize: number };

export async function listApplications(networkId: string, filter: ApplicationFilter) {
	const where = and(
		eq(membershipApplications.networkId, networkId),
		filter.status ? eq(membershipApplications.status, filter.status) : undefined
	);
	const database = await db();
	const [rows, [total]] = await Promise.all([
		database
			.select({
				id: membershipApplications.id,
				status: membershipApplications.status,
				organisationName: membershipApplications.organisationName,
				city: membershipApplications.city,
				district: membershipApplications.district,
				contactFirstName: membershipApplications.contactFirstName,
				contactLastName: membershipApplications.contactLastName,
				contactEmail: membershipApplications.contactEmail,
				createdAt: membershipApplications.createdAt
			})
			.from(membershipApplications)
			.where(where)
			.orderBy(desc(membershipApplications.createdAt), desc(membershipApplications.id))
			.limit(filter.pageSize)
			.offset((filter.page - 1) * filter.pageSize),
		database.select({ value: count() }).from(membershipApplications).where(where)
	]);
	return { rows, total: total?.value ?? 0 };
}

/** Applications still waiting for review or decision, for the office navigation's badge. */
export async function countOpenApplications(networkId: string) {
	const [row] = await (
		await db()
	)
		.select({ value: count() })
		.from(membershipApplications)
		.where(
			and(
				eq(membershipApplications.networkId, networkId),
				inArray(membershipApplications.status, openStatuses)
			)
		);
	return row?.value ?? 0;
}

const reviewer = alias(user, 'reviewer');
const decider = alias(user, 'decider');

/** One application of this network with who reviewed and decided it; null for another network's id. */
export async function findApplication(networkId: string, id: string) {
	const [row] = await (
		await db()
	)
		.select({
			application: membershipApplications,
			reviewedByName: reviewer.name,
			decidedByName: decider.name,
			organisationName: organisations.name
		})
		.from(membershipApplications)
		.leftJoin(reviewer, eq(reviewer.id, membershipApplications.reviewedBy))
		.leftJoin(decider, eq(decider.id, membershipApplications.decidedBy))
		.leftJoin(
			organisations,
			and(eq(organisations.id, membershipApplications.organisationId), eq(organisations.networkId, networkId))
		)
		.where(and(eq(membershipApplications.id, id), eq(membershipApplications.networkId, networkId)));
	return row ?? null;
}

/** Who at the office hears of a new application: everyone holding the office role here. */
export async function findOfficeRecipients(tx: DatabaseOrTransaction, networkId: string) {
	return tx
		.select({ email: user.email, locale: user.locale })
		.from(networkRoleAssignments)
		.innerJoin(user, eq(user.id, networkRoleAssignments.userId))
		.where(and(eq(networkRoleAssignments.networkId, networkId), eq(networkRoleAssignments.role, 'office')))
		.orderBy(user.email);
}
