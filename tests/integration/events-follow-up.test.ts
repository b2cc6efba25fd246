import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../helpers/database.ts';
import { testJobSettings, waitFor } from '../helpers/mail.ts';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/client.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import {
	eventAttendanceFigures,
	eventRegistrations,
	events,
	mailAttachments,
	mailMessages
} from '../../src/lib/server/db/schema/index.ts';
import { createNetwork, createOrganisation } from '../../src/lib/server/testing/factories.ts';
import { createEvent } from '../../src/lib/server/testing/event-factories.ts';
import { createJobRunner, startJobs, stopJobs, type JobRunner } from '../../src/lib/server/jobs/boss.ts';
import { EVENT_REMINDERS_JOB } from '../../src/lib/server/events/follow-up/jobs.ts';
import { sweepEndedEvents, sweepReminders } from '../../src/lib/server/events/follow-up/mutations.ts';
import { recomputeAttendanceFigures } from '../../src/lib/server/events/follow-up/attendance.ts';
import { listAttendanceFigures } from '../../src/lib/server/events/follow-up/queries.ts';
import {
	feedbackForm,
	openFeedback,
	submitFeedback,
	summariseFeedback
} from '../../src/lib/server/events/follow-up/feedback.ts';
import type { RegistrationStatus } from '../../src/lib/events/vocabulary.ts';
import { registrationAccessToken } from '../../src/lib/server/events/registration/index.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
/** A second connection pool on the same PostgreSQL database, as a second server process has. */
let secondHandle: DatabaseHandle | undefined;
let networkId: string;
let otherNetworkId: string;
let memberOrganisationId: string;
let secondMemberOrganisationId: string;
let partnerOrganisationId: string;

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	if (database.handle.driver === 'pg') {
		const url = (database.handle.client as Pool).options.connectionString!;
		secondHandle = await openDatabase({ url });
	}
	networkId = (await createNetwork(db)).id;
	otherNetworkId = (await createNetwork(db)).id;
	memberOrganisationId = (await createOrganisation(db, networkId)).id;
	secondMemberOrganisationId = (await createOrganisation(db, networkId)).id;
	partnerOrganisationId = (
		await createOrganisation(db, networkId, { status: 'partner', kind: 'support_agency' })
	).id;
});

afterAll(async () => {
	await secondHandle?.close();
	await database?.close();
});

let counter = 0;

/** Inserts a registration as the registration code would, keeping seats_taken in step. */
async function register(
	eventId: string,
	status: RegistrationStatus,
	overrides: Partial<typeof eventRegistrations.$inferInsert> = {}
) {
	counter++;
	const id = randomUUID();
	const ticketCode = randomBytes(16).toString('base64url');
	const accessToken = registrationAccessToken({ id, ticketCode });
	const [row] = await db
		.insert(eventRegistrations)
		.values({
			id,
			networkId,
			eventId,
			name: `Person ${counter}`,
			email: `person${counter}@example.test`,
			status,
			accessTokenHash: createHash('sha256').update(accessToken).digest('hex'),
			ticketCode,
			...overrides
		})
		.returning();
	if (status === 'registered' || status === 'attended' || status === 'no_show')
		await db
			.update(events)
			.set({ seatsTaken: sql`${events.seatsTaken} + 1` })
			.where(eq(events.id, eventId));
	return row!;
}

async function mailsOfKind(kind: string) {
	return db.select().from(mailMessages).where(eq(mailMessages.kind, kind));
}

const linkIn = (text: string, path: string) => {
	const match = new RegExp(`https?://\\S+${path}(\\S+)`).exec(text);
	if (!match) throw new Error(`no ${path} link in ${text}`);
	return match[1]!;
};

describe('reminders', () => {
	it('go once to each seat holder of a due event, from several sweeps and runners at once', async () => {
		const now = new Date();
		const due = await createEvent(db, networkId, { startsAt: new Date(now.getTime() + 12 * HOUR) });
		const first = await register(due.id, 'registered', { locale: 'de' });
		const second = await register(due.id, 'registered', { locale: 'en' });
		await register(due.id, 'waitlisted');
		await register(due.id, 'cancelled');
		await register(due.id, 'pending');
		const cancelled = await createEvent(db, networkId, {
			startsAt: new Date(now.getTime() + 12 * HOUR),
			status: 'cancelled'
		});
		await register(cancelled.id, 'registered');
		const later = await createEvent(db, networkId, { startsAt: new Date(now.getTime() + 3 * DAY) });
		await register(later.id, 'registered');
		const started = await createEvent(db, networkId, { startsAt: new Date(now.getTime() - HOUR) });
		await register(started.id, 'registered');

		// Two sweeps on each pool at the same moment; on PostgreSQL the pools are separate connections.
		const pools = [db, secondHandle?.db ?? db];
		const counts = await Promise.all([0, 1, 2, 3].map((i) => sweepReminders(pools[i % 2], now)));
		expect(counts.reduce((a, b) => a + b, 0)).toBe(2);
		// A repeated sweep finds nothing left to do.
		expect(await sweepReminders(db, now)).toBe(0);

		const reminders = await mailsOfKind('event-reminder');
		expect(reminders.map((mail) => mail.toAddress).sort()).toEqual([first.email, second.email].sort());
		const german = reminders.find((mail) => mail.toAddress === first.email)!;
		const english = reminders.find((mail) => mail.toAddress === second.email)!;
		expect(german.subject).toBe(`Erinnerung: ${due.titleDe}`);
		expect(german.textBody).toContain('Forum am Dom, Domhof 1, 49074 Osnabrück');
		expect(english.subject).toBe(`Reminder: ${due.titleDe}`);
		expect(english.textBody).toContain('Where: Forum am Dom');

		// The personal link in the mail is the registration's own (the one its earlier mails carried).
		const token = linkIn(german.textBody, '/events/registration/');
		const [stored] = await db.select().from(eventRegistrations).where(eq(eventRegistrations.id, first.id));
		expect(createHash('sha256').update(token).digest('hex')).toBe(stored!.accessTokenHash);
		expect(stored!.reminderSentAt).not.toBeNull();

		const [ics] = await db.select().from(mailAttachments).where(eq(mailAttachments.mailId, german.id));
		expect(ics!.fileName).toBe('event.ics');
		const calendar = new TextDecoder().decode(ics!.content);
		expect(calendar).toContain(`UID:event-${due.id}@`);
		expect(calendar).toContain('METHOD:REQUEST');
	});

	it('respect the event’s reminder time and show the join link of an online event', async () => {
		const now = new Date();
		const webinar = await createEvent(db, networkId, {
			startsAt: new Date(now.getTime() + 2 * HOUR),
			reminderMinutesBefore: 60,
			locationKind: 'online',
			onlineUrl: 'https://meet.example.test/room-42',
			venueName: '',
			street: '',
			postalCode: '',
			city: ''
		});
		const person = await register(webinar.id, 'registered');
		expect(await sweepReminders(db, now)).toBe(0);
		expect(await sweepReminders(db, new Date(now.getTime() + 61 * 60 * 1000))).toBe(1);
		const [mail] = (await mailsOfKind('event-reminder')).filter((row) => row.toAddress === person.email);
		expect(mail!.textBody).toContain('Online teilnehmen: https://meet.example.test/room-42');
		expect(mail!.textBody).not.toContain('Wo:');
	});

	it('are sent by the scheduled job of either of two runners, once', async () => {
		const now = new Date();
		const due = await createEvent(db, networkId, { startsAt: new Date(now.getTime() + 6 * HOUR) });
		const people = await Promise.all([1, 2, 3].map(() => register(due.id, 'registered')));
		const first: JobRunner = await startJobs(database.handle, testJobSettings);
		const second = await createJobRunner(secondHandle ?? database.handle, testJobSettings);
		try {
			await Promise.all([
				first.send(EVENT_REMINDERS_JOB, {}, { singletonKey: 'a' }),
				second.send(EVENT_REMINDERS_JOB, {}, { singletonKey: 'b' })
			]);
			const addresses = new Set(people.map((person) => person.email));
			const mails = await waitFor(
				async () => (await mailsOfKind('event-reminder')).filter((mail) => addresses.has(mail.toAddress)),
				(rows) => rows.length >= 3,
				'reminders were not sent by the job'
			);
			// Let any other running sweep finish, then count again.
			await waitFor(
				async () =>
					(
						await db.execute<{ n: number }>(
							sql`select count(*)::int as n from pgboss.job where name = ${EVENT_REMINDERS_JOB} and state < 'completed'`
						)
					).rows[0]!.n,
				(n) => n === 0,
				'reminder jobs were left unfinished'
			);
			const again = (await mailsOfKind('event-reminder')).filter((mail) => addresses.has(mail.toAddress));
			expect(again).toHaveLength(3);
			expect(new Set(mails.map((mail) => mail.toAddress))).toEqual(addresses);
		} finally {
			await second.stop();
			await stopJobs();
		}
	});
});

describe('after the event', () => {
	it('asks the attendees once for feedback and stores the attendance figures', async () => {
		const now = new Date();
		const event = await createEvent(db, networkId, {
			startsAt: new Date(now.getTime() - 3 * HOUR),
			capacity: 10
		});
		const attended = [
			await register(event.id, 'attended', { organisationId: memberOrganisationId }),
			await register(event.id, 'attended', { organisationId: memberOrganisationId, locale: 'en' }),
			await register(event.id, 'attended', { organisationId: partnerOrganisationId })
		];
		await register(event.id, 'registered', { organisationId: secondMemberOrganisationId });
		await register(event.id, 'no_show', { organisationId: secondMemberOrganisationId });
		await register(event.id, 'waitlisted');
		await register(event.id, 'cancelled');

		const pools = [db, secondHandle?.db ?? db];
		const counts = await Promise.all([0, 1, 2, 3].map((i) => sweepEndedEvents(pools[i % 2], now)));
		expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
		expect(await sweepEndedEvents(db, now)).toBe(0);

		const requests = (await mailsOfKind('event-feedback-request')).filter((mail) =>
			attended.some((person) => person.email === mail.toAddress)
		);
		expect(requests.map((mail) => mail.toAddress).sort()).toEqual(attended.map((p) => p.email).sort());
		const english = requests.find((mail) => mail.toAddress === attended[1]!.email)!;
		expect(english.subject).toBe(`How was “${event.titleDe}”? Your feedback`);

		const [marked] = await db.select().from(events).where(eq(events.id, event.id));
		expect(marked!.feedbackRequestedAt).not.toBeNull();
		const [figures] = await db
			.select()
			.from(eventAttendanceFigures)
			.where(eq(eventAttendanceFigures.eventId, event.id));
		expect(figures).toMatchObject({
			networkId,
			registered: 5,
			attended: 3,
			noShows: 1,
			waitlisted: 1,
			// The partner agency is not a member; the second member company did not come.
			memberOrganisationsReached: 1
		});
	});

	it('asks everyone who held a seat when nobody was checked in, and skips cancelled events', async () => {
		const now = new Date();
		const unchecked = await createEvent(db, networkId, { startsAt: new Date(now.getTime() - 5 * HOUR) });
		const seated = [
			await register(unchecked.id, 'registered', { organisationId: memberOrganisationId }),
			await register(unchecked.id, 'registered', { organisationId: secondMemberOrganisationId })
		];
		await register(unchecked.id, 'waitlisted');
		const cancelled = await createEvent(db, networkId, {
			startsAt: new Date(now.getTime() - 5 * HOUR),
			status: 'cancelled'
		});
		const notAsked = await register(cancelled.id, 'registered');
		const running = await createEvent(db, networkId, { startsAt: new Date(now.getTime() - HOUR) });
		const stillThere = await register(running.id, 'attended');

		expect(await sweepEndedEvents(db, now)).toBe(2);
		const addresses = (await mailsOfKind('event-feedback-request')).map((mail) => mail.toAddress);
		for (const person of seated) expect(addresses).toContain(person.email);
		expect(addresses).not.toContain(notAsked.email);
		expect(addresses).not.toContain(stillThere.email);
		const [figures] = await db
			.select()
			.from(eventAttendanceFigures)
			.where(eq(eventAttendanceFigures.eventId, unchecked.id));
		expect(figures).toMatchObject({
			registered: 2,
			attended: 0,
			waitlisted: 1,
			memberOrganisationsReached: 2
		});
	});
});

describe('feedback', () => {
	async function endedEventWithLinks() {
		const now = new Date();
		const event = await createEvent(db, networkId, { startsAt: new Date(now.getTime() - 4 * HOUR) });
		const people = [
			await register(event.id, 'attended'),
			await register(event.id, 'attended'),
			await register(event.id, 'attended')
		];
		await sweepEndedEvents(db, now);
		const mails = await mailsOfKind('event-feedback-request');
		const tokens = people.map((person) =>
			linkIn(mails.find((mail) => mail.toAddress === person.email)!.textBody, '/events/feedback/')
		);
		return { event, people, tokens };
	}

	it('opens by the mailed link, stores one answer per person and summarises them', async () => {
		const { event, people, tokens } = await endedEventWithLinks();
		const opening = await openFeedback(networkId, tokens[0]!);
		expect(opening.ok && opening.target.registration.id).toBe(people[0]!.id);

		expect((await submitFeedback(networkId, tokens[0]!, { rating: 2, comment: 'Zu kurz' })).ok).toBe(true);
		expect((await submitFeedback(networkId, tokens[1]!, { rating: 5, comment: '' })).ok).toBe(true);
		// A second answer replaces the first.
		expect((await submitFeedback(networkId, tokens[0]!, { rating: 4, comment: 'Doch gut' })).ok).toBe(true);
		expect((await submitFeedback(networkId, tokens[2]!, { rating: 4, comment: 'Mehr davon' })).ok).toBe(true);

		const summary = await summariseFeedback(networkId, event.id);
		expect(summary.count).toBe(3);
		expect(summary.average).toBe(4.3);
		expect(summary.distribution).toEqual([0, 0, 0, 2, 1]);
		expect(summary.comments.map((c) => c.comment)).toEqual(['Mehr davon', 'Doch gut']);
		// The other network sees nothing of it.
		expect((await summariseFeedback(otherNetworkId, event.id)).count).toBe(0);
		const reopened = await openFeedback(networkId, tokens[0]!);
		expect(reopened.ok && reopened.target.feedback).toEqual({ rating: 4, comment: 'Doch gut' });
	});

	it('refuses tampered links, links of another network, cancelled registrations and events ahead', async () => {
		const { people, tokens } = await endedEventWithLinks();
		const token = tokens[0]!;
		const flipped = token.slice(0, -1) + (token.at(-1) === 'A' ? 'B' : 'A');
		expect(await openFeedback(networkId, flipped)).toEqual({ ok: false, reason: 'INVALID' });
		const swapped = `${people[1]!.id}.${token.split('.')[1]}`;
		expect(await openFeedback(networkId, swapped)).toEqual({ ok: false, reason: 'INVALID' });
		expect(await openFeedback(networkId, 'nonsense')).toEqual({ ok: false, reason: 'INVALID' });
		expect(await openFeedback(otherNetworkId, token)).toEqual({ ok: false, reason: 'INVALID' });
		expect(await submitFeedback(networkId, flipped, { rating: 1, comment: '' })).toEqual({
			ok: false,
			reason: 'INVALID'
		});

		await db
			.update(eventRegistrations)
			.set({ status: 'cancelled' })
			.where(eq(eventRegistrations.id, people[2]!.id));
		expect(await openFeedback(networkId, tokens[2]!)).toEqual({ ok: false, reason: 'NOT_ELIGIBLE' });
		expect(await openFeedback(networkId, tokens[1]!, new Date(Date.now() - 5 * HOUR))).toEqual({
			ok: false,
			reason: 'NOT_YET'
		});
	});

	it('validates the form: a rating from 1 to 5, a comment of at most 2000 characters', () => {
		expect(feedbackForm.safeParse({ rating: '4', comment: '  gut  ' }).data).toEqual({
			rating: 4,
			comment: 'gut'
		});
		expect(feedbackForm.safeParse({ rating: '5' }).data).toEqual({ rating: 5, comment: '' });
		for (const rating of [undefined, '', '0', '6', '3.5', 'x'])
			expect(feedbackForm.safeParse({ rating, comment: '' }).success).toBe(false);
		expect(feedbackForm.safeParse({ rating: '3', comment: 'x'.repeat(2000) }).success).toBe(true);
		const tooLong = feedbackForm.safeParse({ rating: '3', comment: 'x'.repeat(2001) });
		expect(tooLong.error?.issues[0]?.message).toBe('event_followup_comment_too_long');
	});
});

describe('attendance figures', () => {
	it('count member organisations among the attendees and are listed for reports', async () => {
		const startsAt = new Date(Date.UTC(2026, 2, 10, 17));
		const event = await createEvent(db, networkId, { startsAt });
		await register(event.id, 'registered', { organisationId: memberOrganisationId });
		await register(event.id, 'registered', { organisationId: secondMemberOrganisationId });
		await register(event.id, 'registered', { organisationId: partnerOrganisationId });
		expect(await recomputeAttendanceFigures(db, event.id)).toMatchObject({
			registered: 3,
			attended: 0,
			memberOrganisationsReached: 2
		});
		// A check-in changes the basis from seat holders to attendees; the row is updated in place.
		await db
			.update(eventRegistrations)
			.set({ status: 'attended' })
			.where(
				and(
					eq(eventRegistrations.eventId, event.id),
					eq(eventRegistrations.organisationId, memberOrganisationId)
				)
			);
		await recomputeAttendanceFigures(db, event.id);
		const listed = await listAttendanceFigures(networkId, {
			from: new Date(Date.UTC(2026, 2, 1)),
			to: new Date(Date.UTC(2026, 3, 1))
		});
		expect(listed).toHaveLength(1);
		expect(listed[0]).toMatchObject({
			eventId: event.id,
			registered: 3,
			attended: 1,
			memberOrganisationsReached: 1
		});
		expect(
			await listAttendanceFigures(otherNetworkId, { from: new Date(0), to: new Date(Date.UTC(2100, 0)) })
		).toEqual([]);
	});
});
