import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { useFreshDatabase } from '../helpers/database.ts';
import {
	addToCircle,
	addToOrganisation,
	createCircle,
	createNetwork,
	createOrganisation,
	createUser,
	grantNetworkRole
} from '../../src/lib/server/testing/factories.ts';
import {
	createEvent as createEventRow,
	findEventFormat
} from '../../src/lib/server/testing/event-factories.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import { eventFormOptions } from '../../src/lib/server/events/authoring/form.ts';
import { anonymousActor, type Actor } from '../../src/lib/server/policy/actor.ts';
import { auditLog, eventRegistrations, events, mailMessages } from '../../src/lib/server/db/schema/index.ts';
import { eventFields, seriesFields, type EventInput } from '../../src/lib/server/events/schemas.ts';
import { localizeIssues } from '../../src/lib/server/forms.ts';
import { parseEventForm } from '../../src/lib/server/events/authoring/form.ts';
import { cancelEvent, createEvent, updateEvent } from '../../src/lib/server/events/mutations.ts';
import {
	addAttachment,
	addQuestion,
	moveQuestion,
	removeAttachment,
	removeQuestion,
	updateQuestion
} from '../../src/lib/server/events/authoring/mutations.ts';
import {
	findAttachmentFile,
	listQuestionsWithAnswerCounts
} from '../../src/lib/server/events/authoring/queries.ts';
import { findEvent, listAttachments } from '../../src/lib/server/events/queries.ts';
import { registerGuest, registerMember } from '../../src/lib/server/events/registration/index.ts';
import { utcToLocal } from '../../src/lib/events/time.ts';
import { GET as downloadAttachment } from '../../src/routes/events/[id]/attachments/[attachmentId]/+server.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import type { EventRow } from '../../src/lib/server/events/scope.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let networkId: string;
let otherNetworkId: string;
let formatId: string;
let circleOne: { id: string };
let circleTwo: { id: string };
let orgA: { id: string };
let orgB: { id: string };
let foreignCircle: { id: string };
const actors: Record<string, Actor> = {};
const origin = 'http://knotenpunkt.test';

async function person(name: string, setup: (userId: string) => Promise<void>) {
	const user = await createUser(db, {
		name,
		email: `${name.toLowerCase()}-${crypto.randomUUID().slice(0, 8)}@example.test`
	});
	await setup(user.id);
	actors[name] = await loadActor(networkId, user);
	return user;
}

/** What the form posts for a complete members' event on 8 December 2026, 18:00–20:00 Berlin time. */
function formInput(overrides: Record<string, string | undefined> = {}) {
	return {
		titleDe: 'Netzwerktreffen Dezember',
		titleEn: 'December network meeting',
		descriptionDe: 'Erster Absatz.\n\nZweiter Absatz.',
		formatId,
		startDate: '2026-12-08',
		startTime: '18:00',
		endDate: '2026-12-08',
		endTime: '20:00',
		locationKind: 'onsite',
		venueName: 'Forum am Dom',
		street: 'Domhof 1',
		postalCode: '49074',
		city: 'Osnabrück',
		organiser: 'office',
		audience: 'members',
		capacity: '',
		registrationEnabled: 'on',
		reminderHours: '24',
		status: 'published',
		...overrides
	};
}

function input(overrides: Record<string, string | undefined> = {}): EventInput {
	return eventFields.parse(formInput(overrides));
}

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	networkId = (await createNetwork(db)).id;
	otherNetworkId = (await createNetwork(db)).id;
	formatId = (await findEventFormat(db, networkId, 'network-meeting')).id;
	circleOne = await createCircle(db, networkId);
	circleTwo = await createCircle(db, networkId);
	foreignCircle = await createCircle(db, otherNetworkId);
	orgA = await createOrganisation(db, networkId);
	orgB = await createOrganisation(db, networkId);
	await person('Office', (id) => grantNetworkRole(db, networkId, id, 'office'));
	await person('Lead', async (id) => {
		await grantNetworkRole(db, networkId, id, 'member');
		await addToCircle(db, networkId, circleOne.id, id, 'lead');
	});
	await person('OrgAdmin', async (id) => {
		await grantNetworkRole(db, networkId, id, 'member');
		await addToOrganisation(db, networkId, orgA.id, id, 'org_admin');
	});
	for (const name of ['Member', 'Second', 'Third'])
		await person(name, async (id) => {
			await grantNetworkRole(db, networkId, id, 'member');
			await addToOrganisation(db, networkId, orgB.id, id, 'org_member');
		});
});

afterAll(async () => {
	await database.close();
});

describe('the form schema', () => {
	it('turns Berlin wall-clock fields into instants', () => {
		const parsed = input();
		expect(parsed.startsAt.toISOString()).toBe('2026-12-08T17:00:00.000Z');
		expect(parsed.endsAt.toISOString()).toBe('2026-12-08T19:00:00.000Z');
		expect(parsed.organiserKind).toBe('office');
		expect(parsed.capacity).toBeNull();
		expect(parsed.reminderMinutesBefore).toBe(1440);
	});

	it('says clearly when a time does not exist or happens twice, in the reader’s language', () => {
		const missing = eventFields.safeParse(
			formInput({ startDate: '2026-03-29', startTime: '02:30', endDate: '2026-03-29' })
		);
		expect(missing.success).toBe(false);
		const de = localizeIssues(missing.error!.issues, 'de');
		expect(de.startDate).toMatch(/Sommerzeit/);
		const twice = eventFields.safeParse(
			formInput({ startDate: '2026-10-25', startTime: '02:30', endDate: '2026-10-25' })
		);
		expect(localizeIssues(twice.error!.issues, 'en').startDate).toMatch(/happens twice/);
	});

	it('checks single fields, and once they are valid, how they fit together', () => {
		const fields = eventFields.safeParse(
			formInput({ capacity: '0', onlineUrl: 'javascript:alert(1)', latitude: '95' })
		);
		expect(Object.keys(localizeIssues(fields.error!.issues, 'de')).sort()).toEqual([
			'capacity',
			'latitude',
			'onlineUrl'
		]);
		const together = eventFields.safeParse(
			formInput({ endTime: '17:00', audience: 'circle', locationKind: 'hybrid', latitude: '52.27' })
		);
		expect(Object.keys(localizeIssues(together.error!.issues, 'de')).sort()).toEqual([
			'audienceCircleId',
			'endDate',
			'latitude',
			'onlineUrl'
		]);
	});

	it('shows single-field and cross-field problems of a posted form in one round', () => {
		const form = new FormData();
		for (const [key, value] of Object.entries(
			formInput({
				titleDe: '',
				startDate: '2026-03-29',
				startTime: '02:30',
				endDate: '2026-03-29',
				audience: 'circle'
			})
		))
			if (value !== undefined) form.set(key, value);
		const parsed = parseEventForm(form, 'de', true);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(Object.keys(parsed.errors).sort()).toEqual(['audienceCircleId', 'startDate', 'titleDe']);
		expect(parsed.errors.startDate).toMatch(/Sommerzeit/);
		expect(parsed.errors.titleDe).toBe('Bitte füllen Sie dieses Feld aus.');
	});

	it('asks for the number of dates of a series', () => {
		expect(seriesFields.safeParse({ repeat: 'weekly', repeatCount: '' }).success).toBe(false);
		expect(seriesFields.parse({ repeat: 'monthly', repeatCount: '6' })).toEqual({
			repeat: 'monthly',
			count: 6
		});
		expect(seriesFields.parse({})).toEqual({ repeat: 'none', count: 1 });
	});
});

describe('who may create what', () => {
	it('offers each person exactly the organisers the policy lets them choose', async () => {
		const choices = async (name: string, current?: EventRow) =>
			(await eventFormOptions(actors[name]!, 'de', current)).organisers.map((option) => option.value).sort();
		expect(await choices('Office')).toEqual(
			[
				'office',
				`circle:${circleOne.id}`,
				`circle:${circleTwo.id}`,
				`organisation:${orgA.id}`,
				`organisation:${orgB.id}`
			].sort()
		);
		expect(await choices('Lead')).toEqual([`circle:${circleOne.id}`]);
		expect(await choices('OrgAdmin')).toEqual([`organisation:${orgA.id}`]);
		expect(await choices('Member')).toEqual([]);
		// Editing keeps the event's own organiser selectable, so saving never changes it by accident.
		const otherCircles = await createEventRow(db, networkId, {
			organiserKind: 'circle',
			organiserCircleId: circleTwo.id
		});
		expect(await choices('Lead', otherCircles)).toEqual(
			[`circle:${circleOne.id}`, `circle:${circleTwo.id}`].sort()
		);
	});

	it('lets the office organise for anyone and audits it', async () => {
		const result = await createEvent(actors.Office!, input({ organiser: `circle:${circleTwo.id}` }), origin);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.event.organiserCircleId).toBe(circleTwo.id);
		expect(result.event.createdBy).toBe(actors.Office!.userId);
		const audits = await db.select().from(auditLog).where(eq(auditLog.targetId, result.event.id));
		expect(audits.map((row) => row.action)).toEqual(['event.created']);
	});

	it('lets circle leads and organisation admins organise their own events only', async () => {
		expect((await createEvent(actors.Lead!, input({ organiser: `circle:${circleOne.id}` }), origin)).ok).toBe(
			true
		);
		expect(await createEvent(actors.Lead!, input({ organiser: `circle:${circleTwo.id}` }), origin)).toEqual({
			ok: false,
			reason: 'NOT_ALLOWED'
		});
		expect(await createEvent(actors.Lead!, input(), origin)).toEqual({ ok: false, reason: 'NOT_ALLOWED' });
		expect(
			(await createEvent(actors.OrgAdmin!, input({ organiser: `organisation:${orgA.id}` }), origin)).ok
		).toBe(true);
		expect(
			await createEvent(actors.OrgAdmin!, input({ organiser: `organisation:${orgB.id}` }), origin)
		).toEqual({ ok: false, reason: 'NOT_ALLOWED' });
		expect(await createEvent(actors.Member!, input(), origin)).toEqual({ ok: false, reason: 'NOT_ALLOWED' });
		expect(await createEvent(anonymousActor(networkId), input(), origin)).toEqual({
			ok: false,
			reason: 'NOT_ALLOWED'
		});
	});

	it('refuses formats, circles and organisations of another network', async () => {
		const foreignFormat = await findEventFormat(db, otherNetworkId, 'workshop');
		const foreignOrganisation = await createOrganisation(db, otherNetworkId);
		const result = await createEvent(
			actors.Office!,
			input({
				formatId: foreignFormat.id,
				audience: 'circle',
				audienceCircleId: foreignCircle.id,
				hostOrganisationId: foreignOrganisation.id
			}),
			origin
		);
		expect(result).toEqual({
			ok: false,
			reason: 'INVALID',
			fieldErrors: {
				formatId: 'validation_choice',
				audienceCircleId: 'validation_choice',
				hostOrganisationId: 'validation_choice'
			}
		});
		const count = await db.select().from(events).where(eq(events.networkId, otherNetworkId));
		expect(count).toEqual([]);
	});
});

describe('series', () => {
	it('repeats weekly at the same Berlin time across the switch to winter time', async () => {
		const result = await createEvent(
			actors.Office!,
			input({ startDate: '2026-10-15', endDate: '2026-10-15', startTime: '18:00', endTime: '19:30' }),
			origin,
			{ series: { repeat: 'weekly', count: 4 } }
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const dates = result.seriesEvents;
		expect(dates).toHaveLength(4);
		expect(new Set(dates.map((event) => event.seriesId)).size).toBe(1);
		expect(dates[0]!.seriesId).not.toBeNull();
		expect(dates.map((event) => utcToLocal(event.startsAt))).toEqual([
			{ date: '2026-10-15', time: '18:00' },
			{ date: '2026-10-22', time: '18:00' },
			{ date: '2026-10-29', time: '18:00' },
			{ date: '2026-11-05', time: '18:00' }
		]);
		expect(dates.map((event) => event.startsAt.getUTCHours())).toEqual([16, 16, 17, 17]);
		const audits = await db
			.select()
			.from(auditLog)
			.where(
				inArray(
					auditLog.targetId,
					dates.map((event) => event.id)
				)
			);
		expect(audits).toHaveLength(4);
	});

	it('repeats monthly on the same day, or the month’s last day when it is shorter', async () => {
		const result = await createEvent(
			actors.Office!,
			input({ startDate: '2027-01-31', endDate: '2027-01-31' }),
			origin,
			{ series: { repeat: 'monthly', count: 3 } }
		);
		expect(result.ok && result.seriesEvents.map((event) => utcToLocal(event.startsAt).date)).toEqual([
			'2027-01-31',
			'2027-02-28',
			'2027-03-31'
		]);
	});

	it('refuses a series one of whose dates would fall into the missing hour', async () => {
		const result = await createEvent(
			actors.Office!,
			input({ startDate: '2027-03-14', endDate: '2027-03-14', startTime: '02:30', endTime: '04:00' }),
			origin,
			{ series: { repeat: 'weekly', count: 3 } }
		);
		expect(result).toEqual({
			ok: false,
			reason: 'INVALID',
			fieldErrors: { repeat: 'event_authoring_validation_series_time' }
		});
	});
});

async function newEvent(overrides: Record<string, string | undefined> = {}): Promise<EventRow> {
	const result = await createEvent(actors.Office!, input(overrides), origin);
	if (!result.ok) throw new Error(JSON.stringify(result));
	return result.event;
}

const mailsTo = async (eventKind: string) =>
	(await db.select().from(mailMessages).where(eq(mailMessages.kind, eventKind)))
		.map((row) => row.toAddress)
		.sort();

describe('updating', () => {
	it('raises the sequence for changes calendars must pick up, and only then', async () => {
		const event = await newEvent();
		const before = (await findEvent(networkId, event.id))!;
		const capacityOnly = await updateEvent(actors.Office!, event.id, input({ capacity: '30' }), origin);
		expect(capacityOnly.ok && capacityOnly.event.sequence).toBe(0);
		expect(capacityOnly.ok && capacityOnly.event.updatedAt.getTime()).toBe(before.updatedAt.getTime());
		const retitled = await updateEvent(
			actors.Office!,
			event.id,
			input({ capacity: '30', titleDe: 'Neu' }),
			origin
		);
		expect(retitled.ok && retitled.event.sequence).toBe(1);
		expect(retitled.ok && retitled.event.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
		expect(retitled.ok && retitled.notified).toBe(0);
		const moved = await updateEvent(
			actors.Office!,
			event.id,
			input({ capacity: '30', titleDe: 'Neu', startTime: '17:00' }),
			origin
		);
		expect(moved.ok && moved.event.sequence).toBe(2);
		const audits = await db.select().from(auditLog).where(eq(auditLog.targetId, event.id));
		expect(audits.filter((row) => row.action === 'event.updated')).toHaveLength(3);
	});

	it('mails everyone registered or waiting when the time or place changes, not for a new title', async () => {
		const event = await newEvent({ capacity: '1' });
		for (const name of ['Member', 'Second'])
			await registerMember({ actor: actors[name]!, eventId: event.id, answers: {}, locale: 'de', origin });
		const titled = await updateEvent(
			actors.Office!,
			event.id,
			input({ capacity: '1', titleDe: 'Anders' }),
			origin
		);
		expect(titled.ok && titled.notified).toBe(0);
		const moved = await updateEvent(
			actors.Office!,
			event.id,
			input({ capacity: '1', titleDe: 'Anders', venueName: 'Lagerhalle' }),
			origin
		);
		expect(moved.ok && moved.notified).toBe(2);
		const mailed = await db
			.select({ to: mailMessages.toAddress })
			.from(mailMessages)
			.where(eq(mailMessages.kind, 'event-event-updated'));
		expect(mailed.map((row) => row.to).sort()).toEqual([actors.Member!.email, actors.Second!.email].sort());
	});

	it('refuses a capacity below the seats taken and promotes the waitlist when it grows', async () => {
		const event = await newEvent({ capacity: '2' });
		for (const name of ['Member', 'Second', 'Third'])
			await registerMember({ actor: actors[name]!, eventId: event.id, answers: {}, locale: 'de', origin });
		expect(await updateEvent(actors.Office!, event.id, input({ capacity: '1' }), origin)).toEqual({
			ok: false,
			reason: 'INVALID',
			fieldErrors: { capacity: 'event_authoring_validation_capacity_below_seats' }
		});
		const grown = await updateEvent(actors.Office!, event.id, input({ capacity: '3' }), origin);
		expect(grown.ok && grown.event.seatsTaken).toBe(3);
		const statuses = await db
			.select({ status: eventRegistrations.status })
			.from(eventRegistrations)
			.where(eq(eventRegistrations.eventId, event.id));
		expect(statuses.map((row) => row.status)).toEqual(['registered', 'registered', 'registered']);
	});

	it('lets only the event’s managers edit, and finds nothing in another network', async () => {
		const circleEvent = await newEvent({ organiser: `circle:${circleOne.id}` });
		expect(
			(
				await updateEvent(
					actors.Lead!,
					circleEvent.id,
					input({ organiser: `circle:${circleOne.id}` }),
					origin
				)
			).ok
		).toBe(true);
		// A lead cannot hand the event to the office (or another circle).
		expect(await updateEvent(actors.Lead!, circleEvent.id, input(), origin)).toEqual({
			ok: false,
			reason: 'INVALID',
			fieldErrors: { organiser: 'validation_choice' }
		});
		expect(await updateEvent(actors.OrgAdmin!, circleEvent.id, input(), origin)).toEqual({
			ok: false,
			reason: 'NOT_ALLOWED'
		});
		const foreign = await createEventRow(db, otherNetworkId);
		expect(await updateEvent(actors.Office!, foreign.id, input(), origin)).toEqual({
			ok: false,
			reason: 'NOT_FOUND'
		});
		expect(await cancelEvent(actors.Office!, foreign.id, 'x', origin)).toEqual({
			ok: false,
			reason: 'NOT_FOUND'
		});
		expect((await findEvent(otherNetworkId, foreign.id))!.status).toBe('published');
	});
});

describe('cancelling', () => {
	it('tells everyone registered, waiting or unconfirmed, and raises the sequence', async () => {
		const event = await newEvent({ capacity: '1', audience: 'public' });
		for (const name of ['Member', 'Second', 'Third'])
			await registerMember({ actor: actors[name]!, eventId: event.id, answers: {}, locale: 'de', origin });
		const guest = await registerGuest({
			networkId,
			eventId: event.id,
			name: 'Gast Gärtner',
			email: 'gast@example.test',
			organisationName: 'Gast GmbH',
			answers: {},
			locale: 'en',
			origin
		});
		expect(guest.ok && guest.status).toBe('pending');
		// Third leaves before the cancellation: they are not told again.
		await db
			.update(eventRegistrations)
			.set({ status: 'cancelled', cancelledAt: new Date() })
			.where(
				and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.email, actors.Third!.email!))
			);
		expect(await cancelEvent(actors.Lead!, event.id, 'Krank', origin)).toEqual({
			ok: false,
			reason: 'NOT_ALLOWED'
		});
		const result = await cancelEvent(actors.Office!, event.id, '  Referent erkrankt  ', origin);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.notified).toBe(3);
		expect(result.event.status).toBe('cancelled');
		expect(result.event.sequence).toBe(event.sequence + 1);
		expect(result.event.cancellationReason).toBe('Referent erkrankt');
		const told = await db
			.select({ to: mailMessages.toAddress, text: mailMessages.textBody })
			.from(mailMessages)
			.where(eq(mailMessages.kind, 'event-event-cancelled'));
		const recipients = told.map((row) => row.to);
		expect(recipients).toEqual(
			expect.arrayContaining([actors.Member!.email, actors.Second!.email, 'gast@example.test'])
		);
		expect(recipients).not.toContain(actors.Third!.email);
		expect(told.every((row) => row.text.includes('Referent erkrankt'))).toBe(true);
		expect(await cancelEvent(actors.Office!, event.id, 'noch mal', origin)).toEqual({
			ok: false,
			reason: 'CANCELLED'
		});
		expect(await updateEvent(actors.Office!, event.id, input(), origin)).toEqual({
			ok: false,
			reason: 'CANCELLED'
		});
		const audits = await db.select().from(auditLog).where(eq(auditLog.targetId, event.id));
		expect(audits.some((row) => row.action === 'event.cancelled')).toBe(true);
		expect(await mailsTo('event-event-cancelled')).toHaveLength(3);
	});
});

describe('questions', () => {
	it('adds, reorders and removes; a question with answers keeps its kind', async () => {
		const event = await newEvent();
		const scope = { actor: actors.Office!, eventId: event.id };
		const diet = await addQuestion(scope, {
			kind: 'text',
			labelDe: 'Essenswünsche',
			labelEn: '',
			options: [],
			required: false
		});
		const guest = await addQuestion(scope, {
			kind: 'yes_no',
			labelDe: 'Begleitung?',
			labelEn: '',
			options: [],
			required: true
		});
		expect(diet.ok && guest.ok).toBe(true);
		const dietId = (diet as { id: string }).id;
		const guestId = (guest as { id: string }).id;
		await moveQuestion(scope, guestId, 'up');
		expect((await listQuestionsWithAnswerCounts(networkId, event.id)).map((q) => q.id)).toEqual([
			guestId,
			dietId
		]);
		const registered = await registerMember({
			actor: actors.Member!,
			eventId: event.id,
			answers: { [guestId]: 'yes', [dietId]: 'vegetarisch' },
			locale: 'de',
			origin
		});
		expect(registered).toMatchObject({ ok: true, status: 'registered' });
		const counted = await listQuestionsWithAnswerCounts(networkId, event.id);
		expect(counted.map((q) => q.answers)).toEqual([1, 1]);
		expect(
			await updateQuestion(scope, dietId, {
				kind: 'choice',
				labelDe: 'Essen',
				labelEn: '',
				options: ['a', 'b'],
				required: false
			})
		).toEqual({ ok: false, reason: 'HAS_ANSWERS' });
		expect(
			(
				await updateQuestion(scope, dietId, {
					kind: 'text',
					labelDe: 'Essen?',
					labelEn: 'Food?',
					options: [],
					required: true
				})
			).ok
		).toBe(true);
		expect(
			await addQuestion(
				{ actor: actors.Lead!, eventId: event.id },
				{ kind: 'text', labelDe: 'x', labelEn: '', options: [], required: false }
			)
		).toEqual({
			ok: false,
			reason: 'NOT_ALLOWED'
		});
		const other = await newEvent();
		expect(await removeQuestion({ actor: actors.Office!, eventId: other.id }, dietId)).toEqual({
			ok: false,
			reason: 'NOT_FOUND'
		});
		expect((await removeQuestion(scope, dietId)).ok).toBe(true);
		expect((await listQuestionsWithAnswerCounts(networkId, event.id)).map((q) => q.labelDe)).toEqual([
			'Begleitung?'
		]);
	});
});

const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

function requestFor(actor: Actor, eventId: string, attachmentId: string) {
	const url = new URL(`${origin}/events/${eventId}/attachments/${attachmentId}`);
	return {
		params: { id: eventId, attachmentId },
		locals: { actor, network: { id: actor.networkId } },
		url
	} as unknown as Parameters<typeof downloadAttachment>[0];
}

async function status(promise: Promise<Response>) {
	try {
		return (await promise).status;
	} catch (error) {
		return (error as { status: number }).status;
	}
}

describe('attachments', () => {
	it('accepts PDF, PNG and JPEG by content, at most 10 MB, and only from the event’s managers', async () => {
		const event = await newEvent({ audience: 'members' });
		const scope = { actor: actors.Office!, eventId: event.id };
		const added = await addAttachment(scope, { name: '../Programm "2026".pdf', bytes: pdf });
		expect(added.ok).toBe(true);
		expect(
			await addAttachment(scope, { name: 'programm.pdf', bytes: new TextEncoder().encode('<html>hi</html>') })
		).toEqual({
			ok: false,
			reason: 'UNSUPPORTED'
		});
		expect(await addAttachment(scope, { name: 'leer.pdf', bytes: new Uint8Array() })).toEqual({
			ok: false,
			reason: 'EMPTY'
		});
		const huge = new Uint8Array(10 * 1024 * 1024 + 1);
		huge.set(pdf);
		expect(await addAttachment(scope, { name: 'gross.pdf', bytes: huge })).toEqual({
			ok: false,
			reason: 'TOO_LARGE'
		});
		expect(
			await addAttachment({ actor: actors.Lead!, eventId: event.id }, { name: 'p.pdf', bytes: pdf })
		).toEqual({
			ok: false,
			reason: 'NOT_ALLOWED'
		});
		const listed = await listAttachments(networkId, event.id);
		expect(listed.map((a) => [a.fileName, a.contentType])).toEqual([
			['Programm 2026.pdf', 'application/pdf']
		]);
	});

	it('checks who may see the event at download time, and refuses foreign ids', async () => {
		const event = await newEvent({ audience: 'members' });
		const added = await addAttachment(
			{ actor: actors.Office!, eventId: event.id },
			{ name: 'Programm.pdf', bytes: pdf }
		);
		const attachmentId = (added as { id: string }).id;
		const response = await downloadAttachment(requestFor(actors.Member!, event.id, attachmentId));
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="Programm.pdf"/);
		expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdf);
		// Anonymous visitors are sent to sign in; after the audience narrows, members get 403.
		expect(
			await status(downloadAttachment(requestFor(anonymousActor(networkId), event.id, attachmentId)))
		).toBe(303);
		await db
			.update(events)
			.set({ audience: 'circle', audienceCircleId: circleOne.id })
			.where(eq(events.id, event.id));
		expect(await status(downloadAttachment(requestFor(actors.Member!, event.id, attachmentId)))).toBe(403);
		expect(await status(downloadAttachment(requestFor(actors.Lead!, event.id, attachmentId)))).toBe(200);
		// Another event's id with this attachment, another network, malformed ids: 404.
		const other = await newEvent({ audience: 'public' });
		expect(await status(downloadAttachment(requestFor(actors.Office!, other.id, attachmentId)))).toBe(404);
		expect(await findAttachmentFile(networkId, other.id, attachmentId)).toBeNull();
		const stranger = { ...actors.Office!, networkId: otherNetworkId };
		expect(await status(downloadAttachment(requestFor(stranger, event.id, attachmentId)))).toBe(404);
		expect(await status(downloadAttachment(requestFor(actors.Office!, event.id, 'nope')))).toBe(404);
		expect((await removeAttachment({ actor: actors.Office!, eventId: event.id }, attachmentId)).ok).toBe(
			true
		);
		expect(await status(downloadAttachment(requestFor(actors.Office!, event.id, attachmentId)))).toBe(404);
	});
});
