import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { useFreshDatabase } from '../helpers/database.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import {
	auditLog,
	circleActionItems,
	circleActivities,
	circleAgendaAttachments,
	circleAgendaItems,
	circleMemberships,
	circleMinutes,
	circleNotifications,
	mailMessages
} from '../../src/lib/server/db/schema/index.ts';
import {
	addToCircle,
	createCircle,
	createNetwork,
	createUser,
	grantNetworkRole
} from '../../src/lib/server/testing/factories.ts';
import { createCircleMeeting } from '../../src/lib/server/testing/event-factories.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import type { Actor } from '../../src/lib/server/policy/actor.ts';
import type { CircleRow } from '../../src/lib/server/circles/scope.ts';
import type { EventRow } from '../../src/lib/server/events/scope.ts';
import { isInert, xssPayloads } from '../../src/lib/server/testing/xss.ts';
import { createCircleDocument } from '../../src/lib/server/circles/documents/mutations.ts';
import { approveMinutes, saveMinutes } from '../../src/lib/server/circles/meetings/mutations.ts';
import { sweepActionItemReminders } from '../../src/lib/server/circles/meetings/reminders.ts';
import { addDays, berlinDay } from '../../src/lib/server/circles/meetings/dates.ts';
import {
	load as loadList,
	actions as listActions
} from '../../src/routes/circles/[slug]/meetings/+page.server.ts';
import {
	load as loadMeeting,
	actions as meetingActions
} from '../../src/routes/circles/[slug]/meetings/[eventId]/+page.server.ts';
import {
	load as loadMinutes,
	actions as minutesActions
} from '../../src/routes/circles/[slug]/meetings/[eventId]/minutes/+page.server.ts';
import {
	load as loadActions,
	actions as actionsActions
} from '../../src/routes/circles/[slug]/actions/+page.server.ts';
import { load as loadNewEvent } from '../../src/routes/events/new/+page.server.ts';

const origin = 'http://knotenpunkt.test';
const DAY = 24 * 60 * 60 * 1000;

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let networkId: string;
let circle: CircleRow;
let otherCircle: CircleRow;
let upcoming: EventRow;
let past: EventRow;
let later: EventRow;
let otherMeeting: EventRow;
const people: Record<string, { id: string; email: string; name: string; locale: 'de' | 'en' }> = {};
const actors: Record<string, Actor> = {};

async function person(
	key: string,
	name: string,
	locale: 'de' | 'en',
	setup: (userId: string) => Promise<void>
) {
	const email = `${key.toLowerCase()}@meetings.test`;
	const row = await createUser(db, { email, name, locale });
	await grantNetworkRole(db, networkId, row.id, 'member');
	await setup(row.id);
	people[key] = { id: row.id, email, name, locale };
	await refreshActor(key);
}

async function refreshActor(key: string) {
	const row = people[key]!;
	actors[key] = await loadActor(networkId, {
		id: row.id,
		email: row.email,
		name: row.name,
		emailVerified: true
	});
	return actors[key]!;
}

type Params = { slug: string; eventId?: string };

/** What a route sees: the request with locals, params and URL (a POST when a form is given). */
function request(actorKey: string, path: string, params: Params, form?: FormData, search = '') {
	const url = new URL(`${origin}${path}${search}`);
	const actor = actors[actorKey]!;
	return {
		params,
		url,
		request: new Request(url, { method: form ? 'POST' : 'GET', body: form }),
		locals: {
			actor,
			network: { id: networkId, name: 'Netz', shortName: 'N' },
			locale: people[actorKey]?.locale ?? 'de',
			origin,
			clientAddress: '127.0.0.1'
		},
		setHeaders: () => undefined
	} as never;
}

type Outcome = { status: number; data: Record<string, unknown> | null };

async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
	try {
		const data = await run();
		if (isActionFailure(data))
			return { status: data.status, data: data.data as unknown as Record<string, unknown> };
		return { status: 200, data: (data ?? {}) as Record<string, unknown> };
	} catch (thrown) {
		if (isHttpError(thrown)) return { status: thrown.status, data: null };
		if (isRedirect(thrown)) return { status: thrown.status, data: null };
		throw thrown;
	}
}

const formOf = (fields: Record<string, string | Blob>) => {
	const form = new FormData();
	for (const [key, value] of Object.entries(fields)) form.append(key, value);
	return form;
};

const meetingPath = (slug: string, eventId: string) => `/circles/${slug}/meetings/${eventId}`;

type MeetingData = Awaited<ReturnType<typeof loadMeeting>>;
type ListData = Awaited<ReturnType<typeof loadList>>;

const meetingPage = async (actorKey: string, event: EventRow, slug = circle.slug, search = '') =>
	outcome(() =>
		loadMeeting(
			request(actorKey, meetingPath(slug, event.id), { slug, eventId: event.id }, undefined, search)
		)
	);

const meetingData = async (actorKey: string, event: EventRow) => {
	const result = await meetingPage(actorKey, event);
	expect(result.status).toBe(200);
	return result.data as unknown as MeetingData;
};

const meetingAction = (
	name: keyof typeof meetingActions,
	actorKey: string,
	event: EventRow,
	fields: Record<string, string | Blob>,
	slug = circle.slug
) =>
	outcome(() =>
		meetingActions[name](
			request(actorKey, meetingPath(slug, event.id), { slug, eventId: event.id }, formOf(fields), `?/${name}`)
		)
	);

const minutesAction = (
	name: keyof typeof minutesActions,
	actorKey: string,
	event: EventRow,
	fields: Record<string, string>,
	slug = circle.slug
) =>
	outcome(() =>
		minutesActions[name](
			request(
				actorKey,
				`${meetingPath(slug, event.id)}/minutes`,
				{ slug, eventId: event.id },
				formOf(fields),
				`?/${name}`
			)
		)
	);

const agendaOf = (eventId: string) =>
	db
		.select()
		.from(circleAgendaItems)
		.where(eq(circleAgendaItems.eventId, eventId))
		.orderBy(asc(circleAgendaItems.position));

const mailsTo = async (email: string, kind: string) =>
	db
		.select()
		.from(mailMessages)
		.where(and(eq(mailMessages.toAddress, email), eq(mailMessages.kind, kind)));

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	networkId = (await createNetwork(db, { name: 'Sitzungsnetz' })).id;
	circle = await createCircle(db, networkId, {
		slug: 'wasserstoff',
		nameDe: 'Wasserstoff',
		nameEn: 'Hydrogen',
		confidential: true
	});
	otherCircle = await createCircle(db, networkId, {
		slug: 'leichtbau',
		nameDe: 'Leichtbau',
		nameEn: 'Lightweight'
	});
	await person('lead', 'Lea Leitung', 'de', (id) => addToCircle(db, networkId, circle.id, id, 'lead'));
	await person('memberDe', 'Max Mitglied', 'de', (id) => addToCircle(db, networkId, circle.id, id, 'member'));
	await person('memberEn', 'Emma English', 'en', (id) => addToCircle(db, networkId, circle.id, id, 'member'));
	await person('outsider', 'Olga Außen', 'de', async () => undefined);
	await person('otherLead', 'Otto Anders', 'de', (id) =>
		addToCircle(db, networkId, otherCircle.id, id, 'lead')
	);
	await person('leaver', 'Lutz Geht', 'de', (id) => addToCircle(db, networkId, circle.id, id, 'member'));
	await person('office', 'Ofelia Office', 'de', (id) => grantNetworkRole(db, networkId, id, 'office'));
	upcoming = await createCircleMeeting(db, networkId, circle.id, {
		titleDe: 'Frühjahrssitzung',
		titleEn: 'Spring meeting'
	});
	later = await createCircleMeeting(db, networkId, circle.id, {
		titleDe: 'Sommersitzung',
		startsAt: new Date(Date.now() + 60 * DAY)
	});
	past = await createCircleMeeting(db, networkId, circle.id, {
		titleDe: 'Wintersitzung',
		titleEn: 'Winter meeting',
		startsAt: new Date(Date.now() - 30 * DAY)
	});
	otherMeeting = await createCircleMeeting(db, networkId, otherCircle.id, { titleDe: 'Leichtbau-Sitzung' });
});
afterAll(() => database.close());

describe('meeting list', () => {
	it('shows the circle’s meetings to its members, upcoming and past, and the planning link to leads', async () => {
		const member = await outcome(() =>
			loadList(request('memberDe', '/circles/wasserstoff/meetings', { slug: circle.slug }))
		);
		expect(member.status).toBe(200);
		const data = member.data as unknown as ListData;
		expect(data.upcoming.map((meeting) => meeting.id)).toEqual([upcoming.id, later.id]);
		expect(data.past.map((meeting) => meeting.id)).toEqual([past.id]);
		expect(data.planHref).toBeNull();
		const lead = (
			await outcome(() => loadList(request('lead', '/circles/wasserstoff/meetings', { slug: circle.slug })))
		).data as unknown as ListData;
		expect(lead.planHref).toBe(`/events/new?organiser=circle:${circle.id}`);
	});

	it('refuses people outside a confidential circle and answers 404 for an unknown circle', async () => {
		expect(
			(
				await outcome(() =>
					loadList(request('outsider', '/circles/wasserstoff/meetings', { slug: circle.slug }))
				)
			).status
		).toBe(403);
		expect(
			(
				await outcome(() =>
					loadList(request('otherLead', '/circles/wasserstoff/meetings', { slug: circle.slug }))
				)
			).status
		).toBe(403);
		expect(
			(
				await outcome(() =>
					loadList(request('lead', '/circles/gibt-es-nicht/meetings', { slug: 'gibt-es-nicht' }))
				)
			).status
		).toBe(404);
	});
});

describe('meeting page', () => {
	it('opens a meeting of this circle and answers 404 for another circle’s meeting or a made-up id', async () => {
		expect((await meetingPage('memberDe', upcoming)).status).toBe(200);
		expect((await meetingPage('office', otherMeeting)).status).toBe(404);
		expect((await meetingPage('lead', otherMeeting)).status).toBe(404);
		expect((await meetingPage('otherLead', otherMeeting, circle.slug)).status).toBe(403);
		const made = { ...upcoming, id: crypto.randomUUID() };
		expect((await meetingPage('lead', made)).status).toBe(404);
		expect((await meetingPage('lead', { ...upcoming, id: 'not-a-uuid' })).status).toBe(404);
		expect((await meetingPage('outsider', upcoming)).status).toBe(403);
	});

	it('shows an open circle’s meetings to the member persons who read it, but not its drafts', async () => {
		// The meeting's audience is the circle: the event page is for its members, the agenda for readers.
		const open = await meetingPage('outsider', otherMeeting, otherCircle.slug);
		expect(open.status).toBe(200);
		expect((open.data as { meeting: { eventVisible: boolean } }).meeting.eventVisible).toBe(false);
		const draft = await createCircleMeeting(db, networkId, otherCircle.id, { status: 'draft' });
		expect((await meetingPage('outsider', draft, otherCircle.slug)).status).toBe(404);
		expect((await meetingPage('office', draft, otherCircle.slug)).status).toBe(200);
	});
});

describe('agenda', () => {
	it('lets a lead add, edit, move and delete items, keeping positions 1..n', async () => {
		for (const title of ['Begrüßung', 'Bericht', 'Verschiedenes'])
			expect(
				(await meetingAction('createItem', 'lead', upcoming, { title, durationMinutes: '10' })).status
			).toBe(200);
		let items = await agendaOf(upcoming.id);
		expect(items.map((item) => [item.position, item.title])).toEqual([
			[1, 'Begrüßung'],
			[2, 'Bericht'],
			[3, 'Verschiedenes']
		]);
		const [first, second, third] = items;
		expect(
			(await meetingAction('moveItem', 'lead', upcoming, { itemId: third!.id, direction: 'up' })).status
		).toBe(200);
		expect(
			(await meetingAction('moveItem', 'lead', upcoming, { itemId: first!.id, direction: 'up' })).status
		).toBe(200);
		items = await agendaOf(upcoming.id);
		expect(items.map((item) => [item.position, item.title])).toEqual([
			[1, 'Begrüßung'],
			[2, 'Verschiedenes'],
			[3, 'Bericht']
		]);
		const updated = await meetingAction('updateItem', 'lead', upcoming, {
			itemId: second!.id,
			title: 'Bericht der Sprecherin',
			presenterUserId: people.memberDe!.id,
			durationMinutes: '25',
			notes: 'Zahlen **2025**'
		});
		expect(updated.status).toBe(200);
		expect((await meetingAction('deleteItem', 'lead', upcoming, { itemId: third!.id })).status).toBe(200);
		items = await agendaOf(upcoming.id);
		expect(
			items.map((item) => [item.position, item.title, item.presenterUserId, item.durationMinutes])
		).toEqual([
			[1, 'Begrüßung', null, 10],
			[2, 'Bericht der Sprecherin', people.memberDe!.id, 25]
		]);
		const page = await meetingData('memberEn', upcoming);
		expect(page.agenda.map((item) => item.title)).toEqual(['Begrüßung', 'Bericht der Sprecherin']);
		expect(page.agenda[1]!.presenterUserName).toBe('Max Mitglied');
		expect(page.agenda[1]!.notesHtml).toContain('<strong>2025</strong>');
	});

	it('takes a guest presenter by name but refuses a presenter who is not a member', async () => {
		const guest = await meetingAction('createItem', 'lead', past, {
			title: 'Gastvortrag',
			presenterName: 'Dr. Gast'
		});
		expect(guest.status).toBe(200);
		const refused = await meetingAction('createItem', 'lead', past, {
			title: 'Fremder Vortrag',
			presenterUserId: people.outsider!.id
		});
		expect(refused.status).toBe(400);
		expect((refused.data!.errors as Record<string, string>).presenterUserId).toBeTruthy();
		const items = await agendaOf(past.id);
		expect(items.map((item) => [item.title, item.presenterName])).toEqual([['Gastvortrag', 'Dr. Gast']]);
		const invalid = await meetingAction('createItem', 'lead', past, { title: '', durationMinutes: '0' });
		expect(invalid.status).toBe(400);
		expect(Object.keys(invalid.data!.errors as object)).toEqual(
			expect.arrayContaining(['title', 'durationMinutes'])
		);
	});

	it('refuses members who do not lead (403) and has no effect with another meeting’s or circle’s ids', async () => {
		const [item] = await agendaOf(past.id);
		expect(
			(await meetingAction('createItem', 'memberDe', upcoming, { title: 'Von einem Mitglied' })).status
		).toBe(403);
		expect((await meetingAction('deleteItem', 'memberDe', past, { itemId: item!.id })).status).toBe(403);
		expect((await meetingAction('createItem', 'otherLead', upcoming, { title: 'Fremd' })).status).toBe(403);
		// An item of the past meeting posted to the upcoming meeting's page: 404, nothing changes.
		expect((await meetingAction('deleteItem', 'lead', upcoming, { itemId: item!.id })).status).toBe(404);
		expect(
			(await meetingAction('updateItem', 'lead', upcoming, { itemId: item!.id, title: 'Gekapert' })).status
		).toBe(404);
		expect(
			(await meetingAction('moveItem', 'lead', upcoming, { itemId: item!.id, direction: 'down' })).status
		).toBe(404);
		// Another circle's meeting under this circle's slug, and this circle's meeting under the other's.
		expect((await meetingAction('createItem', 'lead', otherMeeting, { title: 'Fremd' })).status).toBe(404);
		expect(
			(await meetingAction('createItem', 'otherLead', upcoming, { title: 'Fremd' }, otherCircle.slug)).status
		).toBe(404);
		expect((await agendaOf(past.id)).map((row) => row.title)).toEqual(['Gastvortrag']);
		expect(await agendaOf(otherMeeting.id)).toEqual([]);
		expect((await agendaOf(upcoming.id)).map((row) => row.title)).not.toContain('Fremd');
	});

	it('attaches this circle’s documents (picked or uploaded), never another circle’s', async () => {
		const [item] = await agendaOf(upcoming.id);
		const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');
		const own = await createCircleDocument({
			actor: actors.lead!,
			circle,
			folderId: null,
			fileName: 'Studie.pdf',
			bytes: pdf
		});
		const foreign = await createCircleDocument({
			actor: actors.otherLead!,
			circle: otherCircle,
			folderId: null,
			fileName: 'Fremd.pdf',
			bytes: pdf
		});
		if (!own.ok || !foreign.ok) throw new Error('documents not created');
		const page = await meetingData('lead', upcoming);
		expect(page.documents.map((document) => document.id)).toEqual([own.documentId]);
		expect(
			(await meetingAction('attach', 'lead', upcoming, { itemId: item!.id, documentId: own.documentId }))
				.status
		).toBe(200);
		const refused = await meetingAction('attach', 'lead', upcoming, {
			itemId: item!.id,
			documentId: foreign.documentId
		});
		expect(refused.status).toBe(400);
		expect(
			(await meetingAction('attach', 'memberDe', upcoming, { itemId: item!.id, documentId: own.documentId }))
				.status
		).toBe(403);
		const uploaded = await meetingAction('upload', 'lead', upcoming, {
			itemId: item!.id,
			file: new File([pdf], 'Folien.pdf', { type: 'application/pdf' })
		});
		expect(uploaded.status).toBe(200);
		const badType = await meetingAction('upload', 'lead', upcoming, {
			itemId: item!.id,
			file: new File([new Uint8Array([0, 1, 2, 3, 0, 0])], 'x.exe')
		});
		expect(badType.status).toBe(400);
		const attached = await db
			.select()
			.from(circleAgendaAttachments)
			.where(eq(circleAgendaAttachments.agendaItemId, item!.id));
		expect(attached).toHaveLength(2);
		const member = await meetingData('memberDe', upcoming);
		expect(member.agenda[0]!.attachments.map((attachment) => attachment.name).sort()).toEqual([
			'Folien.pdf',
			'Studie.pdf'
		]);
		expect(
			(await meetingAction('detach', 'lead', upcoming, { itemId: item!.id, documentId: own.documentId }))
				.status
		).toBe(200);
		expect((await meetingData('memberDe', upcoming)).agenda[0]!.attachments.map((a) => a.name)).toEqual([
			'Folien.pdf'
		]);
	});

	it('renders XSS payloads in agenda titles and notes inert', async () => {
		for (const payload of xssPayloads)
			expect(
				(await meetingAction('createItem', 'lead', later, { title: payload, notes: payload })).status
			).toBe(200);
		const page = await meetingData('memberDe', later);
		expect(page.agenda).toHaveLength(xssPayloads.length);
		for (const item of page.agenda) {
			expect(isInert(item.notesHtml), item.notesHtml).toBe(true);
			// Titles are text: the page prints them with Svelte's escaping, never as HTML.
			expect(Object.keys(item)).not.toContain('titleHtml');
		}
	});
});

describe('minutes and action items', () => {
	let minutesId: string;

	it('keeps draft minutes from members and lets only leads write them', async () => {
		const saved = await minutesAction('save', 'lead', past, {
			body: '## Ergebnisse\n\nWir haben **viel** geschafft.',
			'items[0].title': 'Studie verschicken',
			'items[0].owner': people.memberDe!.id,
			'items[0].due': addDays(berlinDay(new Date()), 14),
			'items[1].title': 'Termin abstimmen',
			'items[1].owner': people.memberEn!.id,
			'items[2].title': '',
			'items[2].owner': ''
		});
		expect(saved.status).toBe(200);
		const [minutes] = await db.select().from(circleMinutes).where(eq(circleMinutes.eventId, past.id));
		minutesId = minutes!.id;
		expect(minutes!.status).toBe('draft');
		const items = await db.select().from(circleActionItems).where(eq(circleActionItems.minutesId, minutesId));
		expect(items.map((item) => item.title).sort()).toEqual(['Studie verschicken', 'Termin abstimmen']);

		const member = await meetingData('memberDe', past);
		expect(member.minutes).toBeNull();
		expect(member.minutesItems).toEqual([]);
		const list = (
			await outcome(() =>
				loadList(request('memberDe', '/circles/wasserstoff/meetings', { slug: circle.slug }))
			)
		).data as unknown as ListData;
		expect(list.past.find((meeting) => meeting.id === past.id)!.minutesStatus).toBeNull();
		expect(list.items.map((item) => item.title)).not.toContain('Studie verschicken');
		const lead = await meetingData('lead', past);
		expect(lead.minutes!.status).toBe('draft');
		expect(lead.minutes!.html).toContain('<strong>viel</strong>');

		const minutesPage = (key: string) =>
			outcome(() =>
				loadMinutes(
					request(key, `${meetingPath(circle.slug, past.id)}/minutes`, {
						slug: circle.slug,
						eventId: past.id
					})
				)
			);
		expect((await minutesPage('memberDe')).status).toBe(403);
		expect((await minutesPage('lead')).status).toBe(200);
		expect((await minutesPage('office')).status).toBe(200);
		expect((await minutesAction('save', 'memberDe', past, { body: 'Übernommen' })).status).toBe(403);
		expect((await minutesAction('approve', 'memberDe', past, { body: 'Übernommen' })).status).toBe(403);
		expect((await minutesAction('save', 'lead', otherMeeting, { body: 'Fremd' })).status).toBe(404);
		expect(await mailsTo(people.memberDe!.email, 'circle-minutes')).toEqual([]);
	});

	it('refuses an owner outside the circle and a row of other minutes, writing nothing', async () => {
		const refused = await minutesAction('save', 'lead', past, {
			body: 'Geändert',
			'items[0].title': 'Fremde Aufgabe',
			'items[0].owner': people.outsider!.id
		});
		expect(refused.status).toBe(400);
		expect((refused.data!.errors as Record<string, string>)['items[0].owner']).toBeTruthy();
		const foreignRow = await minutesAction('save', 'lead', past, {
			body: 'Geändert',
			'items[0].id': crypto.randomUUID(),
			'items[0].title': 'Untergeschoben'
		});
		expect(foreignRow.status).toBe(404);
		const [minutes] = await db.select().from(circleMinutes).where(eq(circleMinutes.id, minutesId));
		expect(minutes!.body).toContain('Ergebnisse');
		const preview = await minutesAction('preview', 'lead', past, { body: '*kursiv*' });
		expect(preview.data!.preview).toBe('<p><em>kursiv</em></p>\n');
	});

	it('approves once: one mail per member in their language, activities, no second sending', async () => {
		const approved = await minutesAction('approve', 'lead', past, {
			body: '## Ergebnisse\n\nWir haben **viel** geschafft.',
			...(await currentRows())
		});
		expect(approved.status).toBe(200);
		const [minutes] = await db.select().from(circleMinutes).where(eq(circleMinutes.id, minutesId));
		expect(minutes!.status).toBe('approved');
		expect(minutes!.approvedBy).toBe(people.lead!.id);
		expect(minutes!.sentAt).not.toBeNull();

		const members = await db
			.select()
			.from(circleMemberships)
			.where(eq(circleMemberships.circleId, circle.id));
		const all = await db.select().from(mailMessages).where(eq(mailMessages.kind, 'circle-minutes'));
		expect(all).toHaveLength(members.length);
		expect(new Set(all.map((mail) => mail.toAddress)).size).toBe(members.length);
		const [german] = await mailsTo(people.memberDe!.email, 'circle-minutes');
		const [english] = await mailsTo(people.memberEn!.email, 'circle-minutes');
		expect(german!.subject).toBe('Protokoll: Wintersitzung (Wasserstoff)');
		expect(german!.textBody).toContain('Wir haben viel geschafft.');
		expect(german!.textBody).toContain(`${origin}/circles/wasserstoff/meetings/${past.id}`);
		expect(german!.textBody).toContain('Studie verschicken');
		expect(english!.subject).toBe('Minutes: Winter meeting (Hydrogen)');
		expect(english!.textBody).toContain('Hello Emma English');
		expect(await mailsTo(people.outsider!.email, 'circle-minutes')).toEqual([]);

		const activities = await db
			.select()
			.from(circleActivities)
			.where(eq(circleActivities.circleId, circle.id));
		expect(activities.filter((activity) => activity.kind === 'minutes_approved')).toHaveLength(1);
		const assigned = activities.filter((activity) => activity.kind === 'action_item_assigned');
		expect(assigned.map((activity) => activity.title).sort()).toEqual([
			'Studie verschicken',
			'Termin abstimmen'
		]);
		const ownerNotes = await db
			.select()
			.from(circleNotifications)
			.where(
				and(
					eq(circleNotifications.userId, people.memberDe!.id),
					inArray(
						circleNotifications.activityId,
						assigned.map((activity) => activity.id)
					)
				)
			);
		expect(ownerNotes.map((note) => note.reason)).toContain('assigned');

		// Approving again (the button twice, a second lead, two at once) sends nothing more.
		expect((await minutesAction('approve', 'lead', past, { body: 'Noch einmal' })).status).toBe(200);
		const [first, second] = await Promise.all([
			approveMinutes({ actor: actors.lead!, circle, event: past, origin }),
			approveMinutes({ actor: actors.office!, circle, event: past, origin })
		]);
		expect(first.ok || second.ok).toBe(false);
		expect(await db.select().from(mailMessages).where(eq(mailMessages.kind, 'circle-minutes'))).toHaveLength(
			members.length
		);
		const [after] = await db.select().from(circleMinutes).where(eq(circleMinutes.id, minutesId));
		expect(after!.body).toBe('Noch einmal');
	});

	it('shows approved minutes to members, and “changed after approval” after a later edit', async () => {
		const page = await meetingData('memberDe', past);
		expect(page.minutes!.status).toBe('approved');
		expect(page.minutes!.changedAfterApproval).not.toBeNull();
		expect(page.minutesItems.map((item) => item.title).sort()).toEqual([
			'Studie verschicken',
			'Termin abstimmen'
		]);
		const list = (
			await outcome(() =>
				loadList(request('memberDe', '/circles/wasserstoff/meetings', { slug: circle.slug }))
			)
		).data as unknown as ListData;
		expect(list.past.find((meeting) => meeting.id === past.id)!.minutesStatus).toBe('approved');
	});

	it('approves two meetings at once without mixing them up, each member mailed once per meeting', async () => {
		const first = await createCircleMeeting(db, networkId, circle.id, {
			startsAt: new Date(Date.now() - 20 * DAY)
		});
		const second = await createCircleMeeting(db, networkId, circle.id, {
			startsAt: new Date(Date.now() - 10 * DAY)
		});
		for (const event of [first, second])
			await saveMinutes({
				actor: actors.lead!,
				circle,
				event,
				values: { body: event.titleDe, items: [] },
				origin
			});
		const before = (await db.select().from(mailMessages).where(eq(mailMessages.kind, 'circle-minutes')))
			.length;
		const results = await Promise.all([
			approveMinutes({ actor: actors.lead!, circle, event: first, origin }),
			approveMinutes({ actor: actors.lead!, circle, event: first, origin }),
			approveMinutes({ actor: actors.office!, circle, event: second, origin })
		]);
		expect(results.filter((result) => result.ok)).toHaveLength(2);
		const members = await db
			.select()
			.from(circleMemberships)
			.where(eq(circleMemberships.circleId, circle.id));
		const after = await db.select().from(mailMessages).where(eq(mailMessages.kind, 'circle-minutes'));
		expect(after.length - before).toBe(2 * members.length);
	});

	it('renders XSS payloads in the minutes inert', async () => {
		const event = await createCircleMeeting(db, networkId, circle.id, {
			startsAt: new Date(Date.now() - 5 * DAY)
		});
		const body = xssPayloads.join('\n\n');
		expect((await minutesAction('approve', 'lead', event, { body })).status).toBe(200);
		const page = await meetingData('memberDe', event);
		expect(isInert(page.minutes!.html), page.minutes!.html).toBe(true);
		const preview = await minutesAction('preview', 'lead', event, { body });
		expect(isInert(preview.data!.preview as string)).toBe(true);
		for (const payload of xssPayloads) {
			const one = await minutesAction('preview', 'lead', event, { body: payload });
			expect(isInert(one.data!.preview as string), payload).toBe(true);
		}
	});

	async function currentRows() {
		const items = await db
			.select()
			.from(circleActionItems)
			.where(eq(circleActionItems.minutesId, minutesId))
			.orderBy(asc(circleActionItems.createdAt));
		return Object.fromEntries(
			items.flatMap((item, index) => [
				[`items[${index}].id`, item.id],
				[`items[${index}].title`, item.title],
				[`items[${index}].owner`, item.ownerUserId ?? ''],
				[`items[${index}].due`, item.dueOn ?? '']
			])
		);
	}
});

describe('action item status', () => {
	const itemNamed = async (title: string) =>
		(await db.select().from(circleActionItems).where(eq(circleActionItems.title, title)))[0]!;
	const statusAs = (key: string, itemId: string, status: string, slug = circle.slug) =>
		outcome(() =>
			actionsActions.status(
				request(key, `/circles/${slug}/actions`, { slug }, formOf({ itemId, status }), '?/status')
			)
		);

	it('lets the owner close their item, not another member; leads and the office may; audited', async () => {
		const item = await itemNamed('Studie verschicken');
		expect((await statusAs('memberEn', item.id, 'done')).status).toBe(403);
		expect((await itemNamed('Studie verschicken')).status).toBe('open');
		expect((await statusAs('memberDe', item.id, 'done')).status).toBe(200);
		const closed = await itemNamed('Studie verschicken');
		expect([closed.status, closed.closedBy]).toEqual(['done', people.memberDe!.id]);
		expect((await statusAs('lead', item.id, 'open')).status).toBe(200);
		expect((await statusAs('office', item.id, 'dropped')).status).toBe(200);
		expect((await statusAs('memberDe', item.id, 'open')).status).toBe(200);
		const audit = await db.select().from(auditLog).where(eq(auditLog.targetId, item.id));
		expect(audit.map((row) => [row.action, row.details])).toEqual(
			expect.arrayContaining([
				['circle.action_item.status_changed', { circleId: circle.id, from: 'open', to: 'done' }],
				['circle.action_item.status_changed', { circleId: circle.id, from: 'dropped', to: 'open' }]
			])
		);
		// From the meeting page and the meeting list too.
		expect(
			(await meetingAction('status', 'memberDe', past, { itemId: item.id, status: 'done' })).status
		).toBe(200);
		expect(
			(
				await outcome(() =>
					listActions.status(
						request(
							'memberDe',
							'/circles/wasserstoff/meetings',
							{ slug: circle.slug },
							formOf({ itemId: item.id, status: 'open' })
						)
					)
				)
			).status
		).toBe(200);
	});

	it('answers 404 for an item under another circle and 400 for an unknown status', async () => {
		const item = await itemNamed('Termin abstimmen');
		expect((await statusAs('otherLead', item.id, 'done', otherCircle.slug)).status).toBe(404);
		expect((await statusAs('memberEn', crypto.randomUUID(), 'done')).status).toBe(404);
		expect((await statusAs('memberEn', item.id, 'finished')).status).toBe(400);
		expect((await itemNamed('Termin abstimmen')).status).toBe('open');
	});

	it('lists overdue and own items, and shows the open items on the next meeting’s agenda', async () => {
		const today = berlinDay(new Date());
		await db.insert(circleActionItems).values([
			{
				networkId,
				circleId: circle.id,
				title: 'Längst fällig',
				ownerUserId: people.memberEn!.id,
				dueOn: addDays(today, -2)
			},
			{ networkId, circleId: circle.id, title: 'Fremdkreis-Aufgabe', ownerUserId: people.otherLead!.id },
			{ networkId, circleId: otherCircle.id, title: 'Leichtbau-Aufgabe', ownerUserId: people.otherLead!.id }
		]);
		const view = async (key: string, filter: string) => {
			const result = await outcome(() =>
				loadActions(
					request(key, '/circles/wasserstoff/actions', { slug: circle.slug }, undefined, `?filter=${filter}`)
				)
			);
			return (result.data as unknown as Awaited<ReturnType<typeof loadActions>>).items;
		};
		const overdue = await view('memberDe', 'overdue');
		expect(overdue.map((item) => [item.title, item.overdue, item.canUpdate])).toEqual([
			['Längst fällig', true, false]
		]);
		const mine = await view('memberEn', 'mine');
		expect(mine.map((item) => item.title).sort()).toEqual(['Längst fällig', 'Termin abstimmen']);
		expect(mine.every((item) => item.canUpdate)).toBe(true);
		const open = (await view('memberDe', 'open')).map((item) => item.title);
		expect(open).not.toContain('Leichtbau-Aufgabe');

		const next = await meetingData('memberDe', upcoming);
		expect(next.upcoming).toBe(true);
		expect(next.openItems.map((item) => item.title)).toEqual(
			expect.arrayContaining(['Längst fällig', 'Termin abstimmen'])
		);
		expect(next.openItems.map((item) => item.title)).not.toContain('Leichtbau-Aufgabe');
		expect(next.openItems.find((item) => item.title === 'Längst fällig')!.overdue).toBe(true);
		expect((await meetingData('memberDe', past)).openItems).toEqual([]);
	});

	it('cuts off a member who left: no page, no status change', async () => {
		const item = await itemNamed('Termin abstimmen');
		await db
			.update(circleActionItems)
			.set({ ownerUserId: people.leaver!.id })
			.where(eq(circleActionItems.id, item.id));
		expect((await statusAs('leaver', item.id, 'done')).status).toBe(200);
		await db
			.delete(circleMemberships)
			.where(and(eq(circleMemberships.circleId, circle.id), eq(circleMemberships.userId, people.leaver!.id)));
		await refreshActor('leaver');
		expect((await statusAs('leaver', item.id, 'open')).status).toBe(403);
		expect((await meetingPage('leaver', past)).status).toBe(403);
		await db
			.update(circleActionItems)
			.set({ ownerUserId: people.memberEn!.id })
			.where(eq(circleActionItems.id, item.id));
	});
});

describe('action item reminders', () => {
	it('reminds each owner once, in their language, even when two sweeps run at once', async () => {
		const now = new Date();
		const today = berlinDay(now);
		await db.delete(circleActionItems);
		const rows = await db
			.insert(circleActionItems)
			.values([
				{
					networkId,
					circleId: circle.id,
					title: 'Bald fällig',
					ownerUserId: people.memberDe!.id,
					dueOn: addDays(today, 2)
				},
				{ networkId, circleId: circle.id, title: 'Due soon', ownerUserId: people.memberEn!.id, dueOn: today },
				{
					networkId,
					circleId: circle.id,
					title: 'Später',
					ownerUserId: people.memberDe!.id,
					dueOn: addDays(today, 10)
				},
				{
					networkId,
					circleId: circle.id,
					title: 'Überfällig',
					ownerUserId: people.memberDe!.id,
					dueOn: addDays(today, -1)
				},
				{
					networkId,
					circleId: circle.id,
					title: 'Erledigt',
					ownerUserId: people.memberDe!.id,
					dueOn: today,
					status: 'done'
				},
				{ networkId, circleId: circle.id, title: 'Niemandes', dueOn: today },
				{ networkId, circleId: circle.id, title: 'Ausgetreten', ownerUserId: people.leaver!.id, dueOn: today }
			])
			.returning();
		const [a, b] = await Promise.all([sweepActionItemReminders(db, now), sweepActionItemReminders(db, now)]);
		expect(a + b).toBe(2);
		expect(await sweepActionItemReminders(db, now)).toBe(0);
		const german = await mailsTo(people.memberDe!.email, 'circle-action-item-reminder');
		const english = await mailsTo(people.memberEn!.email, 'circle-action-item-reminder');
		expect(german).toHaveLength(1);
		expect(german[0]!.subject).toContain('Erinnerung: „Bald fällig“');
		expect(german[0]!.textBody).toContain('/circles/wasserstoff/actions?filter=mine');
		expect(english).toHaveLength(1);
		expect(english[0]!.subject).toContain('Reminder: “Due soon”');
		expect(await mailsTo(people.leaver!.email, 'circle-action-item-reminder')).toEqual([]);
		const reminded = await db
			.select()
			.from(circleActionItems)
			.where(
				inArray(
					circleActionItems.id,
					rows.map((row) => row.id)
				)
			);
		expect(
			reminded
				.filter((row) => row.remindedAt)
				.map((row) => row.title)
				.sort()
		).toEqual(['Bald fällig', 'Due soon']);
		// The later item's turn comes when its date is near.
		expect(await sweepActionItemReminders(db, new Date(now.getTime() + 8 * DAY))).toBe(1);
	});
});

describe('/events/new?organiser=circle:<id>', () => {
	const values = async (key: string, circleId: string) => {
		const result = await outcome(() =>
			loadNewEvent(request(key, '/events/new', {} as Params, undefined, `?organiser=circle:${circleId}`))
		);
		return (result.data as unknown as Awaited<ReturnType<typeof loadNewEvent>>).values;
	};

	it('preselects the circle as organiser and audience when the actor may organise for it', async () => {
		expect(await values('lead', circle.id)).toMatchObject({
			organiser: `circle:${circle.id}`,
			audience: 'circle',
			audienceCircleId: circle.id
		});
		expect(await values('office', otherCircle.id)).toMatchObject({
			organiser: `circle:${otherCircle.id}`,
			audience: 'circle'
		});
	});

	it('ignores a circle the actor may not organise for', async () => {
		const other = await values('lead', otherCircle.id);
		expect(other.organiser).toBe(`circle:${circle.id}`);
		expect(other.audience).toBe('members');
		expect(other.audienceCircleId).toBeUndefined();
		expect((await values('lead', 'nonsense')).audience).toBe('members');
	});
});
