import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { useFreshDatabase } from '../helpers/database.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import {
	auditLog,
	eventAttendanceFigures,
	eventMessages,
	eventQuestions,
	eventRegistrations,
	events,
	mailMessages
} from '../../src/lib/server/db/schema/index.ts';
import {
	addToCircle,
	addToOrganisation,
	createCircle,
	createNetwork,
	createOrganisation,
	createUser,
	grantNetworkRole
} from '../../src/lib/server/testing/factories.ts';
import { createEvent } from '../../src/lib/server/testing/event-factories.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import { can } from '../../src/lib/server/policy/policy.ts';
import type { Actor } from '../../src/lib/server/policy/actor.ts';
import { eventResource, type EventRow } from '../../src/lib/server/events/scope.ts';
import type { RegistrationStatus } from '../../src/lib/events/vocabulary.ts';
import { eventFor } from '../../src/lib/server/events/organiser/access.ts';
import {
	attendeeCounts,
	findRegistrationOfEvent,
	listAttendees,
	searchMembersToAdd
} from '../../src/lib/server/events/organiser/queries.ts';
import {
	markAttendance,
	messageAttendees,
	setRegistrationClosed
} from '../../src/lib/server/events/organiser/mutations.ts';
import { exportAttendees } from '../../src/lib/server/events/organiser/export.ts';
import { signInSheet } from '../../src/lib/server/events/organiser/sign-in-sheet.ts';
import { removeAttendee } from '../../src/lib/server/events/organiser/collaborators.ts';
import { checkIn } from '../../src/lib/server/events/check-in/mutations.ts';
import { doorCounter, doorList } from '../../src/lib/server/events/check-in/queries.ts';
import { decodeText, parseCsv } from '../../src/lib/server/directory-import/csv.ts';
import { readXlsx } from '../../src/lib/server/directory-import/xlsx.ts';
import { generateTicketCode } from '../../src/lib/server/events/registration/tokens.ts';

const HOUR = 60 * 60 * 1000;
const origin = 'http://knotenpunkt.test';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let networkId: string;
let otherNetworkId: string;
let office: Actor;
let adminX: Actor;
let leadA: Actor;
let member: Actor;
let hostAdmin: Actor;
let eventX: EventRow;
let eventY: EventRow;
let circleEventA: EventRow;
let circleEventB: EventRow;
let foreignEvent: EventRow;

async function actorFor(email: string, setup: (userId: string) => Promise<void>, locale: 'de' | 'en' = 'de') {
	const person = await createUser(db, { email, name: email.split('@')[0]!, locale });
	await setup(person.id);
	return loadActor(networkId, person);
}

let counter = 0;
/** A registration as the registration core writes it, with seats_taken kept in step. */
async function register(
	event: EventRow,
	status: RegistrationStatus,
	values: Partial<typeof eventRegistrations.$inferInsert> = {}
) {
	counter += 1;
	const [row] = await db
		.insert(eventRegistrations)
		.values({
			networkId: event.networkId,
			eventId: event.id,
			name: `Person ${counter}`,
			email: `person-${counter}-${randomBytes(3).toString('hex')}@example.test`,
			status,
			accessTokenHash: randomBytes(16).toString('hex'),
			ticketCode: generateTicketCode(),
			...values
		})
		.returning();
	if (['registered', 'attended', 'no_show'].includes(status))
		await db
			.update(events)
			.set({ seatsTaken: sql`${events.seatsTaken} + 1` })
			.where(eq(events.id, event.id));
	return row!;
}

async function seatsOf(eventId: string) {
	const [row] = await db.select({ seatsTaken: events.seatsTaken }).from(events).where(eq(events.id, eventId));
	const [held] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(eventRegistrations)
		.where(
			and(
				eq(eventRegistrations.eventId, eventId),
				sql`${eventRegistrations.status} in ('registered', 'attended', 'no_show')`
			)
		);
	return { seatsTaken: row!.seatsTaken, held: Number(held!.n) };
}

async function statusOf(registrationId: string) {
	const [row] = await db.select().from(eventRegistrations).where(eq(eventRegistrations.id, registrationId));
	return row!;
}

/** What a route's guard sees: the network and actor of the request, the id of the URL. */
function requestFor(actor: Actor, id: string) {
	return {
		locals: { network: { id: networkId }, actor } as unknown as App.Locals,
		url: new URL(`${origin}/events/${id}/manage`),
		params: { id }
	};
}

async function statusOfGuard(actor: Actor, id: string, action: 'event.manage' | 'event.check_in') {
	try {
		await eventFor(requestFor(actor, id), action);
		return 200;
	} catch (error) {
		if (isHttpError(error)) return error.status;
		throw error;
	}
}

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	networkId = (await createNetwork(db, { name: 'Organisernetz' })).id;
	otherNetworkId = (await createNetwork(db)).id;
	const orgX = await createOrganisation(db, networkId, { name: 'X GmbH' });
	const orgY = await createOrganisation(db, networkId, { name: 'Y AG' });
	const host = await createOrganisation(db, networkId, { name: 'Gastgeber KG' });
	const circleA = await createCircle(db, networkId);
	const circleB = await createCircle(db, networkId);
	office = await actorFor('office@organiser.test', (id) => grantNetworkRole(db, networkId, id, 'office'));
	adminX = await actorFor('admin-x@organiser.test', async (id) => {
		await grantNetworkRole(db, networkId, id, 'member');
		await addToOrganisation(db, networkId, orgX.id, id, 'org_admin');
	});
	leadA = await actorFor('lead-a@organiser.test', async (id) => {
		await grantNetworkRole(db, networkId, id, 'member');
		await addToCircle(db, networkId, circleA.id, id, 'lead');
		await addToCircle(db, networkId, circleB.id, id, 'member');
	});
	member = await actorFor('member@organiser.test', (id) => grantNetworkRole(db, networkId, id, 'member'));
	hostAdmin = await actorFor('host@organiser.test', async (id) => {
		await grantNetworkRole(db, networkId, id, 'member');
		await addToOrganisation(db, networkId, host.id, id, 'org_admin');
	});
	eventX = await createEvent(db, networkId, {
		organiserKind: 'organisation',
		organiserOrganisationId: orgX.id,
		titleDe: 'Werksbesichtigung X'
	});
	eventY = await createEvent(db, networkId, {
		organiserKind: 'organisation',
		organiserOrganisationId: orgY.id
	});
	circleEventA = await createEvent(db, networkId, {
		organiserKind: 'circle',
		organiserCircleId: circleA.id,
		audience: 'circle',
		audienceCircleId: circleA.id
	});
	circleEventB = await createEvent(db, networkId, {
		organiserKind: 'circle',
		organiserCircleId: circleB.id,
		audience: 'circle',
		audienceCircleId: circleB.id
	});
	foreignEvent = await createEvent(db, otherNetworkId);
});

afterAll(() => database?.close());

describe('who may manage and check in', () => {
	it('lets an organisation admin manage only their organisation’s events', async () => {
		expect(await statusOfGuard(adminX, eventX.id, 'event.manage')).toBe(200);
		expect(await statusOfGuard(adminX, eventY.id, 'event.manage')).toBe(403);
		expect(await statusOfGuard(adminX, eventY.id, 'event.check_in')).toBe(403);
	});

	it('lets a circle lead manage only their circle’s events, not another circle they are a member of', async () => {
		expect(await statusOfGuard(leadA, circleEventA.id, 'event.manage')).toBe(200);
		expect(await statusOfGuard(leadA, circleEventB.id, 'event.manage')).toBe(403);
		expect(await statusOfGuard(leadA, eventX.id, 'event.check_in')).toBe(403);
	});

	it('gives the office every event and members none', async () => {
		for (const event of [eventX, eventY, circleEventA, circleEventB])
			expect(await statusOfGuard(office, event.id, 'event.manage')).toBe(200);
		expect(await statusOfGuard(member, eventX.id, 'event.manage')).toBe(403);
		expect(await statusOfGuard(member, eventX.id, 'event.check_in')).toBe(403);
	});

	it('lets the host organisation’s admins check in but not manage', async () => {
		const hosted = await createEvent(db, networkId, {
			hostOrganisationId: hostAdmin.organisations[0]!.organisationId
		});
		expect(await statusOfGuard(hostAdmin, hosted.id, 'event.check_in')).toBe(200);
		expect(await statusOfGuard(hostAdmin, hosted.id, 'event.manage')).toBe(403);
		expect(await statusOfGuard(hostAdmin, eventX.id, 'event.check_in')).toBe(403);
	});

	it('answers 404 for another network’s, unknown and malformed event ids', async () => {
		expect(await statusOfGuard(office, foreignEvent.id, 'event.manage')).toBe(404);
		expect(await statusOfGuard(office, crypto.randomUUID(), 'event.manage')).toBe(404);
		expect(await statusOfGuard(office, 'not-a-uuid', 'event.check_in')).toBe(404);
	});
});

describe('registration ids of another event', () => {
	it('are not found on this event, for every organiser action', async () => {
		const started = await createEvent(db, networkId, { startsAt: new Date(Date.now() - HOUR) });
		const elsewhere = await register(eventY, 'registered');
		expect(await findRegistrationOfEvent(networkId, started.id, elsewhere.id)).toBeNull();
		const marked = await markAttendance({
			actor: office,
			networkId,
			event: started,
			registrationId: elsewhere.id,
			mark: 'attended'
		});
		expect(marked).toEqual({ ok: false, reason: 'NOT_FOUND' });
		const checked = await checkIn({ actor: office, networkId, event: started, registrationId: elsewhere.id });
		expect(checked).toMatchObject({ ok: false, reason: 'NOT_FOUND' });
		expect((await statusOf(elsewhere.id)).status).toBe('registered');
	});
});

describe('attendance marking', () => {
	it('moves between registered, attended and no-show without changing the seats', async () => {
		const event = await createEvent(db, networkId, { startsAt: new Date(Date.now() - HOUR), capacity: 3 });
		const a = await register(event, 'registered');
		await register(event, 'registered');
		const waiting = await register(event, 'waitlisted');
		const before = await seatsOf(event.id);
		expect(before).toEqual({ seatsTaken: 2, held: 2 });

		const base = { actor: office, networkId, event, registrationId: a.id };
		expect(await markAttendance({ ...base, mark: 'attended' })).toEqual({ ok: true, status: 'attended' });
		expect((await statusOf(a.id)).checkedInAt).toBeInstanceOf(Date);
		expect(await seatsOf(event.id)).toEqual(before);
		expect(await markAttendance({ ...base, mark: 'attended' })).toEqual({
			ok: false,
			reason: 'WRONG_STATUS'
		});
		expect(await markAttendance({ ...base, mark: 'no_show' })).toEqual({ ok: true, status: 'no_show' });
		expect((await statusOf(a.id)).checkedInAt).toBeNull();
		expect(await seatsOf(event.id)).toEqual(before);
		expect(await markAttendance({ ...base, mark: 'undo' })).toEqual({ ok: true, status: 'registered' });
		expect(await seatsOf(event.id)).toEqual(before);

		const waitlisted = await markAttendance({ ...base, registrationId: waiting.id, mark: 'attended' });
		expect(waitlisted).toEqual({ ok: false, reason: 'WRONG_STATUS' });
		expect(await seatsOf(event.id)).toEqual(before);

		const audited = await db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(eq(auditLog.targetId, a.id));
		expect(audited.map((row) => row.action).sort()).toEqual(
			['event.attendance.attended', 'event.attendance.no_show', 'event.attendance.undo'].sort()
		);
	});

	it('refuses no-show before the start and anything on a cancelled event', async () => {
		const upcoming = await createEvent(db, networkId, { startsAt: new Date(Date.now() + 72 * HOUR) });
		const person = await register(upcoming, 'registered');
		const base = { actor: office, networkId, registrationId: person.id };
		expect(await markAttendance({ ...base, event: upcoming, mark: 'no_show' })).toEqual({
			ok: false,
			reason: 'NOT_YET'
		});
		expect(await markAttendance({ ...base, event: upcoming, mark: 'attended' })).toEqual({
			ok: false,
			reason: 'NOT_YET'
		});
		const cancelled = { ...upcoming, status: 'cancelled' as const, startsAt: new Date(Date.now() - HOUR) };
		expect(await markAttendance({ ...base, event: cancelled, mark: 'attended' })).toEqual({
			ok: false,
			reason: 'EVENT_CANCELLED'
		});
		expect((await statusOf(person.id)).status).toBe('registered');
	});

	it('removing someone promotes the first of the waitlist and keeps the seats consistent', async () => {
		const event = await createEvent(db, networkId, { capacity: 1 });
		const seated = await register(event, 'registered');
		const first = await register(event, 'waitlisted');
		const second = await register(event, 'waitlisted');
		const result = await removeAttendee({
			actor: office,
			networkId,
			event,
			registrationId: seated.id,
			origin
		});
		expect(result.ok).toBe(true);
		expect((await statusOf(seated.id)).status).toBe('cancelled');
		expect((await statusOf(first.id)).status).toBe('registered');
		expect((await statusOf(second.id)).status).toBe('waitlisted');
		expect(await seatsOf(event.id)).toEqual({ seatsTaken: 1, held: 1 });
		const list = await listAttendees(networkId, event.id, { status: 'waitlisted' });
		expect(list.map((row) => [row.id, row.waitlistPosition])).toEqual([[second.id, 1]]);
	});
});

describe('check-in at the door', () => {
	it('checks a ticket in once; a second scan reports the first time', async () => {
		const event = await createEvent(db, networkId, { startsAt: new Date(Date.now() + HOUR), capacity: 10 });
		const person = await register(event, 'registered', { name: 'Tina Ticket' });
		const before = await seatsOf(event.id);
		const first = await checkIn({ actor: office, networkId, event, ticketCode: person.ticketCode });
		expect(first).toMatchObject({ ok: true, already: false, name: 'Tina Ticket' });
		const typed = person.ticketCode.toLowerCase().replace(/(.{4})/g, '$1 ');
		const second = await checkIn({ actor: hostAdmin, networkId, event, ticketCode: typed });
		expect(second).toMatchObject({ ok: true, already: true });
		if (!first.ok || !second.ok) throw new Error('both scans succeed');
		expect(second.checkedInAt.getTime()).toBe(first.checkedInAt.getTime());
		const stored = await statusOf(person.id);
		expect(stored.status).toBe('attended');
		expect(stored.checkedInBy).toBe(office.userId);
		expect(await seatsOf(event.id)).toEqual(before);
		expect(await doorCounter(networkId, event.id)).toEqual({ attended: 1, registered: 1 });
		// The figures for the network's reports follow every check-in.
		const [figures] = await db
			.select()
			.from(eventAttendanceFigures)
			.where(eq(eventAttendanceFigures.eventId, event.id));
		expect(figures).toMatchObject({ registered: 1, attended: 1, noShows: 0 });
		const checkIns = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'event.check_in'), eq(auditLog.targetId, person.id)));
		expect(checkIns).toHaveLength(1);
	});

	it('refuses another event’s ticket, an unknown code, the waitlist and the cancelled', async () => {
		const event = await createEvent(db, networkId, { startsAt: new Date(Date.now() + HOUR) });
		const other = await createEvent(db, networkId, { startsAt: new Date(Date.now() + HOUR) });
		const othersTicket = await register(other, 'registered');
		const waiting = await register(event, 'waitlisted', { name: 'Wanda Warteliste' });
		const gone = await register(event, 'cancelled');
		const pending = await register(event, 'pending');
		const base = { actor: office, networkId, event };
		expect(await checkIn({ ...base, ticketCode: othersTicket.ticketCode })).toEqual({
			ok: false,
			reason: 'OTHER_EVENT'
		});
		expect((await statusOf(othersTicket.id)).status).toBe('registered');
		expect(await checkIn({ ...base, ticketCode: 'NOPE-NOT-A-TICKET' })).toEqual({
			ok: false,
			reason: 'UNKNOWN_TICKET'
		});
		expect(await checkIn({ ...base, ticketCode: waiting.ticketCode })).toEqual({
			ok: false,
			reason: 'WAITLISTED',
			name: 'Wanda Warteliste'
		});
		expect(await checkIn({ ...base, registrationId: gone.id })).toMatchObject({ reason: 'CANCELLED' });
		expect(await checkIn({ ...base, registrationId: pending.id })).toMatchObject({ reason: 'PENDING' });
		expect((await statusOf(waiting.id)).status).toBe('waitlisted');
	});

	it('does not let another network’s ticket in, and opens the door only a day before', async () => {
		const event = await createEvent(db, networkId, { startsAt: new Date(Date.now() + HOUR) });
		const foreignTicket = await register(foreignEvent, 'registered');
		expect(await checkIn({ actor: office, networkId, event, ticketCode: foreignTicket.ticketCode })).toEqual({
			ok: false,
			reason: 'UNKNOWN_TICKET'
		});
		const later = await createEvent(db, networkId, { startsAt: new Date(Date.now() + 48 * HOUR) });
		const early = await register(later, 'registered');
		expect(await checkIn({ actor: office, networkId, event: later, ticketCode: early.ticketCode })).toEqual({
			ok: false,
			reason: 'NOT_OPEN'
		});
	});

	it('lists the door in name order with narrow rows', async () => {
		const event = await createEvent(db, networkId);
		await register(event, 'registered', { name: 'Zora Zander', organisationName: 'Z' });
		await register(event, 'waitlisted', { name: 'Anna Ahrens' });
		await register(event, 'cancelled', { name: 'Carl Cancel' });
		const list = await doorList(networkId, event.id);
		expect(list.map((row) => row.name)).toEqual(['Anna Ahrens', 'Zora Zander']);
		expect(Object.keys(list[0]!).sort()).toEqual(['checkedInAt', 'id', 'name', 'organisationName', 'status']);
	});
});

describe('the attendee export', () => {
	it('contains every answer and defuses formulas, in CSV and XLSX', async () => {
		const event = await createEvent(db, networkId, { titleDe: 'Export-Treffen' });
		const [diet] = await db
			.insert(eventQuestions)
			.values({
				networkId,
				eventId: event.id,
				position: 0,
				kind: 'text',
				labelDe: 'Ernährung',
				labelEn: 'Diet'
			})
			.returning();
		const [guest] = await db
			.insert(eventQuestions)
			.values({
				networkId,
				eventId: event.id,
				position: 1,
				kind: 'yes_no',
				labelDe: 'Begleitung',
				labelEn: 'Guest'
			})
			.returning();
		await register(event, 'registered', {
			name: 'Erika Muster',
			organisationName: 'Hasetal GmbH',
			email: 'erika@example.test',
			answers: { [diet!.id]: 'vegetarisch', [guest!.id]: 'yes' },
			createdAt: new Date('2026-07-01T08:05:00Z')
		});
		await register(event, 'waitlisted', {
			name: '=cmd|calc',
			organisationName: '+evil',
			answers: { [diet!.id]: '=HYPERLINK("http://evil.example","x")', [guest!.id]: 'no' }
		});

		const csv = await exportAttendees({ networkId, event, filter: {}, locale: 'de', format: 'csv' });
		expect([...csv.body.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(csv.fileName).toMatch(/^teilnehmende-export-treffen\.csv$/);
		const rows = parseCsv(decodeText(csv.body).text, ';');
		expect(rows[0]).toEqual([
			'Name',
			'Organisation',
			'E-Mail',
			'Status',
			'Angemeldet am',
			'Eingecheckt um',
			'Ernährung',
			'Begleitung'
		]);
		expect(rows[1]).toEqual([
			'Erika Muster',
			'Hasetal GmbH',
			'erika@example.test',
			'Angemeldet',
			'01.07.2026, 10:05',
			'',
			'vegetarisch',
			'Ja'
		]);
		expect(rows[2]![0]).toBe("'=cmd|calc");
		expect(rows[2]![1]).toBe("'+evil");
		expect(rows[2]![3]).toBe('Warteliste');
		expect(rows[2]![6]).toBe('\'=HYPERLINK("http://evil.example","x")');
		expect(rows[2]![7]).toBe('Nein');

		const xlsx = await exportAttendees({
			networkId,
			event,
			filter: { status: 'registered' },
			locale: 'en',
			format: 'xlsx'
		});
		const sheet = await readXlsx(xlsx.body);
		expect(sheet[0]).toEqual([
			'Name',
			'Organisation',
			'E-mail',
			'Status',
			'Registered at',
			'Checked in at',
			'Diet',
			'Guest'
		]);
		expect(sheet).toHaveLength(2);
		expect(sheet[1]!.slice(0, 4)).toEqual([
			'Erika Muster',
			'Hasetal GmbH',
			'erika@example.test',
			'Registered'
		]);
		expect(sheet[1]!.slice(6)).toEqual(['vegetarisch', 'Yes']);
	});

	it('prints the seat holders sorted by last name', async () => {
		const event = await createEvent(db, networkId);
		await register(event, 'registered', { name: 'Zoe Becker' });
		await register(event, 'attended', { name: 'Anton Zimmer' });
		await register(event, 'registered', { name: 'Maria Ähler' });
		await register(event, 'waitlisted', { name: 'Wolf Aaron' });
		const sheet = await signInSheet(networkId, event.id);
		expect(sheet.map((row) => row.name)).toEqual(['Maria Ähler', 'Zoe Becker', 'Anton Zimmer']);
	});
});

describe('messages and registration', () => {
	it('sends one mail per registered person in their language, the text verbatim and escaped in HTML', async () => {
		const event = await createEvent(db, networkId, { titleDe: 'Stammtisch', titleEn: 'Regulars’ table' });
		const de = await register(event, 'registered', { name: 'Dora Deutsch', locale: 'de' });
		const en = await register(event, 'attended', { name: 'Eric English', locale: 'en' });
		const waiting = await register(event, 'waitlisted', { locale: 'en' });
		await register(event, 'cancelled');
		await register(event, 'pending');
		const network = { id: networkId, name: 'Organisernetz' };
		const body = 'Bitte <b>pünktlich</b> sein & Ausweis mitbringen.\nDanke!';
		const result = await messageAttendees({
			actor: adminX,
			networkId,
			network,
			event,
			subject: 'Raumänderung <Halle 2>',
			body,
			includeWaitlist: false,
			origin
		});
		expect(result).toEqual({ ok: true, recipients: 2 });
		const mails = await db
			.select()
			.from(mailMessages)
			.where(
				and(eq(mailMessages.kind, 'event-message'), sql`${mailMessages.subject} = 'Raumänderung <Halle 2>'`)
			);
		expect(mails.map((mail) => mail.toAddress).sort()).toEqual([de.email, en.email].sort());
		const german = mails.find((mail) => mail.toAddress === de.email)!;
		const english = mails.find((mail) => mail.toAddress === en.email)!;
		expect(german.textBody).toContain('Hallo Dora Deutsch,');
		expect(german.textBody).toContain(body);
		expect(german.textBody).toContain('Stammtisch');
		expect(english.textBody).toContain('Hello Eric English,');
		expect(english.textBody).toContain('Regulars’ table');
		expect(english.htmlBody).toContain(
			'Bitte &lt;b&gt;pünktlich&lt;/b&gt; sein &amp; Ausweis mitbringen.<br>Danke!'
		);
		expect(english.htmlBody).not.toContain('<b>');
		const stored = await db.select().from(eventMessages).where(eq(eventMessages.eventId, event.id));
		expect(stored).toMatchObject([
			{ subject: 'Raumänderung <Halle 2>', body, recipients: 2, sentBy: adminX.userId }
		]);

		const withWaitlist = await messageAttendees({
			actor: adminX,
			networkId,
			network,
			event,
			subject: 'Zweite Nachricht',
			body: 'Auch an die Warteliste.',
			includeWaitlist: true,
			origin
		});
		expect(withWaitlist).toEqual({ ok: true, recipients: 3 });
		const [waitlistMail] = await db
			.select()
			.from(mailMessages)
			.where(and(eq(mailMessages.toAddress, waiting.email), eq(mailMessages.subject, 'Zweite Nachricht')));
		expect(waitlistMail!.textBody).toContain('waitlist');
		const audited = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'event.message.send'), eq(auditLog.targetId, event.id)));
		expect(audited).toHaveLength(2);
	});

	it('sends nothing when no one is registered', async () => {
		const event = await createEvent(db, networkId);
		await register(event, 'waitlisted');
		const result = await messageAttendees({
			actor: office,
			networkId,
			network: { id: networkId, name: 'Organisernetz' },
			event,
			subject: 'Leer',
			body: 'Niemand da',
			includeWaitlist: false,
			origin
		});
		expect(result).toEqual({ ok: false, reason: 'NO_RECIPIENTS' });
		expect(await db.select().from(eventMessages).where(eq(eventMessages.eventId, event.id))).toHaveLength(0);
	});

	it('closes and reopens registration, and counts every status', async () => {
		const event = await createEvent(db, networkId, { capacity: 5 });
		await register(event, 'registered');
		await register(event, 'attended');
		await register(event, 'pending');
		await register(event, 'cancelled');
		expect(
			await setRegistrationClosed({ actor: office, networkId, eventId: event.id, closed: true })
		).toEqual({
			ok: true
		});
		const [closed] = await db.select().from(events).where(eq(events.id, event.id));
		expect(closed!.registrationClosed).toBe(true);
		expect(
			await setRegistrationClosed({
				actor: office,
				networkId: otherNetworkId,
				eventId: event.id,
				closed: false
			})
		).toEqual({ ok: false, reason: 'NOT_FOUND' });
		await setRegistrationClosed({ actor: office, networkId, eventId: event.id, closed: false });
		const [reopened] = await db.select().from(events).where(eq(events.id, event.id));
		expect(reopened!.registrationClosed).toBe(false);
		expect(await attendeeCounts(networkId, reopened!)).toEqual({
			pending: 1,
			registered: 1,
			waitlisted: 0,
			cancelled: 1,
			attended: 1,
			no_show: 0,
			seatsLeft: 3
		});
	});

	it('finds the network’s people to add by name, not other networks’ people', async () => {
		const found = await searchMembersToAdd(networkId, 'admin-x');
		expect(found.map((person) => person.email)).toEqual(['admin-x@organiser.test']);
		expect(found[0]!.organisationName).toBe('X GmbH');
		expect(await searchMembersToAdd(otherNetworkId, 'admin-x')).toEqual([]);
		expect(can(adminX, 'event.manage', eventResource(eventX))).toBe(true);
	});
});
