import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import ical, { type VEvent } from 'node-ical';
import { useFreshDatabase } from '../helpers/database.ts';
import { startSmtpServer, testJobSettings, waitFor, type TestSmtpServer } from '../helpers/mail.ts';
import { config, parseConfig, setConfigForTests, type Config } from '../../src/lib/server/config.ts';
import {
	addToCircle,
	createCircle,
	createNetwork,
	createOrganisation,
	createUser,
	grantNetworkRole
} from '../../src/lib/server/testing/factories.ts';
import { createEvent } from '../../src/lib/server/testing/event-factories.ts';
import { startJobs, stopJobs, type JobRunner } from '../../src/lib/server/jobs/boss.ts';
import { EVENT_REGISTRATION_MAIL_JOB } from '../../src/lib/server/events/registration/mail-job.ts';
import {
	eventQuestions,
	eventRegistrations,
	events,
	mailMessages
} from '../../src/lib/server/db/schema/index.ts';
import type { Actor } from '../../src/lib/server/policy/actor.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import {
	cancelByAccessToken,
	cancelRegistration,
	confirmGuestRegistration,
	findRegistrationByAccessToken,
	queueRegistrationMail,
	registerGuest,
	registerMember,
	registrationState
} from '../../src/lib/server/events/registration/index.ts';

const ORIGIN = 'http://knotenpunkt.test';
const DAY = 24 * 60 * 60 * 1000;
const MAIL_FROM = 'Knotenpunkt Test <noreply@knotenpunkt.test>';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let smtp: TestSmtpServer;
let originalConfig: Config;
let networkId: string;
let otherNetworkId: string;
let runner: JobRunner;

async function member(network = networkId, email?: string): Promise<Actor> {
	const row = await createUser(db, { email, name: `Mitglied ${Math.random().toString(36).slice(2, 6)}` });
	await grantNetworkRole(db, network, row.id, 'member');
	return {
		networkId: network,
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

const guestInput = (eventId: string, email: string, overrides: Record<string, unknown> = {}) => ({
	networkId,
	eventId,
	name: 'Gerda Gast',
	email,
	organisationName: 'Gast & Partner <GmbH>',
	answers: {},
	locale: 'de' as const,
	origin: ORIGIN,
	...overrides
});

/** The confirmation token from the last confirmation mail to this address (from the outbox row). */
async function confirmTokenFor(email: string) {
	const rows = await db
		.select({ text: mailMessages.textBody })
		.from(mailMessages)
		.where(and(eq(mailMessages.toAddress, email), eq(mailMessages.kind, 'event-guest-confirm')))
		.orderBy(sql`${mailMessages.createdAt} desc`);
	const match = rows[0]?.text.match(/\/events\/confirm\/([A-Za-z0-9_-]+)/);
	return match?.[1] ?? '';
}

const seatsOf = async (eventId: string) =>
	(await db.select({ n: events.seatsTaken }).from(events).where(eq(events.id, eventId)))[0]!.n;

function parseEvents(text: string) {
	return Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
}

beforeAll(async () => {
	originalConfig = config();
	database = await useFreshDatabase();
	db = database.db;
	smtp = await startSmtpServer();
	setConfigForTests(parseConfig({ ...process.env, SMTP_URL: smtp.url, MAIL_FROM }));
	networkId = (await createNetwork(db)).id;
	otherNetworkId = (await createNetwork(db)).id;
	runner = await startJobs(database.handle, testJobSettings);
}, 60_000);

afterAll(async () => {
	await stopJobs();
	await smtp?.close();
	setConfigForTests(originalConfig);
	await database?.close();
});

describe('guests: double opt-in', () => {
	it('never gives an unconfirmed guest a seat, confirms once, and refuses a used link', async () => {
		const event = await createEvent(db, networkId, { audience: 'public', capacity: 1 });
		const pending = await registerGuest(guestInput(event.id, 'Gerda@Example.test'));
		expect(pending).toMatchObject({ ok: true, status: 'pending' });
		expect(await seatsOf(event.id)).toBe(0);

		const seatHolder = await member();
		expect(
			await registerMember({
				actor: seatHolder,
				eventId: event.id,
				answers: {},
				locale: 'de',
				origin: ORIGIN
			})
		).toMatchObject({ ok: true, status: 'registered' });
		expect(await seatsOf(event.id)).toBe(1);

		const token = await confirmTokenFor('gerda@example.test');
		expect(token).not.toBe('');
		const confirmed = await confirmGuestRegistration({ networkId, token, origin: ORIGIN });
		expect(confirmed).toMatchObject({ ok: true, status: 'waitlisted' });
		expect(await seatsOf(event.id)).toBe(1);
		expect(await confirmGuestRegistration({ networkId, token, origin: ORIGIN })).toEqual({
			ok: false,
			reason: 'INVALID'
		});

		const rows = await db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, event.id));
		const guest = rows.find((r) => r.email === 'gerda@example.test')!;
		expect(guest.confirmTokenHash).toBeNull();
		expect(guest.confirmedAt).toBeInstanceOf(Date);
		// Confirming late queues behind those who were already there.
		expect(guest.seq).toBeGreaterThan(rows.find((r) => r.userId === seatHolder.userId)!.seq);
	});

	it('refreshes the link of a pending address instead of adding a row, and refuses an expired link', async () => {
		const event = await createEvent(db, networkId, { audience: 'public', capacity: 10 });
		await registerGuest(guestInput(event.id, 'hans@example.test'));
		const first = await confirmTokenFor('hans@example.test');
		await registerGuest(guestInput(event.id, 'hans@example.test', { name: 'Hans Neu' }));
		const second = await confirmTokenFor('hans@example.test');
		expect(second).not.toBe(first);
		const rows = await db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, event.id));
		expect(rows).toHaveLength(1);
		expect(rows[0]!.name).toBe('Hans Neu');
		expect(await confirmGuestRegistration({ networkId, token: first, origin: ORIGIN })).toMatchObject({
			ok: false,
			reason: 'INVALID'
		});

		await db
			.update(eventRegistrations)
			.set({ confirmExpiresAt: new Date(Date.now() - 1000) })
			.where(eq(eventRegistrations.eventId, event.id));
		expect(await confirmGuestRegistration({ networkId, token: second, origin: ORIGIN })).toMatchObject({
			ok: false,
			reason: 'EXPIRED'
		});
		expect(await seatsOf(event.id)).toBe(0);
	});

	it('answers an already registered address like any other and mails its owner a notice', async () => {
		const event = await createEvent(db, networkId, { audience: 'public', capacity: 10 });
		const owner = await member(networkId, 'owner@example.test');
		await registerMember({ actor: owner, eventId: event.id, answers: {}, locale: 'de', origin: ORIGIN });
		const result = await registerGuest(guestInput(event.id, 'OWNER@example.test'));
		expect(result).toMatchObject({ ok: true, status: 'pending' });
		const notices = await db
			.select()
			.from(mailMessages)
			.where(
				and(
					eq(mailMessages.toAddress, 'owner@example.test'),
					eq(mailMessages.kind, 'event-already-registered')
				)
			);
		expect(notices).toHaveLength(1);
		expect(
			await db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, event.id))
		).toHaveLength(1);
	});

	it('refuses guests on members-only events and ids of another network', async () => {
		const membersOnly = await createEvent(db, networkId, { audience: 'members' });
		expect(await registerGuest(guestInput(membersOnly.id, 'x@example.test'))).toEqual({
			ok: false,
			reason: 'NOT_ALLOWED'
		});
		const foreign = await createEvent(db, otherNetworkId, { audience: 'public' });
		expect(await registerGuest(guestInput(foreign.id, 'x@example.test'))).toEqual({
			ok: false,
			reason: 'NOT_ALLOWED'
		});
	});
});

describe('members', () => {
	it('says why registration is not open', async () => {
		const actor = await member();
		const cases = [
			[{ registrationClosed: true }, 'closed_by_organiser'],
			[{ registrationEnabled: false }, 'disabled'],
			[{ registrationOpensAt: new Date(Date.now() + DAY) }, 'not_yet_open'],
			[{ registrationClosesAt: new Date(Date.now() - 1000) }, 'closed_window'],
			[{ status: 'cancelled' as const, cancelledAt: new Date() }, 'cancelled'],
			[{ startsAt: new Date(Date.now() - 3 * DAY) }, 'past']
		] as const;
		for (const [overrides, reason] of cases) {
			const event = await createEvent(db, networkId, overrides);
			expect(
				await registerMember({ actor, eventId: event.id, answers: {}, locale: 'de', origin: ORIGIN })
			).toEqual({ ok: false, reason: 'NOT_OPEN', closedReason: reason });
			expect((await registrationState(actor, event)).closedReason).toBe(reason);
		}
	});

	it('validates answers and stores valid ones', async () => {
		const event = await createEvent(db, networkId, { capacity: 5 });
		const [text, yesNo, choice] = await db
			.insert(eventQuestions)
			.values([
				{ networkId, eventId: event.id, kind: 'text', labelDe: 'Anmerkungen', position: 0 },
				{ networkId, eventId: event.id, kind: 'yes_no', labelDe: 'Begleitung?', required: true, position: 1 },
				{
					networkId,
					eventId: event.id,
					kind: 'choice',
					labelDe: 'Essen',
					options: ['vegetarisch', 'vegan'],
					required: true,
					position: 2
				}
			])
			.returning();
		const actor = await member();
		const input = { actor, eventId: event.id, locale: 'de' as const, origin: ORIGIN };
		const refused = await registerMember({
			...input,
			answers: { [text!.id]: 'x'.repeat(1001), [yesNo!.id]: 'vielleicht', [choice!.id]: 'Fisch' }
		});
		expect(refused.ok).toBe(false);
		if (refused.ok) return;
		expect(refused.reason).toBe('INVALID_ANSWERS');
		expect(Object.keys(refused.fieldErrors ?? {}).sort()).toEqual(
			[`answer_${text!.id}`, `answer_${yesNo!.id}`, `answer_${choice!.id}`].sort()
		);
		const missing = await registerMember({ ...input, answers: {} });
		expect(missing).toMatchObject({ ok: false, reason: 'INVALID_ANSWERS' });
		expect(await seatsOf(event.id)).toBe(0);

		const ok = await registerMember({ ...input, answers: { [yesNo!.id]: 'yes', [choice!.id]: 'vegan' } });
		expect(ok).toMatchObject({ ok: true, status: 'registered' });
		const [row] = await db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, event.id));
		expect(row!.answers).toEqual({ [yesNo!.id]: 'yes', [choice!.id]: 'vegan' });
	});

	it("stores the member's organisation, but only one of this network", async () => {
		const event = await createEvent(db, networkId, {});
		const own = await createOrganisation(db, networkId, { name: 'Hase & Söhne GmbH' });
		const foreign = await createOrganisation(db, otherNetworkId, { name: 'Fremdnetz AG' });
		const withOwn = {
			...(await member()),
			organisations: [{ organisationId: own.id, role: 'org_member' as const }]
		};
		const withForeign = {
			...(await member()),
			organisations: [{ organisationId: foreign.id, role: 'org_member' as const }]
		};
		const input = { eventId: event.id, answers: {}, locale: 'de' as const, origin: ORIGIN };
		const first = await registerMember({ ...input, actor: withOwn });
		const second = await registerMember({ ...input, actor: withForeign });
		if (!first.ok || !second.ok) throw new Error('both register');
		const stored = async (id: string) =>
			(
				await db
					.select({ id: eventRegistrations.organisationId, name: eventRegistrations.organisationName })
					.from(eventRegistrations)
					.where(eq(eventRegistrations.id, id))
			)[0];
		expect(await stored(first.registrationId)).toEqual({ id: own.id, name: 'Hase & Söhne GmbH' });
		expect(await stored(second.registrationId)).toEqual({ id: null, name: '' });
	});

	it('refuses events of another network, circle events of other circles, and foreign cancellations', async () => {
		const actor = await member();
		const foreign = await createEvent(db, otherNetworkId, {});
		expect(
			await registerMember({ actor, eventId: foreign.id, answers: {}, locale: 'de', origin: ORIGIN })
		).toEqual({ ok: false, reason: 'NOT_ALLOWED' });
		const circle = await createCircle(db, networkId);
		const circleEvent = await createEvent(db, networkId, { audience: 'circle', audienceCircleId: circle.id });
		expect(
			await registerMember({ actor, eventId: circleEvent.id, answers: {}, locale: 'de', origin: ORIGIN })
		).toEqual({ ok: false, reason: 'NOT_ALLOWED' });
		await addToCircle(db, networkId, circle.id, actor.userId!, 'member');
		const inCircle = { ...actor, circles: [{ circleId: circle.id, role: 'member' as const }] };
		const ok = await registerMember({
			actor: inCircle,
			eventId: circleEvent.id,
			answers: {},
			locale: 'de',
			origin: ORIGIN
		});
		expect(ok).toMatchObject({ ok: true, status: 'registered' });
		if (!ok.ok) return;
		expect(
			await cancelRegistration({
				networkId: otherNetworkId,
				registrationId: ok.registrationId,
				by: 'organiser',
				actorUserId: null,
				origin: ORIGIN
			})
		).toEqual({ ok: false, reason: 'NOT_FOUND' });
	});
});

describe('mails', () => {
	it('sends the confirmation with .ics, QR code and personal link; the join link only to seat holders', async () => {
		const event = await createEvent(db, networkId, {
			capacity: 1,
			locationKind: 'hybrid',
			onlineUrl: 'https://meet.example.test/geheim-123',
			titleDe: 'Treffen <b>&</b> Austausch'
		});
		const first = await member(networkId, 'erste@example.test');
		const second = await member(networkId, 'zweite@example.test');
		await registerMember({ actor: first, eventId: event.id, answers: {}, locale: 'de', origin: ORIGIN });
		await registerMember({ actor: second, eventId: event.id, answers: {}, locale: 'en', origin: ORIGIN });

		const [confirmation] = await waitFor(
			() => smtp.receivedFor('erste@example.test'),
			(mails) => mails.length >= 1,
			'no confirmation mail'
		);
		const parsed = confirmation!.parsed;
		expect(parsed.subject).toBe('Anmeldung bestätigt: Treffen <b>&</b> Austausch');
		expect(parsed.html).toContain('Treffen &lt;b&gt;&amp;&lt;/b&gt; Austausch');
		expect(parsed.text).toContain('https://meet.example.test/geheim-123');
		const icsFile = parsed.attachments.find((a) => a.contentType === 'text/calendar')!;
		const calendarText = icsFile.content.toString('utf8');
		expect(calendarText).toContain('METHOD:REQUEST');
		const [vevent] = parseEvents(calendarText);
		expect(vevent!.uid).toBe(`event-${event.id}@knotenpunkt.test`);
		expect(Math.floor(vevent!.start.getTime() / 1000)).toBe(Math.floor(event.startsAt.getTime() / 1000));
		const pngs = parsed.attachments.filter((a) => a.contentType === 'image/png');
		expect(pngs).toHaveLength(2);
		// The inline one (mailparser turns its cid: reference into the image itself) and the file.
		expect(pngs.map((a) => a.cid ?? null).sort()).toEqual(['ticket-qr@knotenpunkt', null].sort());
		expect(parsed.html).toContain('alt="Persönlicher QR-Code für den Einlass"');
		expect([...pngs[0]!.content.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
		const link = parsed.text!.match(/\/events\/registration\/([A-Za-z0-9_-]+)/)![1]!;
		const found = await findRegistrationByAccessToken(networkId, link);
		expect(found?.registration.email).toBe('erste@example.test');
		expect(await findRegistrationByAccessToken(otherNetworkId, link)).toBeNull();

		const [waitlisted] = await waitFor(
			() => smtp.receivedFor('zweite@example.test'),
			(mails) => mails.length >= 1,
			'no waitlist mail'
		);
		expect(waitlisted!.parsed.subject).toBe('Waiting list: Treffen <b>&</b> Austausch');
		expect(waitlisted!.parsed.text).toContain('number 1 on the waiting list');
		expect(waitlisted!.parsed.text).not.toContain('geheim-123');
		expect(waitlisted!.parsed.attachments).toHaveLength(0);

		// The first cancels by the personal link: the second is promoted and mailed the ticket.
		expect(await cancelByAccessToken(networkId, link, ORIGIN)).toMatchObject({ ok: true });
		const promoted = await waitFor(
			() => smtp.receivedFor('zweite@example.test'),
			(mails) => mails.length >= 2,
			'no promotion mail'
		);
		const promotion = promoted[1]!.parsed;
		expect(promotion.subject).toBe('A seat has become free: Treffen <b>&</b> Austausch');
		expect(promotion.text).toContain('geheim-123');
		expect(promotion.attachments.map((a) => a.contentType).sort()).toEqual([
			'image/png',
			'image/png',
			'text/calendar'
		]);
		const cancelled = await waitFor(
			() => smtp.receivedFor('erste@example.test'),
			(mails) => mails.length >= 2,
			'no cancellation mail'
		);
		const cancelIcs = cancelled[1]!.parsed.attachments.find((a) => a.contentType === 'text/calendar')!;
		expect(cancelIcs.content.toString('utf8')).toContain('METHOD:CANCEL');
		expect(parseEvents(cancelIcs.content.toString('utf8'))[0]!.uid).toBe(
			`event-${event.id}@knotenpunkt.test`
		);
		expect(await seatsOf(event.id)).toBe(1);
	}, 30_000);

	it('mails an event change with the same UID and the raised SEQUENCE', async () => {
		const event = await createEvent(db, networkId, { capacity: 3 });
		const actor = await member(networkId, 'update@example.test');
		const result = await registerMember({
			actor,
			eventId: event.id,
			answers: {},
			locale: 'de',
			origin: ORIGIN
		});
		if (!result.ok) throw new Error('registration failed');
		await db.update(events).set({ sequence: 4 }).where(eq(events.id, event.id));
		await db.transaction((tx) => queueRegistrationMail(tx, result.registrationId, 'event_updated', ORIGIN));
		const mails = await waitFor(
			() => smtp.receivedFor('update@example.test'),
			(list) => list.some((mail) => mail.parsed.subject?.startsWith('Geändert')),
			'no update mail'
		);
		const update = mails.find((mail) => mail.parsed.subject?.startsWith('Geändert'))!.parsed;
		const ics = update.attachments.find((a) => a.contentType === 'text/calendar')!.content.toString('utf8');
		const [vevent] = parseEvents(ics);
		expect(vevent!.uid).toBe(`event-${event.id}@knotenpunkt.test`);
		expect(Number(vevent!.sequence)).toBe(4);
	}, 30_000);

	it('renders the confirmation in a background job stored with the registration, once', async () => {
		const event = await createEvent(db, networkId, { capacity: 1 });
		const first = await member(networkId, 'job-erste@example.test');
		const second = await member(networkId, 'job-zweite@example.test');
		const input = { eventId: event.id, answers: {}, locale: 'de' as const, origin: ORIGIN };
		const seat = await registerMember({ ...input, actor: first });
		const wait = await registerMember({ ...input, actor: second });
		if (!seat.ok || !wait.ok) throw new Error('registration failed');
		expect([seat.status, wait.status]).toEqual(['registered', 'waitlisted']);
		// A second attempt of the same person leaves neither a row nor a job behind.
		expect(await registerMember({ ...input, actor: first })).toEqual({
			ok: false,
			reason: 'ALREADY_REGISTERED'
		});

		const jobs = await runner.boss.findJobs<{ registrationId: string; kind: string; origin: string }>(
			EVENT_REGISTRATION_MAIL_JOB,
			{ data: { registrationId: seat.registrationId } }
		);
		expect(jobs.map((job) => [job.singletonKey, job.data])).toEqual([
			[
				`${seat.registrationId}:confirmed`,
				{ registrationId: seat.registrationId, kind: 'confirmed', origin: ORIGIN }
			]
		]);
		const mailsTo = (address: string) =>
			db.select({ kind: mailMessages.kind }).from(mailMessages).where(eq(mailMessages.toAddress, address));
		expect(
			await waitFor(
				() => mailsTo('job-erste@example.test'),
				(rows) => rows.length > 0,
				'no confirmation rendered'
			)
		).toEqual([{ kind: 'event-confirmed' }]);
		expect(
			await waitFor(
				() => mailsTo('job-zweite@example.test'),
				(rows) => rows.length > 0,
				'no waitlist mail rendered'
			)
		).toEqual([{ kind: 'event-waitlisted' }]);
		await waitFor(
			() =>
				runner.boss.findJobs(EVENT_REGISTRATION_MAIL_JOB, { data: { registrationId: wait.registrationId } }),
			(list) => list.every((job) => job.state === 'completed'),
			'the job was not completed'
		);
		expect(await mailsTo('job-erste@example.test')).toHaveLength(1);
	}, 30_000);

	it('skips a background mail that is no longer true', async () => {
		const event = await createEvent(db, networkId, { capacity: 1 });
		const actor = await member(networkId, 'stale@example.test');
		const result = await registerMember({
			actor,
			eventId: event.id,
			answers: {},
			locale: 'de',
			origin: ORIGIN
		});
		if (!result.ok) throw new Error('registration failed');
		const stale = (kind: 'confirmed' | 'waitlisted') =>
			db.transaction((tx) =>
				queueRegistrationMail(tx, result.registrationId, kind, ORIGIN, { skipIfStale: true })
			);
		// Holding a seat: a waitlist mail is stale, a confirmation is not.
		expect(await stale('waitlisted')).toBeNull();
		expect(await stale('confirmed')).toEqual(expect.any(String));
		await cancelRegistration({
			networkId,
			registrationId: result.registrationId,
			by: 'self',
			actorUserId: actor.userId,
			origin: ORIGIN
		});
		expect(await stale('confirmed')).toBeNull();
	});
});
