import { and, eq, inArray } from 'drizzle-orm';
import { db } from '../../db/index.ts';
import { eventRegistrations } from '../../db/schema/index.ts';
import { recordAudit, type AuditContext } from '../../audit/mutations.ts';
import type { Actor } from '../../policy/actor.ts';
import type { EventRow } from '../scope.ts';
import { isCheckInOpen } from './window.ts';
import { recomputeAttendanceFigures } from '../follow-up/attendance.ts';

export type CheckInResult =
	| { ok: true; registrationId: string; name: string; checkedInAt: Date; already: boolean }
	| {
			ok: false;
			reason:
				'NOT_FOUND' | 'UNKNOWN_TICKET' | 'OTHER_EVENT' | 'NOT_OPEN' | 'WAITLISTED' | 'PENDING' | 'CANCELLED';
			name?: string;
	  };

/** Typed codes come with spaces, dashes or in lower case; the printed code is what is stored. */
export function ticketVariants(typed: string) {
	const compact = typed.replace(/\s+/g, '');
	const bare = compact.replaceAll('-', '');
	return [...new Set([compact, bare, compact.toUpperCase(), bare.toUpperCase()])];
}

type CheckInInput = {
	actor: Actor;
	networkId: string;
	event: EventRow;
	context?: AuditContext;
	now?: Date;
} & ({ registrationId: string } | { ticketCode: string });

/**
 * Marks a registration of this event attended. Idempotent: the update only fires from a seat
 * holder that is not yet attended; a second scan (or a second phone at the same door) gets the
 * first check-in's time back. Waitlisted, unconfirmed and cancelled people are refused with a
 * reason, and a ticket of another event never checks anyone in here.
 */
export async function checkIn(input: CheckInInput): Promise<CheckInResult> {
	const { actor, networkId, event } = input;
	const r = eventRegistrations;
	const database = await db();
	const [found] = await database
		.select({ id: r.id, eventId: r.eventId, name: r.name, status: r.status, checkedInAt: r.checkedInAt })
		.from(r)
		.where(
			and(
				eq(r.networkId, networkId),
				'ticketCode' in input
					? inArray(r.ticketCode, ticketVariants(input.ticketCode))
					: eq(r.id, input.registrationId),
				'ticketCode' in input ? undefined : eq(r.eventId, event.id)
			)
		);
	if (!found) return { ok: false, reason: 'ticketCode' in input ? 'UNKNOWN_TICKET' : 'NOT_FOUND' };
	if (found.eventId !== event.id) return { ok: false, reason: 'OTHER_EVENT' };
	if (!isCheckInOpen(event, input.now)) return { ok: false, reason: 'NOT_OPEN' };
	return database.transaction(async (tx) => {
		const [updated] = await tx
			.update(r)
			.set({ status: 'attended', checkedInAt: input.now ?? new Date(), checkedInBy: actor.userId })
			.where(
				and(
					eq(r.networkId, networkId),
					eq(r.eventId, event.id),
					eq(r.id, found.id),
					inArray(r.status, ['registered', 'no_show'])
				)
			)
			.returning({ checkedInAt: r.checkedInAt });
		if (updated) {
			await recomputeAttendanceFigures(tx, event.id);
			await recordAudit(
				{
					networkId,
					actor,
					action: 'event.check_in',
					targetType: 'event_registration',
					targetId: found.id,
					details: { eventId: event.id, by: 'ticketCode' in input ? 'ticket' : 'list' },
					context: input.context
				},
				tx
			);
			return {
				ok: true as const,
				registrationId: found.id,
				name: found.name,
				checkedInAt: updated.checkedInAt!,
				already: false
			};
		}
		const [now] = await tx
			.select({ status: r.status, checkedInAt: r.checkedInAt })
			.from(r)
			.where(eq(r.id, found.id));
		const name = found.name;
		if (now?.status === 'attended')
			return {
				ok: true as const,
				registrationId: found.id,
				name,
				checkedInAt: now.checkedInAt ?? new Date(),
				already: true
			};
		if (now?.status === 'waitlisted') return { ok: false as const, reason: 'WAITLISTED' as const, name };
		if (now?.status === 'pending') return { ok: false as const, reason: 'PENDING' as const, name };
		return { ok: false as const, reason: 'CANCELLED' as const, name };
	});
}
