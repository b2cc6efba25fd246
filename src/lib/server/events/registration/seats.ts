import { and, asc, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/index.ts';
import { eventRegistrations, events } from '../../db/schema/index.ts';
import { queueRegistrationMail } from './mails.ts';

/**
 * The seat rules. Every change of who holds a seat goes through the event row: the conditional
 * increment below takes its row lock, so concurrent registrations, confirmations, cancellations and
 * promotions of one event are serialised by PostgreSQL itself (on PGlite by its single connection),
 * and the CHECK `seats_taken <= capacity` is the last line of defence.
 */

/**
 * Gives the registration a seat if one is free; otherwise it stays on the waitlist. The row must
 * exist with status 'waitlisted' (inserted or updated by the caller in this transaction). One
 * statement, so the event row is locked for as short a time as possible: until the commit.
 */
export async function takeSeatOrWait(
	tx: Transaction,
	eventId: string,
	registrationId: string
): Promise<'registered' | 'waitlisted'> {
	const result = await tx.execute<{ id: string }>(sql`
		with seat as (
			update ${events} set seats_taken = seats_taken + 1
			where id = ${eventId} and (capacity is null or seats_taken < capacity)
			returning id
		)
		update ${eventRegistrations} set status = 'registered'
		where id = ${registrationId} and status = 'waitlisted' and exists (select 1 from seat)
		returning id`);
	return result.rows.length > 0 ? 'registered' : 'waitlisted';
}

/** Locks the event row: every seat change of this event waits for this transaction. */
export async function lockEvent(tx: Transaction, eventId: string) {
	const [row] = await tx.select().from(events).where(eq(events.id, eventId)).for('update');
	return row ?? null;
}

/** Gives back one seat; the caller holds the event lock (lockEvent) in this transaction. */
export async function releaseSeat(tx: Transaction, eventId: string) {
	await tx
		.update(events)
		.set({ seatsTaken: sql`${events.seatsTaken} - 1` })
		.where(eq(events.id, eventId));
}

/**
 * Moves waitlisted people (in arrival order) onto free seats and mails them. Used after a
 * cancellation and after a capacity increase. Locks the event row first (a no-op when the caller
 * already holds it), so the first on the waitlist is always the one promoted.
 */
export async function fillFreeSeats(tx: Transaction, eventId: string, origin: string): Promise<string[]> {
	const event = await lockEvent(tx, eventId);
	if (!event || event.status === 'cancelled') return [];
	const free = event.capacity === null ? null : event.capacity - event.seatsTaken;
	if (free !== null && free <= 0) return [];
	const waiting = tx
		.select({ id: eventRegistrations.id })
		.from(eventRegistrations)
		.where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, 'waitlisted')))
		.orderBy(asc(eventRegistrations.seq));
	const next = await (free === null ? waiting : waiting.limit(free));
	if (!next.length) return [];
	const ids = next.map((row) => row.id);
	await tx.execute(sql`
		update ${eventRegistrations} set status = 'registered', promoted_at = now()
		where id in (${sql.join(
			ids.map((id) => sql`${id}`),
			sql`, `
		)}) and status = 'waitlisted'`);
	await tx
		.update(events)
		.set({ seatsTaken: sql`${events.seatsTaken} + ${ids.length}` })
		.where(eq(events.id, eventId));
	for (const id of ids) await queueRegistrationMail(tx, id, 'promoted', origin);
	return ids;
}
