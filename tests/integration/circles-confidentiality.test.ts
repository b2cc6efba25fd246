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
import { createCircleMeeting } from '../../src/lib/server/testing/event-factories.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import type { Actor } from '../../src/lib/server/policy/actor.ts';
import { createApiToken } from '../../src/lib/server/api/mutations.ts';
import { listEvents, showEvent } from '../../src/lib/server/api/endpoints.ts';
import type { ApiContext } from '../../src/lib/server/api/http.ts';
import { createFeedToken } from '../../src/lib/server/events/feeds/mutations.ts';
import { createThread } from '../../src/lib/server/circles/discussions/mutations.ts';
import { createCircleDocument } from '../../src/lib/server/circles/documents/mutations.ts';
import { leaveCircle } from '../../src/lib/server/circles/membership/mutations.ts';
import { demoPdf } from '../../src/lib/server/seed/demo-circle-files.ts';
import { GET as circleFeedGet } from '../../src/routes/feeds/[token]/circles/[circleId].ics/+server.ts';
import { GET as myEventsGet } from '../../src/routes/feeds/[token]/my-events.ics/+server.ts';
import { GET as downloadGet } from '../../src/routes/circles/[slug]/documents/[documentId]/download/+server.ts';
import { load as threadLoad } from '../../src/routes/circles/[slug]/threads/[threadId]/+page.server.ts';
import { load as searchLoad } from '../../src/routes/circles/[slug]/search/+page.server.ts';
import { load as membersLoad } from '../../src/routes/circles/[slug]/members/+page.server.ts';
import { load as overviewLoad } from '../../src/routes/circles/[slug]/+page.server.ts';

/**
 * One confidential circle, seen from everyone who must get nothing of it — a member person of the
 * network, a member of another circle, a partner — and from a member who then leaves: the pages,
 * the file, the search, the calendar feeds and the API, with the circle's real ids.
 */
const origin = 'https://a.example';
const context = { ipAddress: '198.51.100.7', userAgent: 'vitest' };
const SECRET = 'Wasserstoffspeicher-Geheimprojekt';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let network: Awaited<ReturnType<typeof createNetwork>>;
let circle: Awaited<ReturnType<typeof createCircle>>;
let meeting: Awaited<ReturnType<typeof createCircleMeeting>>;
let threadId: string;
let documentId: string;
const users: Record<string, Awaited<ReturnType<typeof createUser>>> = {};
const tokens: Record<string, string> = {};
const feeds: Record<string, string> = {};
let clientCounter = 0;

const actorOf = (who: string): Promise<Actor> => loadActor(network.id, users[who]!);

function pageEvent(actor: Actor, path: string, params: Record<string, string>) {
	const url = new URL(`${origin}${path}`);
	return {
		url,
		params,
		request: new Request(url),
		locals: { actor, network, locale: 'de' as const, origin },
		parent: async () => ({})
	} as never;
}

/** What a route answers: its data, or the status of the error or redirect it throws. */
async function outcome(run: () => unknown): Promise<number | 'data'> {
	try {
		const result = await run();
		if (result instanceof Response) return result.status;
		return 'data';
	} catch (thrown) {
		const status = (thrown as { status?: number }).status;
		if (typeof status === 'number') return status;
		throw thrown;
	}
}

function api(path: string, token: string) {
	const url = new URL(`http://knotenpunkt.test/api/v1${path}`);
	return {
		request: new Request(url, { headers: { authorization: `Bearer ${token}` } }),
		url,
		networkId: network.id,
		networkName: network.name,
		locale: 'de',
		clientAddress: `192.0.2.${++clientCounter % 250}`,
		requestId: 'req-test'
	} satisfies ApiContext & { networkName: string };
}

async function everythingOf(who: string) {
	const actor = await actorOf(who);
	const slug = circle.slug;
	const overview = (await overviewLoad(pageEvent(actor, `/circles/${slug}`, { slug }))) as Record<
		string,
		unknown
	>;
	const listed = (await (await listEvents(api('/events', tokens[who]!))).json()) as {
		data: { id: string }[];
	};
	const feed = await circleFeedGet(
		pageEvent(actor, `/feeds/${feeds[who]}/circles/${circle.id}.ics`, {
			token: feeds[who]!,
			circleId: circle.id
		})
	).catch((thrown: { status: number }) => new Response(null, { status: thrown.status }));
	const myEvents = await myEventsGet(
		pageEvent(actor, `/feeds/${feeds[who]}/my-events.ics`, { token: feeds[who]! })
	);
	return {
		thread: await outcome(() =>
			threadLoad(pageEvent(actor, `/circles/${slug}/threads/${threadId}`, { slug, threadId }))
		),
		members: await outcome(() => membersLoad(pageEvent(actor, `/circles/${slug}/members`, { slug }))),
		search: await outcome(() =>
			searchLoad(pageEvent(actor, `/circles/${slug}/search?q=${SECRET}`, { slug }))
		),
		download: await outcome(() =>
			downloadGet(pageEvent(actor, `/circles/${slug}/documents/${documentId}/download`, { slug, documentId }))
		),
		// The overview names the circle's leads to everyone (whom to ask); its content stays inside.
		overviewHasContent: JSON.stringify(overview).includes(SECRET),
		apiShow: (await showEvent(api(`/events/${meeting.id}`, tokens[who]!), meeting.id)).status,
		apiListed: listed.data.some((event) => event.id === meeting.id),
		feed: feed.status,
		inMyEvents: (await myEvents.text()).includes(meeting.id)
	};
}

beforeAll(async () => {
	database = await useFreshDatabase();
	const db = database.db;
	network = await createNetwork(db);
	const company = await createOrganisation(db, network.id);
	const agency = await createOrganisation(db, network.id, { name: 'Wirtschaftsförderung' });
	circle = await createCircle(db, network.id, { confidential: true, joinPolicy: 'invitation' });
	const otherCircle = await createCircle(db, network.id);
	for (const who of ['office', 'lead', 'leaver', 'outsider', 'otherCircle', 'partner']) {
		users[who] = await createUser(db, { name: who === 'lead' ? 'Gisela Geheim' : `Person ${who}` });
		const role = who === 'office' ? 'office' : who === 'partner' ? 'partner' : 'member';
		await grantNetworkRole(db, network.id, users[who]!.id, role);
		await addToOrganisation(
			db,
			network.id,
			who === 'partner' ? agency.id : company.id,
			users[who]!.id,
			'org_member'
		);
	}
	await addToCircle(db, network.id, circle.id, users.lead!.id, 'lead');
	await addToCircle(db, network.id, circle.id, users.leaver!.id, 'member');
	await addToCircle(db, network.id, otherCircle.id, users.otherCircle!.id, 'member');
	meeting = await createCircleMeeting(db, network.id, circle.id, { titleDe: `Sitzung ${SECRET}` });

	const officeActor = await actorOf('office');
	for (const who of Object.keys(users)) {
		tokens[who] = (
			await createApiToken({
				actor: { ...officeActor, userId: users[who]!.id },
				networkId: network.id,
				name: who,
				context
			})
		).token;
		feeds[who] = (
			await createFeedToken(
				{ networkId: network.id, userId: users[who]!.id, email: users[who]!.email },
				context
			)
		).token;
	}
	const lead = await actorOf('lead');
	const thread = await createThread({ actor: lead, circle, title: SECRET, body: `Geheim: ${SECRET}` });
	if (!thread.ok) throw new Error('thread not created');
	threadId = thread.threadId;
	const document = await createCircleDocument({
		actor: lead,
		circle,
		folderId: null,
		fileName: `${SECRET}.pdf`,
		bytes: demoPdf([SECRET])
	});
	if (!document.ok) throw new Error('document not created');
	documentId = document.documentId;
});
afterAll(() => database.close());

describe('a confidential circle', () => {
	it('gives its members everything', async () => {
		expect(await everythingOf('leaver')).toEqual({
			thread: 'data',
			members: 'data',
			search: 'data',
			download: 200,
			overviewHasContent: true,
			apiShow: 200,
			apiListed: true,
			feed: 200,
			inMyEvents: false // "my events" are the ones registered for
		});
	});

	it.each(['outsider', 'otherCircle', 'partner'])(
		'gives %s nothing: pages, file, search, feeds, API',
		async (who) => {
			expect(await everythingOf(who)).toEqual({
				thread: 403,
				members: 403,
				search: 403,
				download: 403,
				overviewHasContent: false,
				apiShow: 404,
				apiListed: false,
				feed: 404,
				inMyEvents: false
			});
		}
	);

	it('ends every access the moment a member leaves', async () => {
		const leaver = await actorOf('leaver');
		expect((await leaveCircle({ actor: leaver, circle })).ok).toBe(true);
		expect(await everythingOf('leaver')).toEqual({
			thread: 403,
			members: 403,
			search: 403,
			download: 403,
			overviewHasContent: false,
			apiShow: 404,
			apiListed: false,
			feed: 404,
			inMyEvents: false
		});
	});
});
