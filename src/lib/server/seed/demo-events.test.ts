import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, useFreshDatabase } from '../../../../tests/helpers/database.ts';
import type { Database } from '../db/index.ts';
import {
	circleMemberships,
	eventAttendanceFigures,
	eventFeedback,
	eventQuestions,
	eventRegistrations,
	events,
	mailMessages,
	networks,
	user
} from '../db/schema/index.ts';
import { holdsSeat } from '../../events/vocabulary.ts';
import { sweepEndedEvents, sweepReminders } from '../events/follow-up/mutations.ts';
import { registrationAccessToken } from '../events/registration/index.ts';
import { seedDemoData } from './demo.ts';

const now = new Date('2026-11-24T09:00:00Z');
let first: Awaited<ReturnType<typeof useFreshDatabase>>;
let second: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
	first = await useFreshDatabase();
	second = await createTestDatabase();
	await seedDemoData(first.db, { now });
	await seedDemoData(second.db, { now });
});

afterAll(async () => {
	await second?.close();
	await second?.drop();
	await first?.close();
});

/** Everything the demo events consist of, except the random ticket codes and their hashes. */
async function snapshot(db: Database) {
	const eventRows = await db.select().from(events).orderBy(asc(events.startsAt), asc(events.id));
	const registrations = await db
		.select({
			id: eventRegistrations.id,
			seq: eventRegistrations.seq,
			eventId: eventRegistrations.eventId,
			email: eventRegistrations.email,
			status: eventRegistrations.status,
			answers: eventRegistrations.answers,
			createdAt: eventRegistrations.createdAt,
			checkedInAt: eventRegistrations.checkedInAt
		})
		.from(eventRegistrations)
		.orderBy(asc(eventRegistrations.seq));
	const feedback = await db.select().from(eventFeedback).orderBy(asc(eventFeedback.registrationId));
	const figures = await db.select().from(eventAttendanceFigures).orderBy(asc(eventAttendanceFigures.eventId));
	const questions = await db.select().from(eventQuestions).orderBy(asc(eventQuestions.id));
	return {
		events: eventRows.map(
			({
				networkId: _n,
				formatId: _f,
				organiserCircleId: _c,
				audienceCircleId: _a,
				hostOrganisationId: _h,
				organiserOrganisationId: _o,
				createdBy: _b,
				...rest
			}) => rest
		),
		registrations,
		feedback: feedback.map(({ networkId: _n, ...rest }) => rest),
		figures: figures.map(({ networkId: _n, computedAt: _c, ...rest }) => rest),
		questions: questions.map(({ networkId: _n, ...rest }) => rest)
	};
}

async function userId(db: Database, email: string) {
	const [row] = await db.select({ id: user.id }).from(user).where(eq(user.email, email));
	return row!.id;
}

describe('the demo events', () => {
	it('are the same on every seed', async () => {
		const [a, b] = [await snapshot(first.db), await snapshot(second.db)];
		expect(a.events.length).toBeGreaterThanOrEqual(14);
		expect(b).toEqual(a);
	});

	it('have a past with attendance, feedback and figures, and a future with registrations', async () => {
		const db = first.db;
		const rows = await db.select().from(events);
		const past = rows.filter((row) => row.endsAt < now);
		const upcoming = rows.filter((row) => row.startsAt > now);
		expect(past.length).toBeGreaterThanOrEqual(4);
		expect(upcoming.length).toBeGreaterThanOrEqual(8);
		for (const event of past) {
			expect(event.startsAt.getTime()).toBeGreaterThan(now.getTime() - 183 * 24 * 3600 * 1000);
			expect(event.feedbackRequestedAt).not.toBeNull();
			const [figures] = await db
				.select()
				.from(eventAttendanceFigures)
				.where(eq(eventAttendanceFigures.eventId, event.id));
			expect(figures!.registered).toBeGreaterThan(0);
		}
		for (const event of upcoming)
			expect(event.startsAt.getTime()).toBeLessThan(now.getTime() + 92 * 24 * 3600 * 1000);
		const [feedback] = await db
			.select({ n: sql<number>`count(*)::int` })
			.from(eventFeedback)
			.where(
				inArray(
					eventFeedback.eventId,
					past.map((event) => event.id)
				)
			);
		expect(feedback!.n).toBeGreaterThan(20);
		const withQuestions = await db.selectDistinct({ eventId: eventQuestions.eventId }).from(eventQuestions);
		expect(withQuestions.length).toBeGreaterThanOrEqual(2);
		const formats = new Set(rows.map((row) => row.formatId));
		expect(formats.size).toBeGreaterThanOrEqual(6);
		expect(rows.filter((row) => row.seriesId)).toHaveLength(3);
		expect(rows.some((row) => row.locationKind === 'online' && row.onlineUrl && row.startsAt > now)).toBe(
			true
		);
	});

	it('keep the seat count, capacity and waitlist invariants', async () => {
		const db = first.db;
		const rows = await db.select().from(events);
		for (const event of rows) {
			const registrations = await db
				.select()
				.from(eventRegistrations)
				.where(eq(eventRegistrations.eventId, event.id))
				.orderBy(asc(eventRegistrations.seq));
			const seats = registrations.filter((r) => holdsSeat(r.status)).length;
			expect(event.seatsTaken, event.titleDe).toBe(seats);
			if (event.capacity !== null) expect(seats).toBeLessThanOrEqual(event.capacity);
			const waitlisted = registrations.filter((r) => r.status === 'waitlisted');
			if (waitlisted.length) expect(seats).toBe(event.capacity);
			// Every answer belongs to one of the event's own questions.
			const questionIds = new Set(
				(await db.select().from(eventQuestions).where(eq(eventQuestions.eventId, event.id))).map((q) => q.id)
			);
			for (const r of registrations)
				for (const key of Object.keys(r.answers)) expect(questionIds.has(key)).toBe(true);
		}
		// The personal links of demo registrations work like real ones.
		const [sample] = await db.select().from(eventRegistrations).limit(1);
		expect(createHash('sha256').update(registrationAccessToken(sample!)).digest('hex')).toBe(
			sample!.accessTokenHash
		);
	});

	it('give member@ a seat ahead and a waitlist place on the full company visit; lead@ a session to run', async () => {
		const db = first.db;
		const member = await userId(db, 'member@demo.example');
		const own = await db
			.select({ status: eventRegistrations.status, event: events })
			.from(eventRegistrations)
			.innerJoin(events, eq(events.id, eventRegistrations.eventId))
			.where(eq(eventRegistrations.userId, member));
		expect(own.some((r) => r.status === 'registered' && r.event.startsAt > now)).toBe(true);
		const waiting = own.find((r) => r.status === 'waitlisted')!;
		expect(waiting.event.capacity).toBe(20);
		expect(waiting.event.seatsTaken).toBe(20);
		expect(waiting.event.hostOrganisationId).not.toBeNull();
		const [waitlist] = await db
			.select({ n: sql<number>`count(*)::int` })
			.from(eventRegistrations)
			.where(
				and(eq(eventRegistrations.eventId, waiting.event.id), eq(eventRegistrations.status, 'waitlisted'))
			);
		expect(waitlist!.n).toBe(3);

		const lead = await userId(db, 'lead@demo.example');
		const led = await db
			.select({ circleId: circleMemberships.circleId })
			.from(circleMemberships)
			.where(and(eq(circleMemberships.userId, lead), eq(circleMemberships.role, 'lead')));
		const sessions = await db
			.select()
			.from(events)
			.where(
				and(
					inArray(
						events.organiserCircleId,
						led.map((l) => l.circleId)
					),
					eq(events.audience, 'circle'),
					sql`${events.startsAt} > ${now}`
				)
			);
		expect(sessions.length).toBeGreaterThanOrEqual(1);
		const [network] = await db.select().from(networks).where(eq(networks.slug, 'autos'));
		expect(sessions.every((s) => s.networkId === network!.id)).toBe(true);
	});

	it('mail nobody about the past when the follow-up jobs first run', async () => {
		const db = first.db;
		expect(await sweepEndedEvents(db, now)).toBe(0);
		expect(await sweepReminders(db, now)).toBe(0);
		const [mails] = await db.select({ n: sql<number>`count(*)::int` }).from(mailMessages);
		expect(mails!.n).toBe(0);
	});
});
