import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { createEvent } from '../../src/lib/server/testing/event-factories.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import { anonymousActor, type Actor } from '../../src/lib/server/policy/actor.ts';
import { can } from '../../src/lib/server/policy/policy.ts';
import { eventResource, type EventRow } from '../../src/lib/server/events/scope.ts';
import {
	countVisibleEvents,
	findEvent,
	listFormats,
	listVisibleEvents
} from '../../src/lib/server/events/queries.ts';
import { listSeriesSiblings } from '../../src/lib/server/events/authoring/queries.ts';
import { monthRange } from '../../src/lib/events/time.ts';
import { load as loadEventPage } from '../../src/routes/events/[id]/+page.server.ts';
import { load as loadEditPage } from '../../src/routes/events/[id]/edit/+page.server.ts';
import { registerMember } from '../../src/lib/server/events/registration/index.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import type { NetworkRole } from '../../src/lib/server/db/schema/roles.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let networkId: string;
let otherNetworkId: string;
const actors: Record<string, Actor> = {};
const all: EventRow[] = [];
let circleOne: { id: string };
let circleTwo: { id: string };
let orgA: { id: string };
let foreignEvent: EventRow;
const HOUR = 60 * 60 * 1000;
const now = new Date('2026-11-24T10:00:00Z');

async function person(
	name: string,
	setup: {
		roles?: NetworkRole[];
		org?: ['org_admin' | 'org_member', string];
		circle?: ['lead' | 'member', string];
	}
) {
	const user = await createUser(db, { name });
	for (const role of setup.roles ?? []) await grantNetworkRole(db, networkId, user.id, role);
	if (setup.org) await addToOrganisation(db, networkId, setup.org[1], user.id, setup.org[0]);
	if (setup.circle) await addToCircle(db, networkId, setup.circle[1], user.id, setup.circle[0]);
	actors[name] = await loadActor(networkId, user);
}

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	networkId = (await createNetwork(db)).id;
	otherNetworkId = (await createNetwork(db)).id;
	circleOne = await createCircle(db, networkId);
	circleTwo = await createCircle(db, networkId);
	orgA = await createOrganisation(db, networkId);
	const orgB = await createOrganisation(db, networkId);
	actors.anonymous = anonymousActor(networkId);
	await person('office', { roles: ['office'] });
	await person('board', { roles: ['board'] });
	await person('partner', { roles: ['partner'] });
	await person('member', { roles: ['member'], org: ['org_member', orgA.id] });
	await person('orgadmin', { roles: ['member'], org: ['org_admin', orgA.id] });
	await person('lead', { roles: ['member'], org: ['org_member', orgB.id], circle: ['lead', circleOne.id] });
	await person('circleMember', {
		roles: ['member'],
		org: ['org_member', orgB.id],
		circle: ['member', circleOne.id]
	});
	await person('otherCircle', {
		roles: ['member'],
		org: ['org_member', orgB.id],
		circle: ['member', circleTwo.id]
	});
	await person('signedInOnly', {});

	// Every combination of audience, status and organiser, an hour apart from tomorrow on.
	const audiences = [
		{ audience: 'public' as const, audienceCircleId: null },
		{ audience: 'members' as const, audienceCircleId: null },
		{ audience: 'circle' as const, audienceCircleId: circleOne.id },
		{ audience: 'circle' as const, audienceCircleId: circleTwo.id }
	];
	const organisers = [
		{ organiserKind: 'office' as const },
		{ organiserKind: 'circle' as const, organiserCircleId: circleOne.id },
		{ organiserKind: 'organisation' as const, organiserOrganisationId: orgA.id }
	];
	let slot = 0;
	for (const audience of audiences)
		for (const status of ['draft', 'published', 'cancelled'] as const)
			for (const organiser of organisers) {
				const startsAt = new Date(now.getTime() + 24 * HOUR + slot++ * HOUR);
				all.push(await createEvent(db, networkId, { ...audience, ...organiser, status, startsAt }));
			}
	foreignEvent = await createEvent(db, otherNetworkId, { audience: 'public' });
});

afterAll(async () => {
	await database.close();
});

describe('the calendar lists exactly what the policy lets each role see', () => {
	it.each([
		'anonymous',
		'signedInOnly',
		'office',
		'board',
		'partner',
		'member',
		'orgadmin',
		'lead',
		'circleMember',
		'otherCircle'
	])('%s', async (name) => {
		const actor = actors[name]!;
		const listed = (await listVisibleEvents(actor, { when: 'all', now })).map((row) => row.id).sort();
		const allowed = all
			.filter((event) => can(actor, 'event.view', eventResource(event)))
			.map((event) => event.id)
			.sort();
		expect(listed).toEqual(allowed);
		expect(listed).not.toContain(foreignEvent.id);
		expect(await countVisibleEvents(actor, { when: 'all', now })).toBe(allowed.length);
	});

	it('sees drafts only where the actor manages them, and never another circle’s events', async () => {
		const visible = async (name: string) => await listVisibleEvents(actors[name]!, { when: 'all', now });
		const anonymous = await visible('anonymous');
		expect(anonymous.length).toBe(6); // public × (published, cancelled) × 3 organisers
		expect(anonymous.every((event) => event.audience === 'public' && event.status !== 'draft')).toBe(true);
		const otherCircle = await visible('otherCircle');
		expect(otherCircle.some((event) => event.audienceCircleId === circleOne.id)).toBe(false);
		expect(otherCircle.some((event) => event.audienceCircleId === circleTwo.id)).toBe(true);
		expect(otherCircle.some((event) => event.status === 'draft')).toBe(false);
		const lead = await visible('lead');
		const leadDrafts = lead.filter((event) => event.status === 'draft');
		expect(leadDrafts.length).toBeGreaterThan(0);
		expect(leadDrafts.every((event) => event.organiserCircleId === circleOne.id)).toBe(true);
		const office = await visible('office');
		expect(office.length).toBe(all.length);
	});
});

describe('filters', () => {
	it('filters by format, circle, audience, organiser and title text', async () => {
		const office = actors.office!;
		const workshop = await createEvent(db, networkId, {
			formatKey: 'workshop',
			titleDe: 'Workshop Batterierecycling 100%',
			titleEn: 'Battery recycling workshop',
			startsAt: new Date(now.getTime() + 500 * HOUR)
		});
		all.push(workshop);
		const byFormat = await listVisibleEvents(office, { formatKey: 'workshop', now });
		expect(byFormat.map((row) => row.id)).toEqual([workshop.id]);
		expect(byFormat[0]!.formatNameDe).toBe('Workshop');
		expect((await listVisibleEvents(office, { text: 'batterie', now })).map((r) => r.id)).toEqual([
			workshop.id
		]);
		expect((await listVisibleEvents(office, { text: 'recycling work', now })).map((r) => r.id)).toEqual([
			workshop.id
		]);
		// A LIKE wildcard in the search is a literal character.
		expect((await listVisibleEvents(office, { text: '100%', now })).map((r) => r.id)).toEqual([workshop.id]);
		expect(await listVisibleEvents(office, { text: '_%', now })).toEqual([]);
		const byCircle = await listVisibleEvents(office, { circleId: circleOne.id, when: 'all', now });
		expect(byCircle.length).toBeGreaterThan(0);
		expect(
			byCircle.every((row) => row.organiserCircleId === circleOne.id || row.audienceCircleId === circleOne.id)
		).toBe(true);
		const byAudience = await listVisibleEvents(office, { audience: 'members', when: 'all', now });
		expect(byAudience.length).toBeGreaterThan(0);
		expect(byAudience.every((row) => row.audience === 'members')).toBe(true);
		const byOrganiser = await listVisibleEvents(office, {
			organiserOrganisationId: orgA.id,
			when: 'all',
			now
		});
		expect(byOrganiser.length).toBe(12);
		// Filters narrow the actor's view, never widen it.
		const memberCircle = await listVisibleEvents(actors.member!, {
			circleId: circleOne.id,
			when: 'all',
			now
		});
		expect(memberCircle.every((row) => row.audience !== 'circle' && row.status !== 'draft')).toBe(true);
	});

	it('splits upcoming (soonest first) from the archive (newest first) at the end of an event', async () => {
		const running = await createEvent(db, networkId, {
			audience: 'public',
			startsAt: new Date(now.getTime() - HOUR),
			endsAt: new Date(now.getTime() + HOUR)
		});
		const older = await createEvent(db, networkId, {
			audience: 'public',
			startsAt: new Date(now.getTime() - 30 * 24 * HOUR)
		});
		const newer = await createEvent(db, networkId, {
			audience: 'public',
			startsAt: new Date(now.getTime() - 3 * 24 * HOUR)
		});
		const upcoming = await listVisibleEvents(actors.anonymous!, { when: 'upcoming', now });
		expect(upcoming[0]!.id).toBe(running.id);
		const starts = upcoming.map((row) => row.startsAt.getTime());
		expect(starts).toEqual([...starts].sort((a, b) => a - b));
		const past = await listVisibleEvents(actors.anonymous!, { when: 'past', now });
		expect(past.map((row) => row.id)).toEqual([newer.id, older.id]);
		expect(await countVisibleEvents(actors.anonymous!, { when: 'past', now })).toBe(2);
	});

	it('takes a month in Europe/Berlin: an event at 00:30 local on the 1st belongs to that month', async () => {
		// 2027-03-01 00:30 in Berlin (+01:00) is 2027-02-28 23:30 UTC.
		const firstOfMarch = await createEvent(db, networkId, {
			audience: 'public',
			startsAt: new Date('2027-02-28T23:30:00Z'),
			endsAt: new Date('2027-03-01T00:30:00Z')
		});
		// 2027-02-28 23:30 in Berlin is 22:30 UTC: February.
		const lastOfFebruary = await createEvent(db, networkId, {
			audience: 'public',
			startsAt: new Date('2027-02-28T21:00:00Z'),
			endsAt: new Date('2027-02-28T22:30:00Z')
		});
		const march = monthRange('2027-03')!;
		const february = monthRange('2027-02')!;
		expect(march.from.toISOString()).toBe('2027-02-28T23:00:00.000Z');
		const inMarch = await listVisibleEvents(actors.anonymous!, { when: 'all', ...march, now });
		const inFebruary = await listVisibleEvents(actors.anonymous!, { when: 'all', ...february, now });
		expect(inMarch.map((row) => row.id)).toEqual([firstOfMarch.id]);
		expect(inFebruary.map((row) => row.id)).toEqual([lastOfFebruary.id]);
	});
});

describe('lookups', () => {
	it('finds an event only in its own network and only by a well-formed id', async () => {
		const event = all[0]!;
		expect((await findEvent(networkId, event.id))?.id).toBe(event.id);
		expect(await findEvent(otherNetworkId, event.id)).toBeNull();
		expect(await findEvent(networkId, foreignEvent.id)).toBeNull();
		expect(await findEvent(networkId, 'not-a-uuid')).toBeNull();
		expect(await findEvent(networkId, crypto.randomUUID())).toBeNull();
	});

	it('lists the network’s formats in their order', async () => {
		const formats = await listFormats(networkId);
		expect(formats.map((format) => format.key)).toContain('company-visit');
		expect(formats.every((format) => format.networkId === networkId)).toBe(true);
		expect(formats.length).toBe(7);
	});

	it('lists the series dates the actor may see', async () => {
		const { eventSeries } = await import('../../src/lib/server/db/schema/index.ts');
		const [series] = await db.insert(eventSeries).values({ networkId, title: 'Stammtisch' }).returning();
		const dates = [];
		for (const [index, audience] of (['public', 'members', 'public'] as const).entries())
			dates.push(
				await createEvent(db, networkId, {
					seriesId: series!.id,
					audience,
					startsAt: new Date(now.getTime() + (index + 40) * 24 * HOUR)
				})
			);
		const forVisitor = await listSeriesSiblings(actors.anonymous!, dates[0]!);
		expect(forVisitor.map((row) => row.id)).toEqual([dates[2]!.id]);
		const forMember = await listSeriesSiblings(actors.member!, dates[0]!);
		expect(forMember.map((row) => row.id)).toEqual([dates[1]!.id, dates[2]!.id]);
	});
});

function pageRequest(actor: Actor, id: string, path = `/events/${id}`) {
	return {
		params: { id },
		locals: { actor, locale: 'de', network: { id: actor.networkId }, origin: 'http://knotenpunkt.test' },
		url: new URL(`http://knotenpunkt.test${path}`)
	} as never;
}

async function outcome(run: () => Promise<unknown>) {
	try {
		await run();
		return 200;
	} catch (error) {
		return (error as { status: number }).status;
	}
}

describe('the event page and the edit page', () => {
	it('answer 404, sign-in, 403 or 200 as the policy says', async () => {
		const membersEvent = all.find((e) => e.audience === 'members' && e.status === 'published')!;
		const circleEvent = all.find(
			(e) => e.audienceCircleId === circleOne.id && e.status === 'published' && e.organiserKind === 'office'
		)!;
		const leadDraft = all.find((e) => e.status === 'draft' && e.organiserCircleId === circleOne.id)!;
		const page = (name: string, id: string) => outcome(() => loadEventPage(pageRequest(actors[name]!, id)));
		expect(await page('anonymous', membersEvent.id)).toBe(303);
		expect(await page('signedInOnly', membersEvent.id)).toBe(403);
		expect(await page('member', membersEvent.id)).toBe(200);
		expect(await page('otherCircle', circleEvent.id)).toBe(403);
		expect(await page('circleMember', circleEvent.id)).toBe(200);
		expect(await page('member', leadDraft.id)).toBe(403);
		expect(await page('lead', leadDraft.id)).toBe(200);
		expect(await page('office', foreignEvent.id)).toBe(404);
		expect(await page('office', 'not-an-id')).toBe(404);
		expect(await page('office', crypto.randomUUID())).toBe(404);
		const edit = (name: string, id: string) =>
			outcome(() => loadEditPage(pageRequest(actors[name]!, id, `/events/${id}/edit`)));
		expect(await edit('lead', leadDraft.id)).toBe(200);
		expect(await edit('circleMember', leadDraft.id)).toBe(403);
		expect(await edit('orgadmin', leadDraft.id)).toBe(403);
		expect(await edit('anonymous', leadDraft.id)).toBe(303);
		expect(await edit('office', foreignEvent.id)).toBe(404);
	});

	it('gives the online join link only to someone holding a seat', async () => {
		const online = await createEvent(db, networkId, {
			audience: 'members',
			locationKind: 'online',
			venueName: '',
			city: '',
			onlineUrl: 'https://meet.example.test/geheim',
			startsAt: new Date(Date.now() + 5 * 24 * HOUR)
		});
		const seen = async (name: string) =>
			JSON.stringify(await loadEventPage(pageRequest(actors[name]!, online.id)));
		expect(await seen('member')).not.toContain('meet.example.test');
		expect(await seen('office')).not.toContain('meet.example.test');
		const registered = await registerMember({
			actor: actors.member!,
			eventId: online.id,
			answers: {},
			locale: 'de',
			origin: 'http://knotenpunkt.test'
		});
		expect(registered).toMatchObject({ ok: true, status: 'registered' });
		expect(await seen('member')).toContain('https://meet.example.test/geheim');
		expect(await seen('partner')).not.toContain('meet.example.test');
	});
});
