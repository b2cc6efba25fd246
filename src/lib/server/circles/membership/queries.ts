import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { db } from '../../db/index.ts';
import { circleAdmissions, circleMemberships, networkRoleAssignments, user } from '../../db/schema/index.ts';
import { containsPattern, foldColumn, foldTerm } from '../../office/search.ts';

const organisationOf = (networkId: string) =>
	sql<string>`coalesce((select o.name from organisation_memberships om
		join organisations o on o.id = om.organisation_id
		where om.network_id = ${networkId} and om.user_id = "user".id
		order by o.name limit 1), '')`;

/** The circle's members with their organisation: leads first, then by name. */
export async function listCircleMembers(networkId: string, circleId: string) {
	return (await db())
		.select({
			userId: user.id,
			name: user.name,
			organisation: organisationOf(networkId),
			role: circleMemberships.role,
			joinedAt: circleMemberships.createdAt
		})
		.from(circleMemberships)
		.innerJoin(user, eq(user.id, circleMemberships.userId))
		.where(and(eq(circleMemberships.networkId, networkId), eq(circleMemberships.circleId, circleId)))
		.orderBy(sql`case when ${circleMemberships.role} = 'lead' then 0 else 1 end`, asc(user.name));
}

/** The circle's pending requests and invitations, oldest first. */
export async function listPendingAdmissions(networkId: string, circleId: string) {
	return (await db())
		.select({
			id: circleAdmissions.id,
			kind: circleAdmissions.kind,
			userId: user.id,
			name: user.name,
			email: user.email,
			organisation: organisationOf(networkId),
			message: circleAdmissions.message,
			createdAt: circleAdmissions.createdAt
		})
		.from(circleAdmissions)
		.innerJoin(user, eq(user.id, circleAdmissions.userId))
		.where(
			and(
				eq(circleAdmissions.networkId, networkId),
				eq(circleAdmissions.circleId, circleId),
				eq(circleAdmissions.status, 'pending')
			)
		)
		.orderBy(asc(circleAdmissions.createdAt), asc(circleAdmissions.id));
}

/** The person's own pending request or invitation for the circle, or null. */
export async function findPendingAdmission(networkId: string, circleId: string, userId: string) {
	const [row] = await (
		await db()
	)
		.select({
			id: circleAdmissions.id,
			kind: circleAdmissions.kind,
			message: circleAdmissions.message,
			createdAt: circleAdmissions.createdAt
		})
		.from(circleAdmissions)
		.where(
			and(
				eq(circleAdmissions.networkId, networkId),
				eq(circleAdmissions.circleId, circleId),
				eq(circleAdmissions.userId, userId),
				eq(circleAdmissions.status, 'pending')
			)
		)
		.limit(1);
	return row ?? null;
}

/**
 * Member persons of the network (role member or partner) whose name or e-mail contains the term,
 * who are neither in the circle nor already asked or invited.
 */
export async function searchInviteCandidates(networkId: string, circleId: string, term: string, limit = 20) {
	const q = term.trim();
	if (q.length < 2) return [];
	return (await db())
		.select({ userId: user.id, name: user.name, email: user.email, organisation: organisationOf(networkId) })
		.from(user)
		.where(
			and(
				sql`exists (select 1 from ${networkRoleAssignments}
					where ${networkRoleAssignments.networkId} = ${networkId}
					and ${networkRoleAssignments.userId} = ${user.id}
					and ${inArray(networkRoleAssignments.role, ['member', 'partner'])})`,
				sql`not exists (select 1 from ${circleMemberships}
					where ${circleMemberships.circleId} = ${circleId} and ${circleMemberships.userId} = ${user.id})`,
				sql`not exists (select 1 from ${circleAdmissions}
					where ${circleAdmissions.circleId} = ${circleId} and ${circleAdmissions.userId} = ${user.id}
					and ${circleAdmissions.status} = 'pending')`,
				sql`(${foldColumn(sql`${user.name}`)} like ${containsPattern(foldTerm(q))}
					or ${user.email} like ${containsPattern(q.toLowerCase())})`
			)
		)
		.orderBy(asc(user.name))
		.limit(limit);
}
