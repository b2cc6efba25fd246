import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import { hashPassword } from 'better-auth/crypto';
import { useFreshDatabase } from '../helpers/database.ts';
import { createNetwork, createUser, grantNetworkRole } from '../../src/lib/server/testing/factories.ts';
import { createEvent } from '../../src/lib/server/testing/event-factories.ts';
import { eventRegistrations, events, mailMessages } from '../../src/lib/server/db/schema/index.ts';
import type { Actor } from '../../src/lib/server/policy/actor.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import { cancelRegistration, registerMember } from '../../src/lib/server/events/registration/index.ts';
import { waitlistPosition } from '../../src/lib/server/events/registration/position.ts';

/**
 * The concurrency promise: 300 members press "register" at the same moment for 50 seats.
 * On PostgreSQL the calls really overlap (a pool of connections, the event row's lock decides); on
 * PGlite they queue on its single connection. Either way the outcome must be exact.
 */
const ORIGIN = 'http://knotenpunkt.test';
const MEMBERS = 300;
const SEATS = 50;

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let networkId: string;
let actors: Actor[];

function memberActor(row: { id: string; email: string; name: string }): Actor {
	return {
		networkId,
		userId: row.id,
		email: row.email,
		name: row.name,
		emailVerified: true,
		twoFactorEnabled: false,
		networkRoles: ['member'],
		organisations: [],
		circles: []
	};
}

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	networkId = (await createNetwork(db)).id;
	const passwordHash = await hashPassword('correct-horse-battery');
	actors = [];
	for (let i = 0; i < MEMBERS; i++) {
		const row = await createUser(db, { name: `Mitglied ${i}`, passwordHash });
		await grantNetworkRole(db, networkId, row.id, 'member');
		actors.push(memberActor(row));
	}
}, 120_000);

afterAll(async () => {
	await database?.close();
});

const registrationsOf = (eventId: string) =>
	db
		.select({
			id: eventRegistrations.id,
			userId: eventRegistrations.userId,
			status: eventRegistrations.status,
			seq: eventRegistrations.seq
		})
		.from(eventRegistrations)
		.where(eq(eventRegistrations.eventId, eventId))
		.orderBy(asc(eventRegistrations.seq));

const seatsTaken = async (eventId: string) =>
	(await db.select({ n: events.seatsTaken }).from(events).where(eq(events.id, eventId)))[0]!.n;

describe('300 simultaneous registrations for 50 seats', () => {
	let eventId: string;

	it('registers exactly 50, waitlists 250 in arrival order without gaps, and never overbooks', async () => {
		eventId = (await createEvent(db, networkId, { capacity: SEATS })).id;
		const results = await Promise.all(
			actors.map((actor) => registerMember({ actor, eventId, answers: {}, locale: 'de', origin: ORIGIN }))
		);
		expect(results.filter((r) => r.ok && r.status === 'registered')).toHaveLength(SEATS);
		expect(results.filter((r) => r.ok && r.status === 'waitlisted')).toHaveLength(MEMBERS - SEATS);

		const rows = await registrationsOf(eventId);
		expect(rows).toHaveLength(MEMBERS);
		expect(new Set(rows.map((r) => r.userId)).size).toBe(MEMBERS);
		expect(rows.filter((r) => r.status === 'registered')).toHaveLength(SEATS);
		expect(await seatsTaken(eventId)).toBe(SEATS);

		// The seats went to the first arrivals: every seat holder's arrival number is lower than
		// every waitlisted person's (on PostgreSQL the calls overlap and race for the event's lock).
		const waitlisted = rows.filter((r) => r.status === 'waitlisted');
		const lastSeatHolder = Math.max(...rows.filter((r) => r.status === 'registered').map((r) => r.seq));
		const firstWaiting = Math.min(...waitlisted.map((r) => r.seq));
		expect(lastSeatHolder).toBeLessThan(firstWaiting);
		expect(rows.slice(0, SEATS).every((r) => r.status === 'registered')).toBe(true);

		const positions = [];
		for (const row of waitlisted) positions.push(await waitlistPosition(db, row.id));
		expect(positions).toEqual(Array.from({ length: MEMBERS - SEATS }, (_, i) => i + 1));

		const mails = await db
			.select({ kind: mailMessages.kind, n: sql<number>`count(*)::int` })
			.from(mailMessages)
			.where(eq(mailMessages.networkId, networkId))
			.groupBy(mailMessages.kind);
		expect(Object.fromEntries(mails.map((m) => [m.kind, m.n]))).toEqual({
			'event-confirmed': SEATS,
			'event-waitlisted': MEMBERS - SEATS
		});
	}, 120_000);

	it('promotes exactly the first 10 of the waitlist when 10 seat holders cancel at once', async () => {
		const before = await registrationsOf(eventId);
		const holders = before.filter((r) => r.status === 'registered').slice(0, 10);
		const firstWaiting = before.filter((r) => r.status === 'waitlisted').slice(0, 10);
		const results = await Promise.all(
			holders.map((row) =>
				cancelRegistration({
					networkId,
					registrationId: row.id,
					by: 'self',
					actorUserId: row.userId,
					origin: ORIGIN
				})
			)
		);
		expect(results.every((r) => r.ok && r.promoted.length === 1)).toBe(true);

		const after = await registrationsOf(eventId);
		const statusOf = new Map(after.map((r) => [r.id, r.status]));
		for (const row of holders) expect(statusOf.get(row.id)).toBe('cancelled');
		for (const row of firstWaiting) expect(statusOf.get(row.id)).toBe('registered');
		expect(after.filter((r) => r.status === 'registered')).toHaveLength(SEATS);
		expect(after.filter((r) => r.status === 'waitlisted')).toHaveLength(MEMBERS - SEATS - 10);
		expect(await seatsTaken(eventId)).toBe(SEATS);

		const stillWaiting = after.filter((r) => r.status === 'waitlisted');
		expect(await waitlistPosition(db, stillWaiting[0]!.id)).toBe(1);
		const promotedMails = await db
			.select({ n: sql<number>`count(*)::int` })
			.from(mailMessages)
			.where(and(eq(mailMessages.networkId, networkId), eq(mailMessages.kind, 'event-promoted')));
		expect(promotedMails[0]!.n).toBe(10);
	}, 60_000);

	it('keeps one row when the same member registers twice at the same moment', async () => {
		const otherEvent = (await createEvent(db, networkId, { capacity: 5 })).id;
		const actor = actors[0]!;
		const input = { actor, eventId: otherEvent, answers: {}, locale: 'de' as const, origin: ORIGIN };
		const results = await Promise.all([registerMember(input), registerMember(input), registerMember(input)]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok && r.reason === 'ALREADY_REGISTERED')).toHaveLength(2);
		expect(await registrationsOf(otherEvent)).toHaveLength(1);
		expect(await seatsTaken(otherEvent)).toBe(1);
	});

	it('lets a member register again after cancelling (a new row)', async () => {
		const otherEvent = (await createEvent(db, networkId, { capacity: 1 })).id;
		const actor = actors[1]!;
		const input = { actor, eventId: otherEvent, answers: {}, locale: 'de' as const, origin: ORIGIN };
		const first = await registerMember(input);
		expect(first).toMatchObject({ ok: true, status: 'registered' });
		if (!first.ok) return;
		await cancelRegistration({
			networkId,
			registrationId: first.registrationId,
			by: 'self',
			actorUserId: actor.userId,
			origin: ORIGIN
		});
		expect(await seatsTaken(otherEvent)).toBe(0);
		const again = await registerMember(input);
		expect(again).toMatchObject({ ok: true, status: 'registered' });
		const rows = await registrationsOf(otherEvent);
		expect(rows.map((r) => r.status)).toEqual(['cancelled', 'registered']);
	});
});
