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
import { eventResource } from '../../src/lib/server/events/scope.ts';
import { createApiToken } from '../../src/lib/server/api/mutations.ts';
import { listEvents, showEvent } from '../../src/lib/server/api/endpoints.ts';
import type { ApiContext } from '../../src/lib/server/api/http.ts';
import {
	apiEventListSchema,
	apiEventSchema,
	berlinMidnight
} from '../../src/lib/server/api/events-schemas.ts';
import { eventExample, eventListExample } from '../../src/lib/server/api/events-examples.ts';
import { apiErrorSchema } from '../../src/lib/api/schemas.ts';

type Network = Awaited<ReturnType<typeof createNetwork>>;
type EventRow = Awaited<ReturnType<typeof createEvent>>;

const DAY = 24 * 60 * 60 * 1000;
const context = { ipAddress: '198.51.100.1', userAgent: 'vitest' };

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let networkA: Network;
let networkB: Network;
const tokens: Record<string, string> = {};
const actors: Record<string, Actor> = {};
const ev: Record<string, EventRow> = {};
let circleX: { id: string };
let clientCounter = 0;

beforeAll(async () => {
	database = await useFreshDatabase();
	const db = database.db;
	networkA = await createNetwork(db, { name: 'Kompetenznetz A' });
	networkB = await createNetwork(db);

	const office = await createUser(db);
	await grantNetworkRole(db, networkA.id, office.id, 'office');
	const officeActor = await loadActor(networkA.id, office);
	const host = await createOrganisation(db, networkA.id, { name: 'Hasetal Präzisionsteile GmbH' });
	circleX = await createCircle(db, networkA.id, { nameDe: 'Kreis Batterie', nameEn: 'Battery circle' });
	const circleY = await createCircle(db, networkA.id);

	const member = await createUser(db);
	await grantNetworkRole(db, networkA.id, member.id, 'member');
	await addToOrganisation(db, networkA.id, host.id, member.id, 'org_member');
	const circleMember = await createUser(db);
	await grantNetworkRole(db, networkA.id, circleMember.id, 'member');
	await addToCircle(db, networkA.id, circleX.id, circleMember.id, 'member');
	const outsider = await createUser(db);

	for (const [role, user] of Object.entries({ office, member, circleMember, outsider })) {
		tokens[role] = (
			await createApiToken({
				actor: { ...officeActor, userId: user.id },
				networkId: networkA.id,
				name: role,
				context
			})
		).token;
		actors[role] = await loadActor(networkA.id, user);
	}
	actors.anonymous = anonymousActor(networkA.id);

	const now = Date.now();
	// Public events at days 1..5 for the pagination, in start order.
	for (let i = 1; i <= 5; i++)
		ev[`public${i}`] = await createEvent(db, networkA.id, {
			audience: 'public',
			titleDe: `Öffentlich ${i}`,
			startsAt: new Date(now + i * DAY),
			endsAt: new Date(now + i * DAY + 2 * 60 * 60 * 1000)
		});
	ev.workshop = await createEvent(db, networkA.id, {
		audience: 'public',
		formatKey: 'workshop',
		hostOrganisationId: host.id,
		capacity: 10,
		seatsTaken: 7,
		startsAt: new Date(now + 20 * DAY),
		endsAt: new Date(now + 20 * DAY + 3 * 60 * 60 * 1000)
	});
	ev.cancelled = await createEvent(db, networkA.id, { audience: 'public', status: 'cancelled', sequence: 1 });
	ev.past = await createEvent(db, networkA.id, {
		audience: 'public',
		startsAt: new Date(now - 30 * DAY),
		endsAt: new Date(now - 30 * DAY + 60 * 60 * 1000)
	});
	ev.draft = await createEvent(db, networkA.id, { audience: 'public', status: 'draft' });
	ev.members = await createEvent(db, networkA.id, {
		audience: 'members',
		locationKind: 'online',
		onlineUrl: 'https://meet.example/geheim-4711'
	});
	ev.circleX = await createEvent(db, networkA.id, {
		audience: 'circle',
		audienceCircleId: circleX.id,
		organiserKind: 'circle',
		organiserCircleId: circleX.id
	});
	ev.circleY = await createEvent(db, networkA.id, { audience: 'circle', audienceCircleId: circleY.id });
	ev.ofB = await createEvent(db, networkB.id, { audience: 'public' });
});
afterAll(() => database.close());

function ctx(path: string, options: { token?: string; network?: Network; locale?: 'de' | 'en' } = {}) {
	const url = new URL(`http://knotenpunkt.test/api/v1${path}`);
	const headers: Record<string, string> = {};
	if (options.token) headers.authorization = `Bearer ${options.token}`;
	const network = options.network ?? networkA;
	return {
		request: new Request(url, { headers }),
		url,
		networkId: network.id,
		networkName: network.name,
		locale: options.locale ?? 'en',
		clientAddress: `192.0.2.${++clientCounter % 250}`,
		requestId: 'req-test'
	} satisfies ApiContext & { networkName: string };
}

async function list(query: string, token?: string) {
	const response = await listEvents(ctx(`/events${query}`, { token }));
	const body = await response.json();
	return { response, body };
}

async function expectError(response: Response, status: number, code: string) {
	expect(response.status).toBe(status);
	expect(response.headers.get('cache-control')).toBe('no-store');
	const body = await response.json();
	expect(apiErrorSchema.parse(body)).toEqual(body);
	expect(body.error.code).toBe(code);
	return body as { error: { message: string; details?: { fields: Record<string, string> } } };
}

describe('GET /events', () => {
	it('gives anonymous callers the upcoming public events only, in start order, in the documented shape', async () => {
		const { response, body } = await list('?pageSize=100');
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('public, max-age=60');
		expect(apiEventListSchema.parse(body)).toEqual(body);
		const ids = body.data.map((e: { id: string }) => e.id);
		expect(ids.slice(0, 5)).toEqual([1, 2, 3, 4, 5].map((i) => ev[`public${i}`]!.id));
		expect(new Set(ids)).toEqual(
			new Set([1, 2, 3, 4, 5].map((i) => ev[`public${i}`]!.id).concat(ev.workshop!.id, ev.cancelled!.id))
		);
		expect(body.total).toBe(7);

		const workshop = body.data.find((e: { id: string }) => e.id === ev.workshop!.id);
		expect(workshop).toMatchObject({
			format: { key: 'workshop', name: { de: 'Workshop' } },
			startsAt: ev.workshop!.startsAt.toISOString(),
			timeZone: 'Europe/Berlin',
			host: { name: 'Hasetal Präzisionsteile GmbH' },
			organiser: { kind: 'office', name: { de: 'Kompetenznetz A' } },
			capacity: 10,
			seatsLeft: 3,
			status: 'published',
			url: `http://knotenpunkt.test/events/${ev.workshop!.id}`,
			icsUrl: `http://knotenpunkt.test/events/${ev.workshop!.id}/event.ics`
		});
		expect(body.data.find((e: { id: string }) => e.id === ev.cancelled!.id).status).toBe('cancelled');
	});

	it('lists, for every caller, exactly the events the policy lets them see (drafts never)', async () => {
		const all = Object.values(ev);
		for (const [role, actor] of Object.entries(actors)) {
			const { body } = await list('?pageSize=100&from=2000-01-01', tokens[role]);
			const expected = all
				.filter((e) => e.networkId === networkA.id && e.status !== 'draft')
				.filter((e) => can(actor, 'event.view', eventResource(e)))
				.map((e) => e.id)
				.sort();
			expect(body.data.map((e: { id: string }) => e.id).sort(), role).toEqual(expected);
		}
		const member = (await list('?pageSize=100', tokens.member)).body.data.map((e: { id: string }) => e.id);
		expect(member).toContain(ev.members!.id);
		expect(member).not.toContain(ev.circleX!.id);
		const inCircle = (await list('?pageSize=100', tokens.circleMember)).body.data.map(
			(e: { id: string }) => e.id
		);
		expect(inCircle).toContain(ev.circleX!.id);
		expect(inCircle).not.toContain(ev.circleY!.id);
		const office = (await list('?pageSize=100', tokens.office)).body.data.map((e: { id: string }) => e.id);
		expect(office).toEqual(expect.arrayContaining([ev.circleX!.id, ev.circleY!.id]));
		expect(office).not.toContain(ev.draft!.id);
		expect(office).not.toContain(ev.ofB!.id);
	});

	it('never contains a join link, and answers with a token are not cached', async () => {
		const { response, body } = await list('?pageSize=100', tokens.office);
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(JSON.stringify(body)).not.toContain('geheim-4711');
		const online = body.data.find((e: { id: string }) => e.id === ev.members!.id);
		expect(online.location.kind).toBe('online');
		expect(Object.keys(online.location).sort()).toEqual(
			['city', 'kind', 'latitude', 'longitude', 'postalCode', 'street', 'venueName'].sort()
		);
	});

	it('pages through the results', async () => {
		const first = await list('?pageSize=2&audience=public');
		const second = await list('?pageSize=2&page=2&audience=public');
		const last = await list('?pageSize=2&page=4&audience=public');
		const beyond = await list('?pageSize=2&page=9&audience=public');
		expect(first.body).toMatchObject({ page: 1, pageSize: 2, total: 7 });
		expect(first.body.data.map((e: { id: string }) => e.id)).toEqual([ev.public1!.id, ev.public2!.id]);
		expect(second.body.data.map((e: { id: string }) => e.id)).toEqual([ev.public3!.id, ev.public4!.id]);
		expect(last.body.data).toHaveLength(1);
		expect(beyond.body).toMatchObject({ page: 9, total: 7, data: [] });
	});

	it('filters by time, format, circle and audience', async () => {
		const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString();
		const window = await list(`?from=${day(1.5)}&to=${day(3.5)}`);
		expect(window.body.data.map((e: { id: string }) => e.id)).toEqual([ev.public2!.id, ev.public3!.id]);
		const past = await list(`?from=${day(-40)}&to=${day(-20)}`);
		expect(past.body.data.map((e: { id: string }) => e.id)).toEqual([ev.past!.id]);
		const workshops = await list('?format=workshop');
		expect(workshops.body.data.map((e: { id: string }) => e.id)).toEqual([ev.workshop!.id]);
		const circle = await list(`?circle=${circleX.id}`, tokens.circleMember);
		expect(circle.body.data.map((e: { id: string }) => e.id)).toEqual([ev.circleX!.id]);
		const circleAnonymous = await list(`?circle=${circleX.id}`);
		expect(circleAnonymous.body.data).toEqual([]);
		const members = await list('?audience=members', tokens.member);
		expect(members.body.data.map((e: { id: string }) => e.id)).toEqual([ev.members!.id]);
	});

	it('refuses invalid parameters with a message per field, and an invalid token with 401', async () => {
		const invalid = await listEvents(ctx('/events?from=yesterday&pageSize=0&audience=everyone&circle=x'));
		const body = await expectError(invalid, 400, 'VALIDATION');
		expect(Object.keys(body.error.details!.fields).sort()).toEqual([
			'audience',
			'circle',
			'from',
			'pageSize'
		]);
		expect(body.error.details!.fields.from).toMatch(/ISO 8601/);
		const reversed = await listEvents(ctx('/events?from=2026-12-10&to=2026-12-01', { locale: 'de' }));
		const reversedBody = await expectError(reversed, 400, 'VALIDATION');
		expect(reversedBody.error.details!.fields.to).toMatch(/Ende/);
		await expectError(await listEvents(ctx('/events', { token: 'kp_nonsense' })), 401, 'UNAUTHENTICATED');
	});

	it('reads a plain day as midnight in Europe/Berlin, on both sides of a switch', () => {
		expect(berlinMidnight('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
		expect(berlinMidnight('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
		expect(berlinMidnight('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
		expect(berlinMidnight('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
	});
});

describe('GET /events/{id}', () => {
	const show = (id: string, token?: string, network?: Network) =>
		showEvent(ctx(`/events/${id}`, { token, network }), id);

	it('shows an event the caller may see', async () => {
		const response = await show(ev.workshop!.id);
		expect(response.status).toBe(200);
		const body = await response.json();
		expect(apiEventSchema.parse(body)).toEqual(body);
		expect(body.id).toBe(ev.workshop!.id);
		expect((await show(ev.members!.id.toUpperCase(), tokens.member)).status).toBe(200);
		expect((await show(ev.circleX!.id, tokens.circleMember)).status).toBe(200);
		expect((await show(ev.past!.id)).status).toBe(200);
	});

	it('answers the same 404 for invisible, draft, foreign, unknown and malformed ids', async () => {
		const cases: [string, string | undefined][] = [
			[ev.members!.id, undefined],
			[ev.circleX!.id, tokens.member],
			[ev.circleY!.id, tokens.circleMember],
			[ev.members!.id, tokens.outsider],
			[ev.draft!.id, tokens.office],
			[ev.ofB!.id, undefined],
			[ev.ofB!.id, tokens.office],
			[crypto.randomUUID(), undefined],
			['not-a-uuid', tokens.office],
			['../organisations', undefined],
			['1%27%20or%201=1', tokens.office]
		];
		for (const [id, token] of cases) {
			const body = await expectError(await show(id, token), 404, 'NOT_FOUND');
			expect(body.error.message).toMatch(/event/);
		}
	});

	it('looks the event up in the request network only', async () => {
		const response = await show(ev.ofB!.id, undefined, networkB);
		expect(response.status).toBe(200);
	});
});

describe('the OpenAPI examples of the events endpoints', () => {
	it('are accepted by the schemas', () => {
		expect(apiEventSchema.parse(eventExample)).toEqual(eventExample);
		expect(apiEventListSchema.parse(eventListExample)).toEqual(eventListExample);
	});
});
