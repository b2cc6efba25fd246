import { and, asc, eq, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction, Transaction } from '../../db/index.ts';
import { eventRegistrations, events, organisations } from '../../db/schema/index.ts';
import { queueRegistrationMail } from './mails.ts';

/**
 * The seat rules. Every change of who holds a seat goes through the event row: the conditional
 * increment below takes its row lock, so concurrent registrations, confirmations, cancellations and
 * promotions of one event are serialised by PostgreSQL itself (on PGlite by its single connection),
 * and the CHECK `seats_taken <= capacity` is the last line of defence.
 */

export type SeatOutcome = 'registered' | 'waitlisted';

/**
 * Takes a seat if one is free, then stores the registration with the outcome — one statement, so
 * the event row is locked from here to the commit and nothing else. The seat comes first on
 * purpose: the arrival number (`seq`, an identity column) is drawn when the row is built, which
 * the outer SELECT does only after the aggregate has consumed the seat CTE, i.e. after the event
 * row's lock was granted. So whoever gets a seat also got a lower number than everyone who waited
 * behind them for the lock (a plain `VALUES (...)` would draw the number before the lock).
 * A second live registration of the same person violates the unique index and rolls the whole
 * statement back, seat included.
 *
 * The organisation is looked up here too (saves a round trip): `organisationId` is kept only if it
 * names an organisation of this network, and its name is stored — `organisationName` is the
 * fallback when there is none (a guest's own entry; '' for a member without one).
 */
export async function insertRegistrationWithSeat(
	tx: DatabaseOrTransaction,
	row: {
		id: string;
		networkId: string;
		eventId: string;
		userId: string | null;
		organisationId: string | null;
		name: string;
		email: string;
		organisationName: string;
		locale: string;
		answers: Record<string, string>;
		accessTokenHash: string;
		ticketCode: string;
		addedBy: string | null;
	}
): Promise<SeatOutcome> {
	const result = await tx.execute<{ status: SeatOutcome }>(sql`
		with seat as (
			update ${events} set seats_taken = seats_taken + 1
			where id = ${row.eventId} and network_id = ${row.networkId}
				and (capacity is null or seats_taken < capacity)
			returning id
		)
		insert into ${eventRegistrations} (
			id, network_id, event_id, user_id, organisation_id, name, email, organisation_name, locale,
			answers, access_token_hash, ticket_code, added_by, confirmed_at, status
		)
		select ${row.id}, ${row.networkId}, ${row.eventId}, ${row.userId}, organisation.id,
			${row.name}, ${row.email}, coalesce(organisation.name, ${row.organisationName}), ${row.locale},
			${JSON.stringify(row.answers)}::jsonb, ${row.accessTokenHash}, ${row.ticketCode}, ${row.addedBy},
			now(), case when taken.n > 0 then 'registered' else 'waitlisted' end
		from (select count(*) as n from seat) taken
		left join ${organisations} organisation
			on organisation.id = ${row.organisationId} and organisation.network_id = ${row.networkId}
		returning status`);
	return result.rows[0]!.status;
}

/**
 * A confirmed guest (status 'pending', claimed by the caller in this transaction) queues for a seat
 * with a new arrival number: like insertRegistrationWithSeat, the seat first, then the number.
 */
export async function seatConfirmedGuest(
	tx: Transaction,
	eventId: string,
	registrationId: string
): Promise<SeatOutcome> {
	const result = await tx.execute<{ status: SeatOutcome }>(sql`
		with seat as (
			update ${events} set seats_taken = seats_taken + 1
			where id = ${eventId} and (capacity is null or seats_taken < capacity)
			returning id
		)
		update ${eventRegistrations} registration
		set status = case when taken.n > 0 then 'registered' else 'waitlisted' end, seq = default
		from (select count(*) as n from seat) taken
		where registration.id = ${registrationId} and registration.status = 'pending'
		returning registration.status`);
	const status = result.rows[0]?.status;
	if (!status) throw new Error('seatConfirmedGuest: the registration is not pending in this transaction');
	return status;
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
