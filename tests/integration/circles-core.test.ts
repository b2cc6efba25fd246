import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { useFreshDatabase } from '../helpers/database.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import {
	auditLog,
	circleActionItems,
	circleMemberships,
	circles,
	eventRegistrations
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
import { createCircleMeeting } from '../../src/lib/server/testing/event-factories.ts';
import { anonymousActor, type Actor } from '../../src/lib/server/policy/actor.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import type { NetworkRole } from '../../src/lib/server/db/schema/roles.ts';
import type { CircleRow } from '../../src/lib/server/circles/scope.ts';
import { recordCircleActivity } from '../../src/lib/server/circles/activity.ts';
import { circleAttendanceByOrganisation } from '../../src/lib/server/circles/queries.ts';
import { slugify } from '../../src/lib/server/circles/schemas.ts';
import { generateTicketCode } from '../../src/lib/server/events/registration/tokens.ts';
import { utcToLocal } from '../../src/lib/events/time.ts';
import { load as listLoad } from '../../src/routes/circles/+page.server.ts';
import { load as overviewLoad } from '../../src/routes/circles/[slug]/+page.server.ts';
import { load as membersLoad } from '../../src/routes/circles/[slug]/members/+page.server.ts';
import {
	actions as officeListActions,
	load as officeListLoad
} from '../../src/routes/(office)/office/circles/+page.server.ts';
import {
	actions as officeEditActions,
	load as officeEditLoad
} from '../../src/routes/(office)/office/circles/[id]/+page.server.ts';

/**
 * The circles list, the overview (frame for every network member, content only for readers),
 * the attendance figures, and the office's create/edit forms with their field errors.
 */
const DAY = 24 * 60 * 60 * 1000;
let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let networkId: string;
let orgA: { id: string };
let orgB: { id: string };
let openCircle: CircleRow;
let secret: CircleRow;
let otherCircle: CircleRow;
const actors: Record<string, Actor> = {};
const users: Record<string, { id: string }> = {};

let counter = 0;
async function make(key: string, roles: NetworkRole[], setup?: (userId: string) => Promise<void>) {
	counter += 1;
	const u = await createUser(db, { email: `${key}-${counter}@core.test`, name: `${key} Person` });
	for (const role of roles) await grantNetworkRole(db, networkId, u.id, role);
	await setup?.(u.id);
	users[key] = u;
	actors[key] = await loadActor(networkId, u);
}

type Locale = 'de' | 'en';
function request(
	actor: Actor,
	path: string,
	params: Record<string, string>,
	form?: FormData,
	locale: Locale = 'de'
) {
	const url = new URL(`http://knotenpunkt.test${path}`);
	return {
		params,
		url,
		request: new Request(url, { method: form ? 'POST' : 'GET', body: form }),
		locals: {
			actor,
			locale,
			network: { id: networkId, name: 'Testnetz', shortName: 'TN' },
			origin: 'http://knotenpunkt.test',
			clientAddress: '127.0.0.1'
		}
	} as never;
}

async function outcome<T>(run: () => Promise<T>) {
	try {
		const data = await run();
		const status = (data as { status?: number } | undefined)?.status ?? 200;
		return { status, data, location: undefined as string | undefined };
	} catch (thrown) {
		if (isRedirect(thrown)) return { status: thrown.status, data: undefined, location: thrown.location };
		if (isHttpError(thrown)) return { status: thrown.status, data: undefined, location: undefined };
		throw thrown;
	}
}

let registrationCounter = 0;
async function attended(
	eventId: string,
	organisationId: string | null,
	status: 'attended' | 'registered' = 'attended'
) {
	registrationCounter += 1;
	await db.insert(eventRegistrations).values({
		networkId,
		eventId,
		organisationId,
		name: `Gast ${registrationCounter}`,
		email: `gast-${registrationCounter}@core.test`,
		status,
		accessTokenHash: randomBytes(16).toString('hex'),
		ticketCode: generateTicketCode()
	});
}

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	networkId = (await createNetwork(db)).id;
	orgA = await createOrganisation(db, networkId, { name: 'Alpha Antriebe GmbH' });
	orgB = await createOrganisation(db, networkId, { name: 'Beta Batterien AG' });
	openCircle = await createCircle(db, networkId, {
		slug: 'antrieb',
		nameDe: 'Antriebstransformation',
		nameEn: 'Powertrain transformation',
		descriptionDe: 'Wir arbeiten am Antrieb von morgen.',
		descriptionEn: 'We work on the powertrain of tomorrow.',
		joinPolicy: 'open'
	});
	secret = await createCircle(db, networkId, {
		slug: 'geheim',
		nameDe: 'Geheimer Kreis',
		descriptionDe: 'Vertrauliche Themen.',
		joinPolicy: 'request',
		confidential: true
	});
	otherCircle = await createCircle(db, networkId, { slug: 'anderer', nameDe: 'Anderer Kreis' });
	await make('lead', ['member'], async (id) => {
		await addToOrganisation(db, networkId, orgA.id, id, 'org_member');
		await addToCircle(db, networkId, openCircle.id, id, 'lead');
		await addToCircle(db, networkId, secret.id, id, 'lead');
	});
	await make('insider', ['member'], async (id) => {
		await addToOrganisation(db, networkId, orgB.id, id, 'org_member');
		await addToCircle(db, networkId, openCircle.id, id, 'member');
		await addToCircle(db, networkId, secret.id, id, 'member');
	});
	await make('outsider', ['member']);
	await make('partner', ['partner']);
	await make('office', ['office']);
	await make('board', ['board']);
	await db.transaction((tx) =>
		recordCircleActivity(tx, {
			networkId,
			circleId: secret.id,
			kind: 'thread_created',
			subjectId: crypto.randomUUID(),
			actorUserId: users.insider!.id,
			title: 'Streng geheime Diskussion',
			path: '/circles/geheim/threads/x'
		})
	);
});
afterAll(() => database.close());

describe('/circles', () => {
	it('lists every circle with purpose, leads, member count, join policy and the own badges', async () => {
		const data = await listLoad(request(actors.insider!, '/circles', {}));
		const byslug = Object.fromEntries(data.circles.map((circle) => [circle.slug, circle]));
		expect(Object.keys(byslug).sort()).toEqual(['anderer', 'antrieb', 'geheim']);
		expect(byslug.antrieb).toMatchObject({
			name: 'Antriebstransformation',
			description: 'Wir arbeiten am Antrieb von morgen.',
			memberCount: 2,
			joinPolicy: 'open',
			confidential: false,
			ownRole: 'member',
			leads: [{ name: 'lead Person', organisation: 'Alpha Antriebe GmbH' }]
		});
		expect(byslug.geheim).toMatchObject({ confidential: true, ownRole: 'member' });
		expect(byslug.anderer!.ownRole).toBeNull();
		const lead = await listLoad(request(actors.lead!, '/circles', {}));
		expect(lead.circles.find((c) => c.slug === 'antrieb')!.ownRole).toBe('lead');
		const english = await listLoad(request(actors.outsider!, '/circles', {}, undefined, 'en'));
		expect(english.circles.find((c) => c.slug === 'antrieb')).toMatchObject({
			name: 'Powertrain transformation',
			description: 'We work on the powertrain of tomorrow.'
		});
	});

	it('sends visitors to sign in', async () => {
		const result = await outcome(async () => listLoad(request(anonymousActor(networkId), '/circles', {})));
		expect(result.status).toBe(303);
		expect(result.location).toContain('/sign-in');
	});
});

describe('/circles/[slug] overview', () => {
	const overview = (actor: Actor, slug: string) =>
		outcome(async () => overviewLoad(request(actor, `/circles/${slug}`, { slug })));

	it('shows a non-member of a confidential circle only the frame: no members, meetings or activity', async () => {
		await createCircleMeeting(db, networkId, secret.id, { titleDe: 'Geheime Sitzung' });
		for (const key of ['outsider', 'partner']) {
			const result = await overview(actors[key]!, 'geheim');
			expect(result.status).toBe(200);
			const data = result.data!;
			expect(data.content).toBeNull();
			expect(data.description).toBe('Vertrauliche Themen.');
			expect(data.leads).toEqual([{ name: 'lead Person', organisation: 'Alpha Antriebe GmbH' }]);
			expect(data.join.canJoin).toBe(true);
			const text = JSON.stringify(data);
			expect(text).not.toContain('Streng geheime Diskussion');
			expect(text).not.toContain('Geheime Sitzung');
			expect(text).not.toContain('insider Person');
			const members = await outcome(async () =>
				membersLoad(request(actors[key]!, '/circles/geheim/members', { slug: 'geheim' }))
			);
			expect(members.status).toBe(403);
		}
	});

	it('shows members, the office and the board the content', async () => {
		for (const key of ['insider', 'office', 'board']) {
			const result = await overview(actors[key]!, 'geheim');
			expect(result.data!.content!.activity.map((a) => a.title)).toEqual(['Streng geheime Diskussion']);
			expect(result.data!.content!.activity[0]).toMatchObject({
				kind: 'thread_created',
				actorName: 'insider Person',
				path: '/circles/geheim/threads/x'
			});
			expect(result.data!.content!.meetings.map((m) => m.titleDe)).toEqual(['Geheime Sitzung']);
			expect(result.data!.content!.memberCount).toBe(2);
		}
	});

	it('a member person reads an open circle; a partner who is not in it sees the frame', async () => {
		expect((await overview(actors.outsider!, 'antrieb')).data!.content).not.toBeNull();
		expect((await overview(actors.partner!, 'antrieb')).data!.content).toBeNull();
	});

	it('answers 404 for an unknown or malformed slug and sends visitors to sign in', async () => {
		expect((await overview(actors.insider!, 'gibt-es-nicht')).status).toBe(404);
		expect((await overview(actors.insider!, 'Bad_Slug')).status).toBe(404);
		expect((await overview(anonymousActor(networkId), 'antrieb')).status).toBe(303);
	});

	it('lists upcoming meetings the reader may see, soonest first; drafts only for those who manage them', async () => {
		const later = await createCircleMeeting(db, networkId, otherCircle.id, {
			titleDe: 'Später',
			startsAt: new Date(Date.now() + 20 * DAY)
		});
		const sooner = await createCircleMeeting(db, networkId, otherCircle.id, {
			titleDe: 'Früher',
			startsAt: new Date(Date.now() + 3 * DAY),
			audience: 'members',
			audienceCircleId: null
		});
		await createCircleMeeting(db, networkId, otherCircle.id, {
			titleDe: 'Entwurf',
			status: 'draft',
			startsAt: new Date(Date.now() + 5 * DAY)
		});
		await createCircleMeeting(db, networkId, otherCircle.id, {
			titleDe: 'Vorbei',
			startsAt: new Date(Date.now() - 5 * DAY)
		});
		const outsider = await overview(actors.outsider!, 'anderer');
		// The outsider reads the open circle but is not in it: its meetings but the draft, and the event
		// page only of the meeting for all members.
		expect(outsider.data!.content!.meetings.map((m) => [m.id, m.eventVisible])).toEqual([
			[sooner.id, true],
			[later.id, false]
		]);
		const office = await overview(actors.office!, 'anderer');
		expect(office.data!.content!.meetings.map((m) => m.titleDe)).toEqual(['Früher', 'Entwurf', 'Später']);
		expect(office.data!.content!.meetings.map((m) => m.id)).toContain(later.id);
	});

	it('lists open action items due before today (Berlin) with their owner', async () => {
		const yesterday = utcToLocal(new Date(Date.now() - DAY)).date;
		const today = utcToLocal(new Date()).date;
		const base = { networkId, circleId: openCircle.id, ownerUserId: users.insider!.id };
		await db.insert(circleActionItems).values([
			{ ...base, title: 'Überfällig', dueOn: yesterday },
			{ ...base, title: 'Heute fällig', dueOn: today },
			{ ...base, title: 'Erledigt', dueOn: yesterday, status: 'done' },
			{ ...base, title: 'Ohne Datum', dueOn: null },
			{ ...base, circleId: otherCircle.id, title: 'Anderer Kreis', dueOn: yesterday }
		]);
		const result = await overview(actors.insider!, 'antrieb');
		expect(result.data!.content!.overdue.map((item) => [item.title, item.ownerName, item.dueOn])).toEqual([
			['Überfällig', 'insider Person', yesterday]
		]);
	});

	it('shows the join state: member with leave, the last lead without', async () => {
		const member = await overview(actors.insider!, 'antrieb');
		expect(member.data!.join).toMatchObject({ ownRole: 'member', isLastLead: false, canJoin: false });
		const lead = await overview(actors.lead!, 'antrieb');
		expect(lead.data!.join).toMatchObject({ ownRole: 'lead', isLastLead: true });
		const outsider = await overview(actors.outsider!, 'antrieb');
		expect(outsider.data!.join).toMatchObject({ ownRole: null, pending: null, canJoin: true });
	});
});

describe('attendance by organisation', () => {
	it('counts attended registrations of past published meetings per organisation', async () => {
		const circle = await createCircle(db, networkId, { slug: 'zaehlung' });
		const past1 = await createCircleMeeting(db, networkId, circle.id, {
			startsAt: new Date(Date.now() - 30 * DAY)
		});
		const past2 = await createCircleMeeting(db, networkId, circle.id, {
			startsAt: new Date(Date.now() - 10 * DAY)
		});
		const cancelled = await createCircleMeeting(db, networkId, circle.id, {
			startsAt: new Date(Date.now() - 20 * DAY),
			status: 'cancelled'
		});
		const future = await createCircleMeeting(db, networkId, circle.id, {
			startsAt: new Date(Date.now() + 10 * DAY)
		});
		const foreign = await createCircleMeeting(db, networkId, otherCircle.id, {
			startsAt: new Date(Date.now() - 10 * DAY)
		});
		await attended(past1.id, orgA.id);
		await attended(past1.id, orgA.id);
		await attended(past2.id, orgA.id);
		await attended(past2.id, orgB.id);
		await attended(past2.id, orgB.id, 'registered');
		await attended(past2.id, null);
		await attended(cancelled.id, orgB.id);
		await attended(future.id, orgB.id);
		await attended(foreign.id, orgB.id);

		const figures = await circleAttendanceByOrganisation(networkId, circle.id);
		expect(figures.pastMeetings).toBe(2);
		expect(
			figures.organisations.map(({ organisation, meetings, people }) => [organisation, meetings, people])
		).toEqual([
			['Alpha Antriebe GmbH', 2, 3],
			['Beta Batterien AG', 1, 1]
		]);
		const otherNetwork = await createNetwork(db);
		expect(await circleAttendanceByOrganisation(otherNetwork.id, circle.id)).toEqual({
			pastMeetings: 0,
			organisations: []
		});
	});

	it('is on the overview for leads, the office and the board, not for members', async () => {
		const view = async (key: string) =>
			(await overviewLoad(request(actors[key]!, '/circles/antrieb', { slug: 'antrieb' }))).content!
				.attendance;
		expect(await view('lead')).not.toBeNull();
		expect(await view('office')).not.toBeNull();
		expect(await view('board')).not.toBeNull();
		expect(await view('insider')).toBeNull();
	});
});

describe('office: create and edit circles', () => {
	function form(fields: Record<string, string | string[]>) {
		const data = new FormData();
		for (const [key, value] of Object.entries(fields))
			for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
		return data;
	}
	const create = (actor: Actor, fields: Record<string, string | string[]>, locale: Locale = 'de') =>
		outcome(async () =>
			officeListActions.create(request(actor, '/office/circles', {}, form(fields), locale))
		);
	const save = (actor: Actor, id: string, fields: Record<string, string | string[]>, locale: Locale = 'de') =>
		outcome(async () =>
			officeEditActions.save(request(actor, `/office/circles/${id}`, { id }, form(fields), locale))
		);
	const errorsOf = (result: { data: unknown }) =>
		(result.data as { data: { errors: Record<string, string> } }).data.errors;

	it('is for the office only', async () => {
		for (const key of ['board', 'lead', 'outsider']) {
			expect(
				(await outcome(async () => officeListLoad(request(actors[key]!, '/office/circles', {})))).status
			).toBe(403);
			expect((await create(actors[key]!, { nameDe: 'X', nameEn: 'X', joinPolicy: 'open' })).status).toBe(403);
		}
		const list = await officeListLoad(request(actors.office!, '/office/circles', {}));
		expect(list.circles.map((c) => c.slug)).toContain('antrieb');
		expect(list.people.map((p) => p.userId)).toEqual(
			expect.arrayContaining([users.lead!.id, users.partner!.id])
		);
		expect(list.people.map((p) => p.userId)).not.toContain(users.office!.id);
	});

	it('creates a circle with a slug from the German name and the chosen leads, audited', async () => {
		const result = await create(actors.office!, {
			nameDe: 'Wärme & Kälte – Öko',
			nameEn: 'Heat and cold',
			slug: '',
			descriptionDe: 'Beschreibung',
			descriptionEn: 'Description',
			joinPolicy: 'invitation',
			confidential: 'on',
			leadIds: [users.outsider!.id, users.partner!.id]
		});
		expect(result.status).toBe(303);
		const [row] = await db
			.select()
			.from(circles)
			.where(and(eq(circles.networkId, networkId), eq(circles.slug, 'waerme-kaelte-oeko')));
		expect(row).toMatchObject({ nameEn: 'Heat and cold', joinPolicy: 'invitation', confidential: true });
		expect(result.location).toBe(`/office/circles/${row!.id}?created=1`);
		const leads = await db.select().from(circleMemberships).where(eq(circleMemberships.circleId, row!.id));
		expect(leads.map((l) => [l.userId, l.role, l.notificationMode]).sort()).toEqual(
			[
				[users.outsider!.id, 'lead', 'digest'],
				[users.partner!.id, 'lead', 'digest']
			].sort()
		);
		const audits = await db.select().from(auditLog).where(eq(auditLog.targetId, row!.id));
		expect(audits.map((a) => a.action)).toEqual(['circle.created']);
	});

	it('answers field errors in the user language and writes nothing', async () => {
		const before = await db.select().from(circles);
		const empty = await create(actors.office!, { nameDe: '', nameEn: '', joinPolicy: 'sometimes' }, 'en');
		expect(empty.status).toBe(400);
		expect(errorsOf(empty)).toMatchObject({
			nameDe: 'Please fill in this field.',
			nameEn: 'Please fill in this field.'
		});
		expect(errorsOf(empty).joinPolicy).toBeTruthy();
		const badSlug = await create(actors.office!, {
			nameDe: 'Gut',
			nameEn: 'Good',
			slug: 'ab c',
			joinPolicy: 'open'
		});
		expect(badSlug.status).toBe(400);
		expect(errorsOf(badSlug).slug).toContain('Kleinbuchstaben');
		const taken = await create(actors.office!, {
			nameDe: 'Antrieb',
			nameEn: 'Drive',
			slug: 'antrieb',
			joinPolicy: 'open'
		});
		expect(taken.status).toBe(409);
		expect(errorsOf(taken).slug).toBe('Diese Adresse hat schon ein anderer Kreis.');
		expect((taken.data as { data: { values: { nameDe: string } } }).data.values.nameDe).toBe('Antrieb');
		const officeLead = await create(actors.office!, {
			nameDe: 'Neu',
			nameEn: 'New',
			joinPolicy: 'open',
			leadIds: users.office!.id
		});
		expect(officeLead.status).toBe(400);
		expect(errorsOf(officeLead).leadIds).toBeTruthy();
		expect(await db.select().from(circles)).toHaveLength(before.length);
	});

	it('edits a circle: fields, slug uniqueness, leads replaced, at least one lead kept', async () => {
		const circle = await createCircle(db, networkId, { slug: 'bearbeiten', nameDe: 'Alt', nameEn: 'Old' });
		await addToCircle(db, networkId, circle.id, users.lead!.id, 'lead');
		const page = await officeEditLoad(
			request(actors.office!, `/office/circles/${circle.id}`, { id: circle.id })
		);
		expect(page.circle.leadIds).toEqual([users.lead!.id]);
		const fields = {
			nameDe: 'Neu',
			nameEn: 'New',
			slug: 'neu-bearbeitet',
			descriptionDe: 'D',
			descriptionEn: 'E',
			joinPolicy: 'open'
		};
		const taken = await save(actors.office!, circle.id, {
			...fields,
			slug: 'antrieb',
			leadIds: users.lead!.id
		});
		expect(taken.status).toBe(409);
		expect(errorsOf(taken).slug).toBeTruthy();
		const noLeads = await save(actors.office!, circle.id, fields);
		expect(noLeads.status).toBe(400);
		expect(errorsOf(noLeads).leadIds).toBe(
			'Der Kreis braucht mindestens eine Sprecherin oder einen Sprecher.'
		);
		const saved = await save(actors.office!, circle.id, { ...fields, leadIds: users.insider!.id });
		expect(saved.status).toBe(200);
		const [row] = await db.select().from(circles).where(eq(circles.id, circle.id));
		expect(row).toMatchObject({
			nameDe: 'Neu',
			slug: 'neu-bearbeitet',
			joinPolicy: 'open',
			confidential: false
		});
		const roles = await db.select().from(circleMemberships).where(eq(circleMemberships.circleId, circle.id));
		expect(Object.fromEntries(roles.map((r) => [r.userId, r.role]))).toEqual({
			[users.lead!.id]: 'member',
			[users.insider!.id]: 'lead'
		});
		// Unchanged slug is not "taken" by the circle itself.
		expect((await save(actors.office!, circle.id, { ...fields, leadIds: users.insider!.id })).status).toBe(
			200
		);
	});

	it('answers 404 for an unknown, malformed or foreign circle id', async () => {
		const foreignNetwork = await createNetwork(db);
		const foreign = await createCircle(db, foreignNetwork.id, { slug: 'fremd' });
		for (const id of [crypto.randomUUID(), 'not-a-uuid', foreign.id]) {
			const page = await outcome(async () =>
				officeEditLoad(request(actors.office!, `/office/circles/${id}`, { id }))
			);
			expect(page.status).toBe(404);
			const result = await save(actors.office!, id, { nameDe: 'X', nameEn: 'X', joinPolicy: 'open' });
			expect(result.status).toBe(404);
		}
		const [row] = await db.select().from(circles).where(eq(circles.id, foreign.id));
		expect(row!.nameDe).not.toBe('X');
	});

	it('derives slugs the guard accepts', () => {
		expect(slugify('Antriebstransformation & Elektromobilität')).toBe(
			'antriebstransformation-elektromobilitaet'
		);
		expect(slugify('  Straße – Größe  ')).toBe('strasse-groesse');
		expect(slugify('Café Crème')).toBe('cafe-creme');
		expect(slugify('!!!')).toBe('');
	});
});
