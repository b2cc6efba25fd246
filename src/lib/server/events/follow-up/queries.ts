import { and, asc, desc, eq, gte, isNull, lt, lte, sql } from 'drizzle-orm';
import { db, type DatabaseOrTransaction } from '../../db/index.ts';
import { eventAttendanceFigures, eventFeedback, eventRegistrations, events } from '../../db/schema/index.ts';

/** Registrations due for their reminder: seat held, not yet reminded, event published and ahead. */
export async function findDueReminders(database: DatabaseOrTransaction, now: Date, limit = 500) {
	const rows = await database
		.select({ id: eventRegistrations.id })
		.from(eventRegistrations)
		.innerJoin(events, eq(events.id, eventRegistrations.eventId))
		.where(
			and(
				eq(eventRegistrations.status, 'registered'),
				isNull(eventRegistrations.reminderSentAt),
				eq(events.status, 'published'),
				sql`${events.startsAt} > ${now}`,
				sql`${events.startsAt} - make_interval(mins => ${events.reminderMinutesBefore}) <= ${now}`
			)
		)
		.orderBy(asc(events.startsAt), asc(eventRegistrations.seq))
		.limit(limit);
	return rows.map((row) => row.id);
}

/**
 * Published events that ended and whose feedback requests were never queued. Only recent ones:
 * an event that ended long before the job first ran (an import, a restored backup) gets no mail.
 */
export async function findEndedEventsAwaitingFollowUp(
	database: DatabaseOrTransaction,
	now: Date,
	lookbackDays = 14
) {
	const rows = await database
		.select({ id: events.id })
		.from(events)
		.where(
			and(
				eq(events.status, 'published'),
				isNull(events.feedbackRequestedAt),
				lte(events.endsAt, now),
				gte(events.endsAt, new Date(now.getTime() - lookbackDays * 24 * 60 * 60 * 1000))
			)
		)
		.orderBy(asc(events.endsAt))
		.limit(200);
	return rows.map((row) => row.id);
}

/** The registration a feedback token names, with its event; null when either is missing. */
export async function findFeedbackTarget(networkId: string, registrationId: string) {
	const database = await db();
	const [row] = await database
		.select({ registration: eventRegistrations, event: events })
		.from(eventRegistrations)
		.innerJoin(events, eq(events.id, eventRegistrations.eventId))
		.where(and(eq(eventRegistrations.networkId, networkId), eq(eventRegistrations.id, registrationId)));
	if (!row || row.event.networkId !== networkId) return null;
	const [feedback] = await database
		.select({ rating: eventFeedback.rating, comment: eventFeedback.comment })
		.from(eventFeedback)
		.where(eq(eventFeedback.registrationId, registrationId));
	return { ...row, feedback: feedback ?? null };
}

export async function readFeedbackCounts(networkId: string, eventId: string) {
	const database = await db();
	return database
		.select({ rating: eventFeedback.rating, n: sql<number>`count(*)::int` })
		.from(eventFeedback)
		.where(and(eq(eventFeedback.networkId, networkId), eq(eventFeedback.eventId, eventId)))
		.groupBy(eventFeedback.rating);
}

export async function readFeedbackComments(networkId: string, eventId: string, limit: number) {
	const database = await db();
	return database
		.select({
			rating: eventFeedback.rating,
			comment: eventFeedback.comment,
			createdAt: eventFeedback.createdAt
		})
		.from(eventFeedback)
		.where(
			and(
				eq(eventFeedback.networkId, networkId),
				eq(eventFeedback.eventId, eventId),
				sql`${eventFeedback.comment} <> ''`
			)
		)
		.orderBy(desc(eventFeedback.createdAt))
		.limit(limit);
}

/** Stored attendance figures of a network's events that started in [from, to), oldest first. */
export async function listAttendanceFigures(networkId: string, range: { from: Date; to: Date }) {
	const database = await db();
	return database
		.select({
			eventId: events.id,
			titleDe: events.titleDe,
			titleEn: events.titleEn,
			startsAt: events.startsAt,
			formatId: events.formatId,
			registered: eventAttendanceFigures.registered,
			attended: eventAttendanceFigures.attended,
			noShows: eventAttendanceFigures.noShows,
			waitlisted: eventAttendanceFigures.waitlisted,
			memberOrganisationsReached: eventAttendanceFigures.memberOrganisationsReached,
			computedAt: eventAttendanceFigures.computedAt
		})
		.from(eventAttendanceFigures)
		.innerJoin(events, eq(events.id, eventAttendanceFigures.eventId))
		.where(
			and(
				eq(eventAttendanceFigures.networkId, networkId),
				eq(events.networkId, networkId),
				gte(events.startsAt, range.from),
				lt(events.startsAt, range.to)
			)
		)
		.orderBy(asc(events.startsAt));
}
