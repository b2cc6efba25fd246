import { and, asc, eq, sql } from 'drizzle-orm';
import { db } from '../../db/index.ts';
import {
	eventMessages,
	eventQuestions,
	eventRegistrations,
	networkRoleAssignments,
	user
} from '../../db/schema/index.ts';
import { containsPattern, foldColumn, foldTerm } from '../../office/search.ts';
import type { RegistrationStatus } from '../../../events/vocabulary.ts';
import type { EventRow } from '../scope.ts';

/**
 * Reads for the organiser's pages. Every query is scoped by network and event; callers have
 * authorised 'event.manage' (or 'event.check_in') for that event first.
 */

export type AttendeeCounts = Record<RegistrationStatus, number> & { seatsLeft: number | null };

export async function attendeeCounts(
	networkId: string,
	event: Pick<EventRow, 'id' | 'capacity' | 'seatsTaken'>
): Promise<AttendeeCounts> {
	const rows = await (
		await db()
	)
		.select({ status: eventRegistrations.status, count: sql<number>`count(*)::int` })
		.from(eventRegistrations)
		.where(and(eq(eventRegistrations.networkId, networkId), eq(eventRegistrations.eventId, event.id)))
		.groupBy(eventRegistrations.status);
	const counts: AttendeeCounts = {
		pending: 0,
		registered: 0,
		waitlisted: 0,
		cancelled: 0,
		attended: 0,
		no_show: 0,
		seatsLeft: event.capacity === null ? null : Math.max(0, event.capacity - event.seatsTaken)
	};
	for (const row of rows) counts[row.status] = Number(row.count);
	return counts;
}

export type EventQuestion = typeof eventQuestions.$inferSelect;

export async function questionsOf(networkId: string, eventId: string): Promise<EventQuestion[]> {
	return (await db())
		.select()
		.from(eventQuestions)
		.where(and(eq(eventQuestions.networkId, networkId), eq(eventQuestions.eventId, eventId)))
		.orderBy(asc(eventQuestions.position), asc(eventQuestions.id));
}

export type AttendeeFilter = { status?: RegistrationStatus; q?: string };

/** One row of the attendee list; the waitlist position is counted among the live waitlisted. */
export type Attendee = {
	id: string;
	name: string;
	email: string;
	organisationName: string;
	status: RegistrationStatus;
	createdAt: Date;
	checkedInAt: Date | null;
	waitlistPosition: number | null;
	answers: Record<string, string>;
	isMember: boolean;
};

export async function listAttendees(
	networkId: string,
	eventId: string,
	filter: AttendeeFilter = {}
): Promise<Attendee[]> {
	const r = eventRegistrations;
	const q = filter.q?.trim();
	const rows = await (
		await db()
	)
		.select({
			id: r.id,
			name: r.name,
			email: r.email,
			organisationName: r.organisationName,
			status: r.status,
			createdAt: r.createdAt,
			checkedInAt: r.checkedInAt,
			answers: r.answers,
			userId: r.userId,
			// Select lists render bare column names, so the correlated subquery names its tables itself.
			waitlistPosition: sql<number | null>`case when event_registrations.status = 'waitlisted' then
				(select count(*)::int from event_registrations w
				where w.event_id = event_registrations.event_id and w.status = 'waitlisted'
				and w.seq <= event_registrations.seq) end`
		})
		.from(r)
		.where(
			and(
				eq(r.networkId, networkId),
				eq(r.eventId, eventId),
				filter.status ? eq(r.status, filter.status) : undefined,
				q
					? sql`(${foldColumn(sql`${r.name}`)} like ${containsPattern(foldTerm(q))}
						or ${foldColumn(sql`${r.organisationName}`)} like ${containsPattern(foldTerm(q))}
						or ${r.email} like ${containsPattern(q.toLowerCase())})`
					: undefined
			)
		)
		.orderBy(asc(r.seq));
	return rows.map(({ userId, waitlistPosition, ...row }) => ({
		...row,
		waitlistPosition: waitlistPosition === null ? null : Number(waitlistPosition),
		isMember: userId !== null
	}));
}

/** The registration if it belongs to this event of this network; otherwise null (→ 404). */
export async function findRegistrationOfEvent(networkId: string, eventId: string, registrationId: string) {
	const [row] = await (
		await db()
	)
		.select()
		.from(eventRegistrations)
		.where(
			and(
				eq(eventRegistrations.networkId, networkId),
				eq(eventRegistrations.eventId, eventId),
				eq(eventRegistrations.id, registrationId)
			)
		);
	return row ?? null;
}

export type MemberCandidate = { userId: string; name: string; email: string; organisationName: string };

/** People with a role in the network, by name or e-mail, for "add a person". */
export async function searchMembersToAdd(
	networkId: string,
	term: string,
	limit = 20
): Promise<MemberCandidate[]> {
	const q = term.trim();
	if (q.length < 2) return [];
	const rows = await (
		await db()
	)
		.select({
			userId: user.id,
			name: user.name,
			email: user.email,
			// Select lists render bare column names, so the correlated subquery names its tables itself.
			organisationName: sql<string>`coalesce((select o.name from organisation_memberships om
				join organisations o on o.id = om.organisation_id
				where om.network_id = ${networkId} and om.user_id = "user".id
				order by o.name limit 1), '')`
		})
		.from(user)
		.where(
			and(
				sql`exists (select 1 from ${networkRoleAssignments}
					where ${networkRoleAssignments.networkId} = ${networkId}
					and ${networkRoleAssignments.userId} = ${user.id})`,
				sql`(${foldColumn(sql`${user.name}`)} like ${containsPattern(foldTerm(q))}
					or ${user.email} like ${containsPattern(q.toLowerCase())})`
			)
		)
		.orderBy(asc(user.name))
		.limit(limit);
	return rows;
}

/** Whether this user has a role in the network (an organiser may only add the network's people). */
export async function isNetworkPerson(networkId: string, userId: string) {
	const [row] = await (
		await db()
	)
		.select({ userId: networkRoleAssignments.userId })
		.from(networkRoleAssignments)
		.where(and(eq(networkRoleAssignments.networkId, networkId), eq(networkRoleAssignments.userId, userId)))
		.limit(1);
	return !!row;
}

export async function listEventMessages(networkId: string, eventId: string) {
	return (await db())
		.select({
			id: eventMessages.id,
			subject: eventMessages.subject,
			recipients: eventMessages.recipients,
			createdAt: eventMessages.createdAt,
			sentByName: user.name
		})
		.from(eventMessages)
		.leftJoin(user, eq(user.id, eventMessages.sentBy))
		.where(and(eq(eventMessages.networkId, networkId), eq(eventMessages.eventId, eventId)))
		.orderBy(sql`${eventMessages.createdAt} desc`)
		.limit(20);
}
