import { and, eq, inArray, sql } from 'drizzle-orm';
import { db } from '../../db/index.ts';
import { eventMessages, eventRegistrations, events } from '../../db/schema/index.ts';
import { recordAudit, type AuditContext } from '../../audit/mutations.ts';
import type { Actor } from '../../policy/actor.ts';
import type { RegistrationStatus } from '../../../events/vocabulary.ts';
import type { EventRow } from '../scope.ts';
import { hasStarted, isCheckInOpen } from '../check-in/window.ts';
import { queueOrganiserMessage } from './mail.ts';
import { recomputeAttendanceFigures } from '../follow-up/attendance.ts';

/**
 * The organiser's changes to one event. Callers have authorised 'event.manage' for the event;
 * every statement still carries the network and event in its `where`, so a registration of
 * another event is simply not found.
 */

type Base = { actor: Actor; networkId: string; context?: AuditContext };

export type AttendanceMark = 'attended' | 'no_show' | 'undo';

/**
 * Which statuses each mark may start from. Registered, attended and no-show all hold a seat, so
 * none of these moves changes `seats_taken`.
 */
const markFrom: Record<AttendanceMark, RegistrationStatus[]> = {
	attended: ['registered', 'no_show'],
	no_show: ['registered', 'attended'],
	undo: ['attended', 'no_show']
};

export type AttendanceResult =
	| { ok: true; status: RegistrationStatus }
	| { ok: false; reason: 'NOT_FOUND' | 'NOT_YET' | 'EVENT_CANCELLED' | 'WRONG_STATUS' };

export async function markAttendance(
	input: Base & { event: EventRow; registrationId: string; mark: AttendanceMark; now?: Date }
): Promise<AttendanceResult> {
	const { actor, networkId, event, registrationId, mark } = input;
	const now = input.now ?? new Date();
	if (event.status === 'cancelled') return { ok: false, reason: 'EVENT_CANCELLED' };
	if (mark === 'attended' && !isCheckInOpen(event, now)) return { ok: false, reason: 'NOT_YET' };
	if (mark === 'no_show' && !hasStarted(event, now)) return { ok: false, reason: 'NOT_YET' };
	const status: RegistrationStatus = mark === 'undo' ? 'registered' : mark;
	const r = eventRegistrations;
	return (await db()).transaction(async (tx) => {
		const [updated] = await tx
			.update(r)
			.set({
				status,
				checkedInAt: mark === 'attended' ? sql`coalesce(${r.checkedInAt}, now())` : null,
				checkedInBy: mark === 'attended' ? sql`coalesce(${r.checkedInBy}, ${actor.userId})` : null
			})
			.where(
				and(
					eq(r.networkId, networkId),
					eq(r.eventId, event.id),
					eq(r.id, registrationId),
					inArray(r.status, markFrom[mark])
				)
			)
			.returning({ id: r.id });
		if (!updated) {
			const [exists] = await tx
				.select({ status: r.status })
				.from(r)
				.where(and(eq(r.networkId, networkId), eq(r.eventId, event.id), eq(r.id, registrationId)));
			return exists ? { ok: false as const, reason: 'WRONG_STATUS' as const } : notFound;
		}
		await recomputeAttendanceFigures(tx, event.id);
		await recordAudit(
			{
				networkId,
				actor,
				action: `event.attendance.${mark}`,
				targetType: 'event_registration',
				targetId: registrationId,
				details: { eventId: event.id, status },
				context: input.context
			},
			tx
		);
		return { ok: true as const, status };
	});
}

const notFound = { ok: false as const, reason: 'NOT_FOUND' as const };

/** Close or reopen registration by hand, whatever the window says. */
export async function setRegistrationClosed(input: Base & { eventId: string; closed: boolean }) {
	const { actor, networkId, eventId, closed } = input;
	return (await db()).transaction(async (tx) => {
		const [row] = await tx
			.update(events)
			.set({ registrationClosed: closed, updatedAt: new Date() })
			.where(and(eq(events.networkId, networkId), eq(events.id, eventId)))
			.returning({ id: events.id });
		if (!row) return notFound;
		await recordAudit(
			{
				networkId,
				actor,
				action: closed ? 'event.registration.close' : 'event.registration.reopen',
				targetType: 'event',
				targetId: eventId,
				context: input.context
			},
			tx
		);
		return { ok: true as const };
	});
}

export type MessageResult = { ok: true; recipients: number } | { ok: false; reason: 'NO_RECIPIENTS' };

/**
 * Sends the organiser's message to everyone holding a seat (and the waitlist if asked): one mail
 * per person in their language, the message kept in event_messages, all in one transaction.
 */
export async function messageAttendees(
	input: Base & {
		network: { id: string; name: string };
		event: EventRow;
		subject: string;
		body: string;
		includeWaitlist: boolean;
		origin: string;
	}
): Promise<MessageResult> {
	const { actor, network, event, subject, body } = input;
	const statuses: RegistrationStatus[] = ['registered', 'attended', 'no_show'];
	if (input.includeWaitlist) statuses.push('waitlisted');
	return (await db()).transaction(async (tx) => {
		const recipients = await tx
			.select({
				name: eventRegistrations.name,
				email: eventRegistrations.email,
				locale: eventRegistrations.locale,
				status: eventRegistrations.status
			})
			.from(eventRegistrations)
			.where(
				and(
					eq(eventRegistrations.networkId, network.id),
					eq(eventRegistrations.eventId, event.id),
					inArray(eventRegistrations.status, statuses)
				)
			)
			.orderBy(eventRegistrations.seq);
		if (recipients.length === 0) return { ok: false as const, reason: 'NO_RECIPIENTS' as const };
		for (const recipient of recipients) {
			await queueOrganiserMessage(
				{
					network,
					event,
					recipient: { ...recipient, waitlisted: recipient.status === 'waitlisted' },
					subject,
					body,
					origin: input.origin
				},
				tx
			);
		}
		const [message] = await tx
			.insert(eventMessages)
			.values({
				networkId: network.id,
				eventId: event.id,
				sentBy: actor.userId,
				subject,
				body,
				recipients: recipients.length
			})
			.returning({ id: eventMessages.id });
		await recordAudit(
			{
				networkId: network.id,
				actor,
				action: 'event.message.send',
				targetType: 'event',
				targetId: event.id,
				details: {
					messageId: message!.id,
					recipients: recipients.length,
					includeWaitlist: input.includeWaitlist
				},
				context: input.context
			},
			tx
		);
		return { ok: true as const, recipients: recipients.length };
	});
}

/** The registration core writes the row; the organiser's part in it is audited here. */
export async function recordOrganiserAdd(
	input: Base & { eventId: string; registrationId: string; status: string; guest: boolean }
) {
	await recordAudit({
		networkId: input.networkId,
		actor: input.actor,
		action: 'event.registration.added_by_organiser',
		targetType: 'event_registration',
		targetId: input.registrationId,
		details: { eventId: input.eventId, status: input.status, guest: input.guest },
		context: input.context
	});
}
