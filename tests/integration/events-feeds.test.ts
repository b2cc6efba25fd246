import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import ical, { type VEvent } from 'node-ical';
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
import {
	auditLog,
	calendarFeedTokens,
	circleMemberships,
	eventRegistrations,
	events
} from '../../src/lib/server/db/schema/index.ts';
import { anonymousActor, type Actor } from '../../src/lib/server/policy/actor.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import { eventUid } from '../../src/lib/server/events/ical.ts';
import { createFeedToken, revokeFeedToken } from '../../src/lib/server/events/feeds/mutations.ts';
import { resolveFeedToken } from '../../src/lib/server/events/feeds/calendar.ts';
import { cancelEvent } from '../../src/lib/server/events/mutations.ts';
import { GET as publicFeedGet } from '../../src/routes/events/feed.ics/+server.ts';
import { GET as eventIcsGet } from '../../src/routes/events/[id]/event.ics/+server.ts';
import { GET as myEventsGet } from '../../src/routes/feeds/[token]/my-events.ics/+server.ts';
import { GET as circleFeedGet } from '../../src/routes/feeds/[token]/circles/[circleId].ics/+server.ts';

type Network = Awaited<ReturnType<typeof createNetwork>>;
type EventRow = Awaited<ReturnType<typeof createEvent>>;
type TestUser = Awaited<ReturnType<typeof createUser>>;

const DAY = 24 * 60 * 60 * 1000;
const origin = 'https://a.example';
const context = { ipAddress: '198.51.100.7', userAgent: 'vitest' };

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let networkA: Network;
let networkB: Network;
let member: TestUser;
let circleMember: TestUser;
let circleX: { id: string };
let circleY: { id: string };
let circleOfB: { id: string };
const ev: Record<string, EventRow> = {};

beforeAll(async () => {
	database = await useFreshDatabase();
	const db = database.db;
	networkA = await createNetwork(db, { hosts: ['a.example'] });
	networkB = await createNetwork(db, { hosts: ['b.example'] });

	member = await createUser(db, { name: 'Mia Mitglied' });
	await grantNetworkRole(db, networkA.id, member.id, 'member');
	const organisation = await createOrganisation(db, networkA.id, { name: 'Hasetal GmbH' });
	await addToOrganisation(db, networkA.id, organisation.id, member.id, 'org_member');

	circleMember = await createUser(db, { name: 'Kai Kreis', locale: 'en' });
	await grantNetworkRole(db, networkA.id, circleMember.id, 'member');
	circleX = await createCircle(db, networkA.id, { nameDe: 'Kreis Batterie', nameEn: 'Battery circle' });
	circleY = await createCircle(db, networkA.id, { nameDe: 'Kreis Wasserstoff', nameEn: 'Hydrogen circle' });
	circleOfB = await createCircle(db, networkB.id);
	await addToCircle(db, networkA.id, circleX.id, circleMember.id, 'member');

	const now = Date.now();
	ev.publicUpcoming = await createEvent(db, networkA.id, {
		audience: 'public',
		titleDe: 'Öffentlich; mit Komma, und Umlaut',
		titleEn: 'Public event'
	});
	ev.publicRecent = await createEvent(db, networkA.id, {
		audience: 'public',
		startsAt: new Date(now - 10 * DAY),
		endsAt: new Date(now - 10 * DAY + 2 * 60 * 60 * 1000)
	});
	ev.publicOld = await createEvent(db, networkA.id, {
		audience: 'public',
		startsAt: new Date(now - 100 * DAY),
		endsAt: new Date(now - 100 * DAY + 2 * 60 * 60 * 1000)
	});
	ev.publicCancelled = await createEvent(db, networkA.id, {
		audience: 'public',
		status: 'cancelled',
		sequence: 1,
		cancelledAt: new Date(now - DAY)
	});
	ev.publicDraft = await createEvent(db, networkA.id, { audience: 'public', status: 'draft' });
	ev.members = await createEvent(db, networkA.id, { audience: 'members' });
	ev.online = await createEvent(db, networkA.id, {
		audience: 'members',
		locationKind: 'online',
		venueName: '',
		street: '',
		postalCode: '',
		city: '',
		onlineUrl: 'https://meet.example/geheim-123'
	});
	ev.circleX = await createEvent(db, networkA.id, {
		audience: 'circle',
		audienceCircleId: circleX.id,
		organiserKind: 'circle',
		organiserCircleId: circleX.id
	});
	ev.circleXMembers = await createEvent(db, networkA.id, {
		audience: 'members',
		organiserKind: 'circle',
		organiserCircleId: circleX.id
	});
	ev.circleY = await createEvent(db, networkA.id, { audience: 'circle', audienceCircleId: circleY.id });
	ev.publicOfB = await createEvent(db, networkB.id, { audience: 'public' });
});
afterAll(() => database.close());

async function register(event: EventRow, user: TestUser, status: 'registered' | 'waitlisted' | 'cancelled') {
	await database.db.insert(eventRegistrations).values({
		networkId: event.networkId,
		eventId: event.id,
		userId: user.id,
		name: user.name,
		email: user.email,
		status,
		cancelledAt: status === 'cancelled' ? new Date() : null,
		accessTokenHash: randomBytes(16).toString('hex'),
		ticketCode: randomBytes(16).toString('base64url')
	});
}

async function actorOf(user: TestUser, network = networkA): Promise<Actor> {
	return loadActor(network.id, user);
}

/** What SvelteKit hands a +server.ts GET, as far as these routes use it. */
function requestEvent(
	path: string,
	options: { actor?: Actor; params?: Record<string, string>; headers?: Record<string, string> } = {}
) {
	const url = new URL(`${origin}${path}`);
	return {
		url,
		params: options.params ?? {},
		request: new Request(url, { headers: options.headers }),
		locals: {
			actor: options.actor ?? anonymousActor(networkA.id),
			network: networkA,
			locale: 'de' as const,
			origin
		}
	} as never;
}

/** Calls a route; an `error(…)` thrown by SvelteKit becomes its status. */
async function call(handler: (event: never) => Promise<Response>, event: never) {
	try {
		return await handler(event);
	} catch (thrown) {
		const status = (thrown as { status?: number }).status;
		if (typeof status === 'number') return new Response(null, { status });
		throw thrown;
	}
}

function parse(text: string): VEvent[] {
	return Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
}

const uidOf = (event: EventRow) => eventUid(event.id, 'a.example');

describe('the public feed /events/feed.ics', () => {
	it('contains exactly the public published and cancelled events of the network, upcoming and of the last 90 days', async () => {
		const response = await call(publicFeedGet, requestEvent('/events/feed.ics'));
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(response.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
		expect(response.headers.get('etag')).toMatch(/^".+"$/);
		expect(response.headers.get('last-modified')).toBeTruthy();
		const text = await response.text();
		expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
		const parsed = parse(text);
		// The organiser is the network, not the feed's title.
		const organizer = parsed[0]!.organizer as unknown as { params: { CN: string } };
		expect(organizer.params.CN).toBe(networkA.name);
		expect(parsed.map((e) => e.uid).sort()).toEqual(
			[ev.publicUpcoming!, ev.publicRecent!, ev.publicCancelled!].map(uidOf).sort()
		);
		const upcoming = parsed.find((e) => e.uid === uidOf(ev.publicUpcoming!))!;
		expect(upcoming.summary).toBe('Öffentlich; mit Komma, und Umlaut');
		// iCalendar has whole seconds.
		expect(upcoming.start.getTime()).toBe(Math.floor(ev.publicUpcoming!.startsAt.getTime() / 1000) * 1000);
		expect(upcoming.status).toBe('CONFIRMED');
		const cancelled = parsed.find((e) => e.uid === uidOf(ev.publicCancelled!))!;
		expect(cancelled.status).toBe('CANCELLED');
		expect(Number(cancelled.sequence)).toBe(1);
	});

	it('answers 304 to a client that already has this version, and English with ?lang=en', async () => {
		const first = await call(publicFeedGet, requestEvent('/events/feed.ics'));
		const etag = first.headers.get('etag')!;
		const again = await call(
			publicFeedGet,
			requestEvent('/events/feed.ics', { headers: { 'if-none-match': etag } })
		);
		expect(again.status).toBe(304);
		expect(await again.text()).toBe('');
		const english = await call(publicFeedGet, requestEvent('/events/feed.ics?lang=en'));
		const summaries = parse(await english.text()).map((e) => e.summary);
		expect(summaries).toContain('Public event');
		expect(english.headers.get('etag')).not.toBe(etag);
	});

	it('is the same for a signed-in member: no members events in the public feed', async () => {
		const response = await call(
			publicFeedGet,
			requestEvent('/events/feed.ics', { actor: await actorOf(member) })
		);
		const uids = parse(await response.text()).map((e) => e.uid);
		expect(uids).not.toContain(uidOf(ev.members!));
		expect(uids).toHaveLength(3);
	});
});

describe('one event as .ics /events/[id]/event.ics', () => {
	const get = (event: EventRow | string, actor?: Actor) => {
		const id = typeof event === 'string' ? event : event.id;
		return call(eventIcsGet, requestEvent(`/events/${id}/event.ics`, { actor, params: { id } }));
	};

	it('serves a public event to anyone, as a download', async () => {
		const response = await get(ev.publicUpcoming!);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="event-[\d-]+-[0-9a-f]{8}\.ics"$/
		);
		const [event] = parse(await response.text());
		expect(event!.uid).toBe(uidOf(ev.publicUpcoming!));
	});

	it('answers by who may see the event: 404 for anonymous downloads, 403 for signed-in people who may not', async () => {
		const memberActor = await actorOf(member);
		const circleActor = await actorOf(circleMember);
		expect((await get(ev.members!)).status).toBe(404);
		expect((await get(ev.circleX!)).status).toBe(404);
		expect((await get(ev.members!, memberActor)).status).toBe(200);
		expect((await get(ev.circleX!, memberActor)).status).toBe(403);
		expect((await get(ev.circleX!, circleActor)).status).toBe(200);
		expect((await get(ev.circleY!, circleActor)).status).toBe(403);
		expect((await get(ev.publicDraft!, memberActor)).status).toBe(403);
		// Other networks' ids, unknown and malformed ids look the same.
		expect((await get(ev.publicOfB!)).status).toBe(404);
		expect((await get(ev.publicOfB!, memberActor)).status).toBe(404);
		expect((await get(crypto.randomUUID(), memberActor)).status).toBe(404);
		expect((await get('not-a-uuid', memberActor)).status).toBe(404);
		expect((await get("1' or '1'='1", memberActor)).status).toBe(404);
	});

	it('carries the join link only for someone holding a seat', async () => {
		const seated = await createUser(database.db);
		const waiting = await createUser(database.db);
		for (const user of [seated, waiting]) await grantNetworkRole(database.db, networkA.id, user.id, 'member');
		await register(ev.online!, seated, 'registered');
		await register(ev.online!, waiting, 'waitlisted');
		const withSeat = await get(ev.online!, await actorOf(seated));
		expect(withSeat.headers.get('cache-control')).toBe('private, no-store');
		const seatedEvent = parse(await withSeat.text())[0]!;
		expect(seatedEvent.location).toBe('https://meet.example/geheim-123');
		expect(seatedEvent.description).toContain('https://meet.example/geheim-123');
		for (const actor of [await actorOf(waiting), await actorOf(member)]) {
			const text = await (await get(ev.online!, actor)).text();
			expect(text).not.toContain('geheim-123');
			expect(parse(text)[0]!.location).toBe('Online');
		}
	});
});

describe('personal feeds behind a token URL', () => {
	it('lists my registrations and waitlist places, and keeps an event cancelled after I registered, with a higher SEQUENCE', async () => {
		const user = await createUser(database.db, { name: 'Rita Registriert' });
		await grantNetworkRole(database.db, networkA.id, user.id, 'member');
		const later = await createEvent(database.db, networkA.id, { audience: 'members' });
		const calledOff = await createEvent(database.db, networkA.id, { audience: 'members' });
		const selfCancelled = await createEvent(database.db, networkA.id, { audience: 'members' });
		await register(ev.publicUpcoming!, user, 'registered');
		await register(ev.members!, user, 'waitlisted');
		await register(later, user, 'registered');
		await register(calledOff, user, 'waitlisted');
		await register(selfCancelled, user, 'cancelled');
		const { token } = await createFeedToken(
			{ networkId: networkA.id, userId: user.id, email: user.email },
			context
		);
		const feed = async () => {
			const response = await call(
				myEventsGet,
				requestEvent(`/feeds/${token}/my-events.ics`, { params: { token } })
			);
			expect(response.status).toBe(200);
			expect(response.headers.get('cache-control')).toMatch(/^private/);
			return parse(await response.text());
		};

		const before = await feed();
		expect(before.map((e) => e.uid).sort()).toEqual(
			[ev.publicUpcoming!, ev.members!, later, calledOff].map(uidOf).sort()
		);
		expect(before.find((e) => e.uid === uidOf(later))!.status).toBe('CONFIRMED');

		// The organiser cancels: the event is called off, SEQUENCE goes up, the registrations are ended.
		await database.db
			.update(events)
			.set({
				status: 'cancelled',
				sequence: later.sequence + 1,
				cancelledAt: new Date(),
				updatedAt: new Date()
			})
			.where(eq(events.id, later.id));
		await database.db
			.update(eventRegistrations)
			.set({ status: 'cancelled', cancelledAt: new Date(Date.now() + 1000) })
			.where(eq(eventRegistrations.eventId, later.id));

		// And through the calendar's own cancellation, which leaves the registrations as they are.
		const office = await createUser(database.db);
		await grantNetworkRole(database.db, networkA.id, office.id, 'office');
		const cancelled = await cancelEvent(await actorOf(office), calledOff.id, 'Krankheit', origin);
		expect(cancelled.ok).toBe(true);

		const after = await feed();
		const calledOffEntry = after.find((e) => e.uid === uidOf(calledOff));
		expect(calledOffEntry?.status).toBe('CANCELLED');
		expect(Number(calledOffEntry!.sequence)).toBe(calledOff.sequence + 1);
		expect(calledOffEntry!.description).toContain('Krankheit');
		const struck = after.find((e) => e.uid === uidOf(later));
		expect(struck, 'the cancelled event stays in the feed so clients strike it').toBeDefined();
		expect(struck!.status).toBe('CANCELLED');
		expect(Number(struck!.sequence)).toBeGreaterThan(
			Number(before.find((e) => e.uid === uidOf(later))!.sequence)
		);
		expect(after.map((e) => e.uid)).not.toContain(uidOf(selfCancelled));
	});

	it('refuses unknown, malformed, revoked, renewed and foreign tokens with a bare 404', async () => {
		const owner = { networkId: networkA.id, userId: member.id, email: member.email };
		const get = (token: string) =>
			call(myEventsGet, requestEvent(`/feeds/${token}/my-events.ics`, { params: { token } }));
		const first = await createFeedToken(owner, context);
		expect(first.replaced).toBe(false);
		expect((await get(first.token)).status).toBe(200);

		const renewed = await createFeedToken(owner, context);
		expect(renewed.replaced).toBe(true);
		expect((await get(first.token)).status).toBe(404);
		expect((await get(renewed.token)).status).toBe(200);

		expect(await revokeFeedToken(owner, context)).toBe(true);
		expect(await revokeFeedToken(owner, context)).toBe(false);
		expect((await get(renewed.token)).status).toBe(404);

		expect((await get(randomBytes(32).toString('base64url'))).status).toBe(404);
		expect((await get('short')).status).toBe(404);
		expect((await get('../../etc/passwd')).status).toBe(404);

		// A token of network B is nothing on network A.
		const inB = await createUser(database.db);
		await grantNetworkRole(database.db, networkB.id, inB.id, 'member');
		const ofB = await createFeedToken({ networkId: networkB.id, userId: inB.id, email: inB.email }, context);
		expect((await get(ofB.token)).status).toBe(404);

		const audit = await database.db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(and(eq(auditLog.networkId, networkA.id), eq(auditLog.actorUserId, member.id)));
		expect(audit.map((a) => a.action)).toEqual(
			expect.arrayContaining(['calendar_feed.created', 'calendar_feed.renewed', 'calendar_feed.revoked'])
		);
		const live = await database.db
			.select()
			.from(calendarFeedTokens)
			.where(and(eq(calendarFeedTokens.userId, member.id), eq(calendarFeedTokens.networkId, networkA.id)));
		expect(live.filter((t) => t.revokedAt === null)).toHaveLength(0);
		expect(live.every((t) => /^[0-9a-f]{64}$/.test(t.tokenHash))).toBe(true);
		expect(live.map((t) => t.tokenHash)).not.toContain(first.token);
	});

	it('records the last use at most every few minutes', async () => {
		const user = await createUser(database.db);
		await grantNetworkRole(database.db, networkA.id, user.id, 'member');
		const { token } = await createFeedToken(
			{ networkId: networkA.id, userId: user.id, email: user.email },
			context
		);
		const lastUsed = async () =>
			(
				await database.db
					.select({ at: calendarFeedTokens.lastUsedAt })
					.from(calendarFeedTokens)
					.where(eq(calendarFeedTokens.userId, user.id))
			)[0]!.at;
		const t0 = new Date('2026-11-24T10:00:00Z');
		expect(await resolveFeedToken(networkA.id, token, t0)).not.toBeNull();
		expect((await lastUsed())!.toISOString()).toBe(t0.toISOString());
		await resolveFeedToken(networkA.id, token, new Date(t0.getTime() + 60_000));
		expect((await lastUsed())!.toISOString()).toBe(t0.toISOString());
		const t2 = new Date(t0.getTime() + 6 * 60_000);
		await resolveFeedToken(networkA.id, token, t2);
		expect((await lastUsed())!.toISOString()).toBe(t2.toISOString());
	});

	it("serves a circle's feed to its members only, and stops the moment they leave", async () => {
		const { token } = await createFeedToken(
			{ networkId: networkA.id, userId: circleMember.id, email: circleMember.email },
			context
		);
		const get = (circleId: string) =>
			call(
				circleFeedGet,
				requestEvent(`/feeds/${token}/circles/${circleId}.ics`, { params: { token, circleId } })
			);
		const response = await get(circleX.id);
		expect(response.status).toBe(200);
		const text = await response.text();
		expect(text).toContain('Battery circle'); // the calendar name, in the user's language
		expect(
			parse(text)
				.map((e) => e.uid)
				.sort()
		).toEqual([ev.circleX!, ev.circleXMembers!].map(uidOf).sort());

		// Another circle of the network, a circle of another network, an unknown and a malformed id.
		expect((await get(circleY.id)).status).toBe(404);
		expect((await get(circleOfB.id)).status).toBe(404);
		expect((await get(crypto.randomUUID())).status).toBe(404);
		expect((await get('x')).status).toBe(404);

		// A member's token does not open a circle they are not in.
		const memberToken = (
			await createFeedToken({ networkId: networkA.id, userId: member.id, email: member.email }, context)
		).token;
		const asMember = await call(
			circleFeedGet,
			requestEvent(`/feeds/${memberToken}/circles/${circleX.id}.ics`, {
				params: { token: memberToken, circleId: circleX.id }
			})
		);
		expect(asMember.status).toBe(404);

		await database.db
			.delete(circleMemberships)
			.where(and(eq(circleMemberships.circleId, circleX.id), eq(circleMemberships.userId, circleMember.id)));
		expect((await get(circleX.id)).status).toBe(404);
		await addToCircle(database.db, networkA.id, circleX.id, circleMember.id, 'member');
		expect((await get(circleX.id)).status).toBe(200);
	});

	it('ends the personal feed when the user is no longer a member of the network', async () => {
		const user = await createUser(database.db);
		await grantNetworkRole(database.db, networkA.id, user.id, 'member');
		const { token } = await createFeedToken(
			{ networkId: networkA.id, userId: user.id, email: user.email },
			context
		);
		const get = () => call(myEventsGet, requestEvent(`/feeds/${token}/my-events.ics`, { params: { token } }));
		expect((await get()).status).toBe(200);
		const { networkRoleAssignments } = await import('../../src/lib/server/db/schema/index.ts');
		await database.db
			.delete(networkRoleAssignments)
			.where(
				and(eq(networkRoleAssignments.userId, user.id), eq(networkRoleAssignments.networkId, networkA.id))
			);
		expect((await get()).status).toBe(404);
	});
});

describe('the account page /account/calendar', () => {
	async function page() {
		return import('../../src/routes/(account)/account/calendar/+page.server.ts');
	}
	function pageEvent(actor: Actor) {
		const url = new URL(`${origin}/account/calendar`);
		return {
			url,
			params: {},
			request: new Request(url, { method: 'POST', headers: { 'user-agent': 'vitest' } }),
			locals: { actor, network: networkA, locale: 'en' as const, origin, clientAddress: '198.51.100.9' }
		} as never;
	}
	async function outcome(run: () => unknown) {
		try {
			return { value: await run() };
		} catch (thrown) {
			return {
				status: (thrown as { status?: number }).status,
				location: (thrown as { location?: string }).location
			};
		}
	}

	it('sends anonymous visitors to sign in and refuses people outside the network', async () => {
		const { load } = await page();
		const anonymous = await outcome(() => load(pageEvent(anonymousActor(networkA.id))));
		expect(anonymous).toMatchObject({ status: 303, location: expect.stringContaining('/sign-in?next=') });
		const stranger = await createUser(database.db);
		const refused = await outcome(async () => load(pageEvent(await actorOf(stranger))));
		expect(refused.status).toBe(403);
	});

	it('creates addresses that work (my events and each circle), shows them once, and revokes them', async () => {
		const { load, actions } = await page();
		const user = await createUser(database.db, { locale: 'en' });
		await grantNetworkRole(database.db, networkA.id, user.id, 'member');
		await addToCircle(database.db, networkA.id, circleY.id, user.id, 'member');
		const actor = await actorOf(user);

		const empty = (await load(pageEvent(actor))) as { token: unknown; circles: { name: string }[] };
		expect(empty.token).toBeNull();
		expect(empty.circles.map((c) => c.name)).toEqual(['Hydrogen circle']);

		const created = (await actions.create(pageEvent(actor))) as {
			created: { replaced: boolean; myEventsUrl: string; circles: { id: string; url: string }[] };
		};
		expect(created.created.replaced).toBe(false);
		const mine = new URL(created.created.myEventsUrl);
		const token = mine.pathname.split('/')[2]!;
		expect(mine.pathname).toBe(`/feeds/${token}/my-events.ics`);
		expect((await call(myEventsGet, requestEvent(mine.pathname, { params: { token } }))).status).toBe(200);
		const circleUrl = new URL(created.created.circles[0]!.url);
		const circleResponse = await call(
			circleFeedGet,
			requestEvent(circleUrl.pathname, { params: { token, circleId: circleY.id } })
		);
		expect(circleResponse.status).toBe(200);
		expect(parse(await circleResponse.text()).map((e) => e.uid)).toEqual([uidOf(ev.circleY!)]);

		const afterCreate = (await load(pageEvent(actor))) as { token: { createdAt: string } | null };
		expect(afterCreate.token?.createdAt).toBeTruthy();
		expect(JSON.stringify(afterCreate)).not.toContain(token);

		expect(await actions.revoke(pageEvent(actor))).toEqual({ revoked: true });
		expect((await call(myEventsGet, requestEvent(mine.pathname, { params: { token } }))).status).toBe(404);
		expect(((await load(pageEvent(actor))) as { token: unknown }).token).toBeNull();
	});
});
