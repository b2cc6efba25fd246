import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../helpers/database.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import {
	addToCircle,
	createCircle,
	createNetwork,
	createUser,
	grantNetworkRole
} from '../../src/lib/server/testing/factories.ts';
import { createCircleMeeting } from '../../src/lib/server/testing/event-factories.ts';
import {
	createAgendaItem,
	createDocumentRow,
	createMinutes,
	createPost,
	createThread
} from '../../src/lib/server/testing/circle-notification-factories.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import { anonymousActor, type Actor } from '../../src/lib/server/policy/actor.ts';
import { xssPayloads } from '../../src/lib/server/testing/xss.ts';
import { load as loadSearch } from '../../src/routes/circles/[slug]/search/+page.server.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let networkId: string;
type Circle = Awaited<ReturnType<typeof createCircle>>;
let circle: Circle;
let otherCircle: Circle;
const actors: Record<string, Actor> = {};
const ids: Record<string, string> = {};

async function actorFor(name: string, setup: (userId: string) => Promise<void>) {
	const row = await createUser(db, { name });
	await setup(row.id);
	actors[name] = await loadActor(networkId, row);
	return row;
}

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	networkId = (await createNetwork(db)).id;
	circle = await createCircle(db, networkId, { nameDe: 'Energie', confidential: true });
	otherCircle = await createCircle(db, networkId, { nameDe: 'Mobilität' });
	const lead = await actorFor('lead', async (id) => {
		await grantNetworkRole(db, networkId, id, 'member');
		await addToCircle(db, networkId, circle.id, id, 'lead');
	});
	await actorFor('member', async (id) => {
		await grantNetworkRole(db, networkId, id, 'member');
		await addToCircle(db, networkId, circle.id, id, 'member');
	});
	await actorFor('outsider', async (id) => {
		await grantNetworkRole(db, networkId, id, 'member');
		await addToCircle(db, networkId, otherCircle.id, id, 'member');
	});
	actors.anonymous = anonymousActor(networkId);

	const battery = await createThread(db, circle, {
		title: 'Batterie-Recycling im Landkreis',
		body: 'Wir sammeln alte **Batterien** aus den Betrieben.',
		authorUserId: lead.id
	});
	ids.batteryThread = battery.thread.id;
	ids.batteryOpening = battery.opening.id;
	ids.bikesPost = (
		await createPost(db, circle, battery.thread.id, {
			body: 'Auch die Fahrräder mit Elektroantrieb brauchen Akkus.'
		})
	).id;
	await createPost(db, circle, battery.thread.id, {
		body: 'Zinkluftzellen sind vertraulich.',
		deletedAt: new Date()
	});
	await createThread(db, circle, {
		title: 'Verworfene Geothermie',
		body: 'Tiefengeothermie im Hafen.',
		deletedAt: new Date()
	});
	ids.xssPost = (
		await createPost(db, circle, battery.thread.id, {
			body: `Sicherheitslücke gemeldet: ${xssPayloads.join(' ')}`
		})
	).id;

	const meeting = await createCircleMeeting(db, networkId, circle.id, { titleDe: 'Frühjahrssitzung' });
	ids.meeting = meeting.id;
	ids.agenda = (
		await createAgendaItem(db, circle, meeting.id, {
			title: 'Lastenfahrrad Pilotprojekt',
			notes: 'Bericht über den Pilotversuch'
		})
	).id;
	ids.minutes = (
		await createMinutes(db, circle, meeting.id, { body: 'Beschluss: Die Solaranlage wird erweitert.' })
	).id;
	const later = await createCircleMeeting(db, networkId, circle.id, { titleDe: 'Herbstsitzung' });
	ids.laterMeeting = later.id;
	ids.draftMinutes = (
		await createMinutes(db, circle, later.id, { body: 'Entwurf: Windkraft am Stadtrand.', status: 'draft' })
	).id;
	const draftMeeting = await createCircleMeeting(db, networkId, circle.id, {
		titleDe: 'Geplante Sitzung',
		status: 'draft'
	});
	await createAgendaItem(db, circle, draftMeeting.id, { title: 'Windkraft Vorbesprechung' });
	ids.document = (await createDocumentRow(db, circle, { name: 'Marktanalyse Wärmepumpen.pdf' })).id;
	await createDocumentRow(db, circle, {
		name: 'Veraltete Wärmepumpe Kalkulation.pdf',
		deletedAt: new Date()
	});

	// The other circle: the same words, never found from the first.
	const foreign = await createThread(db, otherCircle, {
		title: 'Batterien und Fahrräder',
		body: 'Solaranlage, Wärmepumpen, Windkraft, Lastenfahrrad.'
	});
	ids.foreignThread = foreign.thread.id;
	const foreignMeeting = await createCircleMeeting(db, networkId, otherCircle.id, { titleDe: 'Fremd' });
	await createMinutes(db, otherCircle, foreignMeeting.id, { body: 'Solaranlage Windkraft Batterie' });
	await createAgendaItem(db, otherCircle, foreignMeeting.id, { title: 'Lastenfahrrad Batterie' });
	await createDocumentRow(db, otherCircle, { name: 'Batterie Wärmepumpen.pdf' });
});

afterAll(async () => {
	await database?.close();
});

function searchRequest(actor: Actor, query: string | null, slug = circle.slug) {
	const url = new URL(`http://knotenpunkt.test/circles/${slug}/search`);
	if (query !== null) url.searchParams.set('q', query);
	return {
		params: { slug },
		locals: { actor, locale: 'de', network: { id: networkId }, origin: 'http://knotenpunkt.test' },
		url
	} as never;
}

type SearchData = Exclude<Awaited<ReturnType<typeof loadSearch>>, void>;
const search = async (name: string, query: string | null) =>
	(await loadSearch(searchRequest(actors[name]!, query))) as SearchData;
const hrefs = (data: SearchData) => (data.results ?? []).map((result) => result.href);

async function status(run: () => Promise<unknown>) {
	try {
		await run();
		return 200;
	} catch (error) {
		return (error as { status: number }).status;
	}
}

describe('search inside a circle', () => {
	it('stems German words: "Batterien" finds "Batterie", "Fahrrad" finds "Fahrräder"', async () => {
		const batteries = await search('member', 'Batterien');
		expect(hrefs(batteries)).toContain(`/circles/${circle.slug}/threads/${ids.batteryThread}`);
		expect(hrefs(batteries)).toContain(
			`/circles/${circle.slug}/threads/${ids.batteryThread}#post-${ids.batteryOpening}`
		);
		const bike = await search('member', 'Fahrrad');
		expect(hrefs(bike)).toEqual([
			`/circles/${circle.slug}/threads/${ids.batteryThread}#post-${ids.bikesPost}`
		]);
		const marked = bike.results![0]!.snippet.filter((part) => part.marked).map((part) => part.text);
		expect(marked).toEqual(['Fahrräder']);
		expect(bike.results![0]!.context).toBe('Batterie-Recycling im Landkreis');
	});

	it('finds each content type with its link, and nothing of another circle', async () => {
		const agenda = await search('member', 'Lastenfahrrad');
		expect(agenda.results!.map((r) => [r.type, r.href, r.context])).toEqual([
			['agenda', `/circles/${circle.slug}/meetings/${ids.meeting}#item-${ids.agenda}`, 'Frühjahrssitzung']
		]);
		const minutes = await search('member', 'Solaranlage');
		expect(minutes.results!.map((r) => [r.type, r.href, r.title, r.draft])).toEqual([
			['minutes', `/circles/${circle.slug}/meetings/${ids.meeting}/minutes`, 'Frühjahrssitzung', false]
		]);
		const documents = await search('member', 'Wärmepumpe');
		expect(documents.results!.map((r) => [r.type, r.href])).toEqual([
			['document', `/circles/${circle.slug}/documents/${ids.document}`]
		]);
		expect(documents.results![0]!.titleParts.filter((p) => p.marked).map((p) => p.text)).toEqual([
			'Wärmepumpen'
		]);
		for (const data of [agenda, minutes, documents, await search('member', 'Batterie')])
			for (const href of hrefs(data)) expect(href.startsWith(`/circles/${circle.slug}/`)).toBe(true);
	});

	it('shows draft minutes and the agenda of unpublished meetings to the leads only', async () => {
		expect(hrefs(await search('member', 'Windkraft'))).toEqual([]);
		const lead = await search('lead', 'Windkraft');
		expect(lead.results!.map((r) => r.type).sort()).toEqual(['agenda', 'minutes']);
		const draft = lead.results!.find((r) => r.type === 'minutes')!;
		expect(draft.draft).toBe(true);
		expect(draft.href).toBe(`/circles/${circle.slug}/meetings/${ids.laterMeeting}/minutes`);
	});

	it('leaves out deleted posts, threads and documents', async () => {
		expect(hrefs(await search('lead', 'Zinkluftzellen'))).toEqual([]);
		expect(hrefs(await search('lead', 'Geothermie'))).toEqual([]);
		expect(hrefs(await search('lead', 'Tiefengeothermie'))).toEqual([]);
		expect(hrefs(await search('lead', 'Kalkulation'))).toEqual([]);
	});

	it('refuses people who may not read the confidential circle', async () => {
		expect(await status(() => search('outsider', 'Batterie'))).toBe(403);
		expect(await status(() => search('anonymous', 'Batterie'))).toBe(303);
		expect(await status(() => loadSearch(searchRequest(actors.member!, 'x', 'kein-kreis')))).toBe(404);
	});

	it('answers an empty query with the hint and a long one with a field error', async () => {
		for (const query of [null, '', '   ']) {
			const data = await search('member', query);
			expect(data.results).toBeNull();
			expect(data.errors).toEqual({});
		}
		const long = await search('member', 'a'.repeat(201));
		expect(long.results).toBeNull();
		expect(long.errors.q).toBe('Der Suchbegriff darf höchstens 200 Zeichen lang sein.');
		expect((await search('member', 'a'.repeat(200))).errors).toEqual({});
	});

	it('survives queries that are not valid tsquery syntax', async () => {
		for (const query of ['"', '-', 'or', '!:*&|()', "'; drop table circles; --"])
			expect((await search('member', query)).results).toBeInstanceOf(Array);
	});

	it('gives the page plain text only: stored markup stays text, highlights are data, not HTML', async () => {
		const data = await search('member', 'Sicherheitslücke');
		expect(hrefs(data)).toEqual([`/circles/${circle.slug}/threads/${ids.batteryThread}#post-${ids.xssPost}`]);
		const [hit] = data.results!;
		for (const part of [...hit!.snippet, ...hit!.titleParts]) {
			expect(Object.keys(part).sort()).toEqual(['marked', 'text']);
			expect(typeof part.text).toBe('string');
		}
		expect(hit!.snippet.filter((part) => part.marked).map((part) => part.text)).toEqual(['Sicherheitslücke']);
		// No highlighting markup of ours (ts_headline's <b>, <mark>) anywhere in the data.
		const json = JSON.stringify(data);
		expect(json).not.toMatch(/<\/?(b|mark)>/);
		// And the pages render it as text: no {@html} in the search page or its components.
		for (const file of [
			'src/routes/circles/[slug]/search/+page.svelte',
			'src/lib/components/circles/search/SearchResults.svelte',
			'src/lib/components/circles/search/Highlighted.svelte'
		])
			expect(readFileSync(file, 'utf8')).not.toContain('{@html');
	});
});
