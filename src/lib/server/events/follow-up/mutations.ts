import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { db, type Database } from '../../db/index.ts';
import { eventFeedback, eventRegistrations, events } from '../../db/schema/index.ts';
import { logger } from '../../logger.ts';
import { recomputeAttendanceFigures } from './attendance.ts';
import { feedbackLink } from './feedback-link.ts';
import { queueFeedbackMail, queueReminderMail } from './mails.ts';
import { registrationAccessToken, registrationLink } from '../registration/index.ts';
import { findDueReminders, findEndedEventsAwaitingFollowUp } from './queries.ts';
import { findMailNetwork } from '../../networks/queries.ts';

/**
 * Claims one registration's reminder and queues the mail in the same transaction: the
 * conditional update lets exactly one of several concurrent sweeps (processes) win; the others
 * see no row and send nothing. The event's state is re-checked in the claim, so a registration
 * cancelled or an event cancelled since the candidate query gets no reminder.
 */
async function sendReminder(database: Database, registrationId: string, now: Date) {
	return database.transaction(async (tx) => {
		const [claimed] = await tx
			.update(eventRegistrations)
			.set({ reminderSentAt: sql`now()` })
			.where(
				and(
					eq(eventRegistrations.id, registrationId),
					isNull(eventRegistrations.reminderSentAt),
					eq(eventRegistrations.status, 'registered'),
					sql`exists (select 1 from ${events} where ${events.id} = ${eventRegistrations.eventId}
						and ${events.status} = 'published' and ${events.startsAt} > ${now})`
				)
			)
			.returning();
		if (!claimed) return false;
		const [event] = await tx.select().from(events).where(eq(events.id, claimed.eventId));
		const network = await findMailNetwork(tx, claimed.networkId);
		const personalLink = registrationLink(network.origin, registrationAccessToken(claimed));
		await queueReminderMail(tx, { event: event!, registration: claimed, network, personalLink });
		return true;
	});
}

/** Sends every due reminder once; answers how many this sweep sent. */
export async function sweepReminders(database?: Database, now = new Date()) {
	const target = database ?? (await db());
	let sent = 0;
	for (const id of await findDueReminders(target, now)) if (await sendReminder(target, id, now)) sent++;
	if (sent) logger.info({ count: sent }, 'event reminders queued');
	return sent;
}

/**
 * After an event: claims it (feedbackRequestedAt), stores its attendance figures and queues one
 * feedback request per attendee — those checked in, or, when nobody was checked in, everyone who
 * held a seat. Each registration is claimed on its own as well, so a request is never sent twice.
 */
async function followUpEvent(database: Database, eventId: string, now: Date) {
	return database.transaction(async (tx) => {
		const [event] = await tx
			.update(events)
			.set({ feedbackRequestedAt: sql`now()` })
			.where(
				and(
					eq(events.id, eventId),
					isNull(events.feedbackRequestedAt),
					eq(events.status, 'published'),
					sql`${events.endsAt} <= ${now}`
				)
			)
			.returning();
		if (!event) return 0;
		const figures = await recomputeAttendanceFigures(tx, eventId);
		const statuses = figures && figures.attended > 0 ? (['attended'] as const) : (['registered'] as const);
		const recipients = await tx
			.update(eventRegistrations)
			.set({ feedbackRequestedAt: sql`now()` })
			.where(
				and(
					eq(eventRegistrations.eventId, eventId),
					isNull(eventRegistrations.feedbackRequestedAt),
					inArray(eventRegistrations.status, [...statuses])
				)
			)
			.returning();
		const network = await findMailNetwork(tx, event.networkId);
		for (const registration of recipients)
			await queueFeedbackMail(tx, {
				event,
				registration,
				network,
				feedbackLink: feedbackLink(network.origin, registration)
			});
		return recipients.length;
	});
}

export async function sweepEndedEvents(database?: Database, now = new Date()) {
	const target = database ?? (await db());
	let requested = 0;
	for (const id of await findEndedEventsAwaitingFollowUp(target, now))
		requested += await followUpEvent(target, id, now);
	if (requested) logger.info({ count: requested }, 'event feedback requests queued');
	return requested;
}

/**
 * Stores the one feedback of a registration. A second submission replaces the first: people
 * correct a slip of the finger or add a comment, and the summary still counts one voice each.
 */
export async function saveFeedback(input: {
	networkId: string;
	eventId: string;
	registrationId: string;
	rating: number;
	comment: string;
}) {
	const database = await db();
	await database
		.insert(eventFeedback)
		.values(input)
		.onConflictDoUpdate({
			target: eventFeedback.registrationId,
			set: { rating: input.rating, comment: input.comment, createdAt: sql`now()` }
		});
}
