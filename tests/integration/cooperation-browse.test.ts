import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../helpers/database.ts';
import {
	addToOrganisation,
	createCompetence,
	createNetwork,
	createOrganisation,
	createUser,
	grantNetworkRole
} from '../../src/lib/server/testing/factories.ts';
import { createProfile } from '../../src/lib/server/testing/cooperation-factories.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import { anonymousActor, type Actor } from '../../src/lib/server/policy/actor.ts';
import { can } from '../../src/lib/server/policy/policy.ts';
import { isLive, profileResource } from '../../src/lib/server/cooperation/scope.ts';
import { listProfiles } from '../../src/lib/server/cooperation/browse/queries.ts';
import {
	cooperationProfiles,
	cooperationProfileViews,
	cooperationSteps
} from '../../src/lib/server/db/schema/index.ts';
import { isInert, xssPayloads } from '../../src/lib/server/testing/xss.ts';
import { load as listLoad } from '../../src/routes/cooperation/+page.server.ts';
import { load as detailLoad } from '../../src/routes/cooperation/[id]/+page.server.ts';

/**
 * The exchange's list and profile page through their real loads: who sees which profile, the
 * filters (a competence includes its subtree; the text search never looks at the owner's name),
 * drafts and other organisations' ids, view counting and inert user text.
 */
const origin = 'https://a.example';
const DAY = 86_400_000;

type Network = Awaited<ReturnType<typeof createNetwork>>;
type Profile = Awaited<ReturnType<typeof createProfile>>;
type ListData = Exclude<Awaited<ReturnType<typeof listLoad>>, void>;
type DetailData = Exclude<Awaited<ReturnType<typeof detailLoad>>, void>;

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let network: Network;
let networkB: Network;
const actors: Record<string, Actor> = {};
const p: Record<string, Profile> = {};
let ownerOrg: Awaited<ReturnType<typeof createOrganisation>>;
let otherOrg: Awaited<ReturnType<typeof createOrganisation>>;

function pageEvent(actor: Actor, path: string, params: Record<string, string> = {}, net = network) {
	const url = new URL(`${origin}${path}`);
	return {
		url,
		params,
		request: new Request(url),
		locals: { actor, network: net, locale: 'de' as const, origin },
		parent: async () => ({})
	} as never;
}

async function list(who: string, search = ''): Promise<ListData> {
	return (await listLoad(pageEvent(actors[who]!, `/cooperation${search}`))) as ListData;
}
const listedIds = async (who: string, search = '') => (await list(who, search)).profiles.map((c) => c.id);

async function detail(who: string, id: string): Promise<DetailData> {
	return (await detailLoad(pageEvent(actors[who]!, `/cooperation/${id}`, { id }))) as DetailData;
}

/** What a route answers: 'data', or the status of what it throws. */
async function outcome(run: () => unknown): Promise<number | 'data'> {
	try {
		await run();
		return 'data';
	} catch (thrown) {
		const status = (thrown as { status?: number }).status;
		if (typeof status === 'number') return status;
		throw thrown;
	}
}

beforeAll(async () => {
	database = await useFreshDatabase();
	const db = database.db;
	network = await createNetwork(db);
	networkB = await createNetwork(db);
	const technologies = await createCompetence(db, network.id, {
		slug: 'technologies',
		nameDe: 'Technologien'
	});
	const battery = await createCompetence(db, network.id, {
		slug: 'battery',
		nameDe: 'Batterie',
		nameEn: 'Battery',
		parent: technologies
	});
	const cells = await createCompetence(db, network.id, { slug: 'cells', nameDe: 'Zellen', parent: battery });
	const production = await createCompetence(db, network.id, { slug: 'production', nameDe: 'Produktion' });

	ownerOrg = await createOrganisation(db, network.id, {
		name: 'Hasetal Leichtbau GmbH',
		employees: 120,
		district: 'Landkreis Osnabrück'
	});
	otherOrg = await createOrganisation(db, network.id, { name: 'Emsland Antriebe AG' });
	const agency = await createOrganisation(db, network.id, {
		name: 'Wirtschaftsförderung',
		kind: 'support_agency'
	});

	const people: Record<
		string,
		{ role?: 'member' | 'partner' | 'office' | 'board'; org?: string; orgRole?: 'org_admin' | 'org_member' }
	> = {
		ownerAdmin: { role: 'member', org: ownerOrg.id, orgRole: 'org_admin' },
		ownerMember: { role: 'member', org: ownerOrg.id, orgRole: 'org_member' },
		otherMember: { role: 'member', org: otherOrg.id, orgRole: 'org_member' },
		otherAdmin: { role: 'member', org: otherOrg.id, orgRole: 'org_admin' },
		partner: { role: 'partner', org: agency.id, orgRole: 'org_member' },
		office: { role: 'office' },
		board: { role: 'board' },
		outsider: {}
	};
	for (const [who, spec] of Object.entries(people)) {
		const user = await createUser(db, { name: `Person ${who}` });
		if (spec.role) await grantNetworkRole(db, network.id, user.id, spec.role);
		if (spec.org) await addToOrganisation(db, network.id, spec.org, user.id, spec.orgRole!);
		actors[who] = await loadActor(network.id, user);
	}
	actors.visitor = anonymousActor(network.id);

	const now = Date.now();
	p.publicOffer = await createProfile(db, network.id, ownerOrg.id, {
		type: 'technology_offer',
		visibility: 'public_anonymous',
		title: 'Leichtbau-Batteriegehäuse aus CFK',
		summary: 'Wir bieten Gehäuse für Batteriemodule.',
		descriptionDe: 'Serienreife **Faserverbund**-Gehäuse.',
		descriptionEn: 'Production-ready *composite* housings.',
		keywords: ['Faserverbund', 'Crashtest'],
		drivetrains: ['bev'],
		trl: 7,
		partnershipKinds: ['joint_development'],
		competenceIds: [cells.id],
		publishedAt: new Date(now - 2 * DAY)
	});
	p.membersRequest = await createProfile(db, network.id, otherOrg.id, {
		type: 'technology_request',
		visibility: 'members',
		title: 'Wasserstofftank-Prüfstand gesucht',
		summary: 'Prüfstand für Drucktanks.',
		drivetrains: ['hydrogen'],
		partnershipKinds: ['supply'],
		competenceIds: [production.id],
		publishedAt: new Date(now - DAY)
	});
	p.publicCapacity = await createProfile(db, network.id, otherOrg.id, {
		type: 'capacity_offer',
		visibility: 'public_anonymous',
		title: 'Freie Fräskapazität',
		summary: 'Fünfachsfräsen frei ab sofort.',
		competenceIds: [battery.id],
		publishedAt: new Date(now - 3 * DAY)
	});
	p.expired = await createProfile(db, network.id, otherOrg.id, {
		visibility: 'public_anonymous',
		title: 'Abgelaufenes Batterie-Angebot',
		expiresAt: new Date(now - DAY)
	});
	p.draft = await createProfile(db, network.id, ownerOrg.id, { status: 'draft', title: 'Batterie Entwurf' });
	p.inReview = await createProfile(db, network.id, ownerOrg.id, {
		status: 'in_review',
		visibility: 'public_anonymous',
		title: 'Batterie in Prüfung'
	});
	p.rejected = await createProfile(db, network.id, ownerOrg.id, {
		status: 'changes_requested',
		title: 'Batterie mit Änderungswunsch',
		reviewNote: 'Bitte die Zielgruppe genauer beschreiben.'
	});
	p.otherDraft = await createProfile(db, network.id, otherOrg.id, {
		status: 'draft',
		title: 'Fremder Entwurf'
	});
	const orgB = await createOrganisation(db, networkB.id);
	p.ofB = await createProfile(db, networkB.id, orgB.id, {
		visibility: 'public_anonymous',
		title: 'Batterie in Netz B'
	});
});
afterAll(() => database.close());

describe('the list', () => {
	it('lists, for every role, exactly the live profiles the policy lets them view', async () => {
		const all = Object.values(p);
		for (const [who, actor] of Object.entries(actors)) {
			const expected = all
				.filter((profile) => profile.networkId === network.id && isLive(profile))
				.filter((profile) => can(actor, 'cooperation.profile.view', profileResource(profile)))
				.map((profile) => profile.id)
				.sort();
			expect((await listedIds(who)).sort(), who).toEqual(expected);
		}
		expect((await listedIds('visitor')).sort()).toEqual([p.publicOffer!.id, p.publicCapacity!.id].sort());
		expect((await listedIds('outsider')).sort()).toEqual([p.publicOffer!.id, p.publicCapacity!.id].sort());
		for (const who of ['otherMember', 'partner', 'board', 'office', 'ownerMember'])
			expect((await listedIds(who)).sort(), who).toEqual(
				[p.publicOffer!.id, p.publicCapacity!.id, p.membersRequest!.id].sort()
			);
		// Newest first without a search.
		expect(await listedIds('otherMember')).toEqual([
			p.membersRequest!.id,
			p.publicOffer!.id,
			p.publicCapacity!.id
		]);
	});

	it('never lists drafts, profiles in review, with changes requested, expired or of another network', async () => {
		for (const who of Object.keys(actors)) {
			const ids = await listedIds(who, '?q=Batterie');
			for (const hidden of ['draft', 'inReview', 'rejected', 'expired', 'otherDraft', 'ofB'])
				expect(ids, `${who} ${hidden}`).not.toContain(p[hidden]!.id);
		}
	});

	it('filters by type, drivetrain and partnership kind', async () => {
		expect(await listedIds('otherMember', '?type=technology_offer')).toEqual([p.publicOffer!.id]);
		expect(await listedIds('otherMember', '?type=technology_request')).toEqual([p.membersRequest!.id]);
		expect(await listedIds('visitor', '?type=technology_request')).toEqual([]);
		expect(await listedIds('otherMember', '?drivetrain=hydrogen')).toEqual([p.membersRequest!.id]);
		expect(await listedIds('otherMember', '?drivetrain=bev')).toEqual([p.publicOffer!.id]);
		expect(await listedIds('otherMember', '?partnership=supply')).toEqual([p.membersRequest!.id]);
		expect(await listedIds('otherMember', '?type=technology_offer&drivetrain=hydrogen')).toEqual([]);
		// Unknown values are dropped, not errors.
		const loose = await list('otherMember', '?type=nonsense&drivetrain=diesel&page=abc');
		expect(loose.query).toMatchObject({ type: null, drivetrain: null, page: 1 });
		expect(loose.profiles).toHaveLength(3);
	});

	it('filters by a competence with its whole subtree', async () => {
		// publicOffer names "cells" (below battery below technologies); publicCapacity names "battery".
		expect((await listedIds('otherMember', '?competence=technologies')).sort()).toEqual(
			[p.publicOffer!.id, p.publicCapacity!.id].sort()
		);
		expect((await listedIds('otherMember', '?competence=technologies.battery')).sort()).toEqual(
			[p.publicOffer!.id, p.publicCapacity!.id].sort()
		);
		expect(await listedIds('otherMember', '?competence=technologies.battery.cells')).toEqual([
			p.publicOffer!.id
		]);
		expect(await listedIds('otherMember', '?competence=production')).toEqual([p.membersRequest!.id]);
		// A path prefix that is not a parent ("tech" of "technologies") matches nothing.
		expect(await listedIds('otherMember', '?competence=tech')).toEqual([]);
		const data = await list('visitor');
		expect(data.competencies.map((c) => [c.path, c.depth])).toEqual([
			['production', 0],
			['technologies', 0],
			['technologies.battery', 1],
			['technologies.battery.cells', 2]
		]);
	});

	it("searches the profile's own words in German (stemmed, websearch syntax), best match first", async () => {
		expect(await listedIds('visitor', '?q=Batteriegehäuse')).toEqual([p.publicOffer!.id]);
		expect(await listedIds('visitor', '?q=Gehäuse')).toEqual([p.publicOffer!.id]);
		// Keywords and the description count; stemming finds the plural.
		expect(await listedIds('visitor', '?q=Crashtests')).toEqual([p.publicOffer!.id]);
		expect(await listedIds('visitor', '?q=composite')).toEqual([p.publicOffer!.id]);
		expect(await listedIds('otherMember', '?q=Prüfstand')).toEqual([p.membersRequest!.id]);
		expect(await listedIds('otherMember', '?q=Prüfstand -Wasserstofftank')).toEqual([]);
		expect(await listedIds('visitor', '?q=Prüfstand')).toEqual([]);
	});

	it("never finds a profile by its owner's name", async () => {
		for (const who of Object.keys(actors)) {
			expect(await listedIds(who, '?q=Hasetal'), who).toEqual([]);
			expect(await listedIds(who, `?q=${encodeURIComponent('"Hasetal Leichtbau GmbH"')}`), who).toEqual([]);
			expect(await listedIds(who, '?q=Emsland'), who).toEqual([]);
		}
	});

	it('pages through the list with a total', async () => {
		const db = database.db;
		const many = await createNetwork(db);
		const org = await createOrganisation(db, many.id);
		const now = Date.now();
		for (let i = 0; i < 23; i++)
			await createProfile(db, many.id, org.id, {
				visibility: 'public_anonymous',
				title: `Profil ${i}`,
				publishedAt: new Date(now - i * 60_000)
			});
		const visitor = anonymousActor(many.id);
		const first = (await listLoad(pageEvent(visitor, '/cooperation', {}, many))) as ListData;
		expect(first.total).toBe(23);
		expect(first.pages).toBe(2);
		expect(first.profiles.map((c) => c.title)).toEqual(Array.from({ length: 20 }, (_, i) => `Profil ${i}`));
		const second = (await listLoad(pageEvent(visitor, '/cooperation?page=2', {}, many))) as ListData;
		expect(second.profiles.map((c) => c.title)).toEqual(['Profil 20', 'Profil 21', 'Profil 22']);
		const beyond = (await listLoad(pageEvent(visitor, '/cooperation?page=5', {}, many))) as ListData;
		expect(beyond.profiles).toEqual([]);
		expect(beyond.total).toBe(23);
		const direct = await listProfiles(visitor, many.id, { page: 1, pageSize: 5, q: 'Profil' });
		expect(direct.total).toBe(23);
		expect(direct.items).toHaveLength(5);
	});

	it('shows the create and "my profiles" links only to those who may use them', async () => {
		expect(await list('visitor')).toMatchObject({ mayCreate: false, hasOrganisation: false });
		expect(await list('outsider')).toMatchObject({ mayCreate: false, hasOrganisation: false });
		expect(await list('ownerMember')).toMatchObject({ mayCreate: false, hasOrganisation: true });
		expect(await list('ownerAdmin')).toMatchObject({ mayCreate: true, hasOrganisation: true });
		expect(await list('office')).toMatchObject({ mayCreate: true, hasOrganisation: false });
		expect(await list('board')).toMatchObject({ mayCreate: false });
	});

	it('shows cards with type, competencies, drivetrains, TRL, expiry and the owner as the reader may know it', async () => {
		const card = (await list('visitor')).profiles.find((c) => c.id === p.publicOffer!.id)!;
		expect(card).toMatchObject({
			type: 'technology_offer',
			title: 'Leichtbau-Batteriegehäuse aus CFK',
			summary: 'Wir bieten Gehäuse für Batteriemodule.',
			competencies: ['Zellen'],
			drivetrains: ['bev'],
			trl: 7,
			partnershipKinds: ['joint_development'],
			owner: { anonymous: true, kind: 'member_company', sizeClass: 'medium', district: 'Landkreis Osnabrück' }
		});
		expect(card.expires).toMatch(/\d{4}/);
		// A members' profile names its owner to the network, with a link to the directory.
		const members = (await list('otherAdmin')).profiles.find((c) => c.id === p.membersRequest!.id)!;
		expect(members.owner).toEqual({
			anonymous: false,
			name: 'Emsland Antriebe AG',
			href: `/directory/${otherOrg.id}`,
			kind: 'member_company',
			sizeClass: null,
			district: null
		});
		// Capacity offers have no TRL.
		expect((await list('visitor')).profiles.find((c) => c.id === p.publicCapacity!.id)!.trl).toBeNull();
	});
});

describe('the profile page', () => {
	it('answers 404 for drafts and profiles in review of other organisations, foreign and malformed ids', async () => {
		const cases: [string, string, number | 'data'][] = [
			['otherMember', p.draft!.id, 404],
			['otherAdmin', p.inReview!.id, 404],
			['partner', p.rejected!.id, 404],
			['outsider', p.inReview!.id, 404],
			['visitor', p.inReview!.id, 404],
			['visitor', p.draft!.id, 404],
			['ownerAdmin', p.otherDraft!.id, 404],
			['ownerMember', p.otherDraft!.id, 404],
			['ownerMember', p.expired!.id, 404],
			['partner', p.expired!.id, 404],
			['visitor', p.expired!.id, 404],
			['otherMember', p.expired!.id, 'data'],
			['ownerMember', p.draft!.id, 'data'],
			['ownerAdmin', p.inReview!.id, 'data'],
			['office', p.otherDraft!.id, 'data'],
			['board', p.draft!.id, 'data'],
			['otherAdmin', p.expired!.id, 'data']
		];
		const names = new Map(Object.entries(p).map(([name, profile]) => [profile.id, name]));
		for (const [who, id, expected] of cases)
			expect(await outcome(() => detail(who, id)), `${who} ${names.get(id)}`).toBe(expected);
		for (const who of Object.keys(actors)) {
			expect(await outcome(() => detail(who, p.ofB!.id)), who).toBe(404);
			expect(await outcome(() => detail(who, 'not-a-uuid')), who).toBe(404);
			expect(await outcome(() => detail(who, crypto.randomUUID())), who).toBe(404);
		}
		// It is there, for network B's visitors.
		const visitorOfB = anonymousActor(networkB.id);
		const ofB = pageEvent(visitorOfB, `/cooperation/${p.ofB!.id}`, { id: p.ofB!.id }, networkB);
		expect(await outcome(() => detailLoad(ofB))).toBe('data');
	});

	it('sends visitors to sign in for a live members profile; outsiders get 404', async () => {
		try {
			await detail('visitor', p.membersRequest!.id);
			expect.unreachable();
		} catch (thrown) {
			expect(thrown).toMatchObject({ status: 303, location: expect.stringContaining('/sign-in?next=') });
		}
		expect(await outcome(() => detail('outsider', p.membersRequest!.id))).toBe(404);
		expect(await outcome(() => detail('partner', p.membersRequest!.id))).toBe('data');
	});

	it('shows everything of the profile, the description in the reader language with fallback', async () => {
		const page = await detail('visitor', p.publicOffer!.id);
		expect(page.profile).toMatchObject({
			id: p.publicOffer!.id,
			type: 'technology_offer',
			state: 'published',
			title: 'Leichtbau-Batteriegehäuse aus CFK',
			competencies: ['Zellen'],
			keywords: ['Faserverbund', 'Crashtest'],
			drivetrains: ['bev'],
			trl: 7,
			partnershipKinds: ['joint_development']
		});
		expect(page.profile.descriptionHtml).toContain('<strong>Faserverbund</strong>');
		expect(page.meta.indexable).toBe(true);
		const english = (await detailLoad({
			...(pageEvent(actors.visitor!, `/cooperation/${p.publicOffer!.id}`, {
				id: p.publicOffer!.id
			}) as object),
			locals: { actor: actors.visitor, network, locale: 'en', origin }
		} as never)) as DetailData;
		expect(english.profile.descriptionHtml).toContain('<em>composite</em>');
		expect(english.profile.competencies).toEqual(['Zellen']);
		// No English description: the German one.
		const fallback = (await detailLoad({
			...(pageEvent(actors.otherMember!, `/cooperation/${p.membersRequest!.id}`, {
				id: p.membersRequest!.id
			}) as object),
			locals: { actor: actors.otherMember, network, locale: 'en', origin }
		} as never)) as DetailData;
		expect(fallback.profile.descriptionHtml).toBe('');
		expect(fallback.meta.indexable).toBe(false);
	});

	it('offers "express interest" to other organisations, sign-in to visitors, nothing to the owner', async () => {
		expect((await detail('otherMember', p.publicOffer!.id)).answer).toEqual({
			mayAnswer: true,
			openStatus: null,
			signIn: false
		});
		expect((await detail('partner', p.publicOffer!.id)).answer.mayAnswer).toBe(true);
		expect((await detail('visitor', p.publicOffer!.id)).answer).toEqual({
			mayAnswer: false,
			openStatus: null,
			signIn: true
		});
		expect((await detail('ownerAdmin', p.publicOffer!.id)).answer.mayAnswer).toBe(false);
		expect((await detail('office', p.publicOffer!.id)).answer.mayAnswer).toBe(false);
		expect((await detail('outsider', p.publicOffer!.id)).answer.mayAnswer).toBe(false);
		// Past its date: no answers, also not from the office (which still opens it).
		expect((await detail('office', p.expired!.id)).answer).toEqual({
			mayAnswer: false,
			openStatus: null,
			signIn: false
		});
	});

	it('shows the owner panel (state, office note, figures, timeline without office notes, commands) to owner, office and board only', async () => {
		const db = database.db;
		const at = (minutes: number) => new Date(Date.now() - (10 - minutes) * 60_000);
		await db.insert(cooperationSteps).values([
			{ networkId: network.id, profileId: p.rejected!.id, kind: 'submitted', createdAt: at(1) },
			{
				networkId: network.id,
				profileId: p.rejected!.id,
				kind: 'changes_requested',
				note: 'Bitte die Zielgruppe genauer beschreiben.',
				createdAt: at(2)
			},
			{
				networkId: network.id,
				profileId: p.rejected!.id,
				kind: 'office_note',
				note: 'Intern: Firma anrufen',
				createdAt: at(3)
			}
		]);
		const owner = await detail('ownerMember', p.rejected!.id);
		expect(owner.ownerPanel).toMatchObject({
			reviewNote: 'Bitte die Zielgruppe genauer beschreiben.',
			commands: [],
			mayEdit: false
		});
		expect(owner.ownerPanel!.steps.map((s) => s.kind)).toEqual(['submitted', 'changes_requested']);
		expect(JSON.stringify(owner)).not.toContain('Intern: Firma anrufen');
		const admin = await detail('ownerAdmin', p.rejected!.id);
		expect(admin.ownerPanel).toMatchObject({ commands: ['submit', 'withdraw'], mayEdit: true });
		const office = await detail('office', p.rejected!.id);
		expect(office.ownerPanel!.steps.map((s) => s.kind)).toEqual([
			'submitted',
			'changes_requested',
			'office_note'
		]);
		expect(office.ownerPanel!.commands).toEqual(['submit', 'withdraw']);
		const board = await detail('board', p.rejected!.id);
		expect(board.ownerPanel!.steps.map((s) => s.kind)).toContain('office_note');
		expect(board.ownerPanel!.commands).toEqual([]);
		expect((await detail('ownerAdmin', p.draft!.id)).ownerPanel!.commands).toEqual(['submit', 'withdraw']);
		expect((await detail('ownerAdmin', p.publicOffer!.id)).ownerPanel!.commands).toEqual([
			'reopen',
			'withdraw',
			'renew'
		]);
		for (const who of ['otherMember', 'partner', 'visitor', 'outsider'])
			expect((await detail(who, p.publicOffer!.id)).ownerPanel, who).toBeNull();
		// The office's note is shown only while changes are requested or after a rejection.
		await db
			.update(cooperationProfiles)
			.set({ reviewNote: 'alte Anmerkung' })
			.where(eq(cooperationProfiles.id, p.publicOffer!.id));
		expect((await detail('ownerAdmin', p.publicOffer!.id)).ownerPanel!.reviewNote).toBe('');
	});

	it('counts views: people outside the owner organisation once each, visitors each time, the owner never', async () => {
		const db = database.db;
		const id = p.publicCapacity!.id; // owned by otherOrg
		const viewers = async () =>
			(
				await db
					.select()
					.from(cooperationProfileViews)
					.where(
						and(eq(cooperationProfileViews.networkId, network.id), eq(cooperationProfileViews.profileId, id))
					)
			).map((row) => row.userId);
		const anonymous = async () =>
			(await db.select().from(cooperationProfiles).where(eq(cooperationProfiles.id, id)))[0]!.anonymousViews;
		expect(await viewers()).toEqual([]);
		const before = await anonymous();
		await detail('ownerMember', id);
		await detail('ownerMember', id);
		await detail('otherAdmin', id); // of the owner organisation
		await detail('otherMember', id);
		await Promise.all([detail('partner', id), detail('partner', id)]);
		await detail('visitor', id);
		await detail('visitor', id);
		expect((await viewers()).sort()).toEqual(
			[actors.ownerMember!.userId, actors.partner!.userId].sort() as string[]
		);
		expect(await anonymous()).toBe(before + 2);
		const figures = (await detail('otherAdmin', id)).ownerPanel!.figures;
		expect(figures).toMatchObject({ viewers: 2, anonymousViews: before + 2 });
		// Opening a draft counts nothing (the office reviewing it is no interest from the network).
		await detail('office', p.otherDraft!.id);
		expect(
			await db
				.select()
				.from(cooperationProfileViews)
				.where(eq(cooperationProfileViews.profileId, p.otherDraft!.id))
		).toEqual([]);
	});

	it('keeps payloads in title, summary and description inert', async () => {
		const db = database.db;
		for (const payload of xssPayloads) {
			const profile = await createProfile(db, network.id, otherOrg.id, {
				visibility: 'public_anonymous',
				title: `Titel ${payload}`,
				summary: `Kurz ${payload}`,
				descriptionDe: `Text ${payload}\n\n${payload}`
			});
			const page = await detail('visitor', profile.id);
			// Title and summary leave the server as typed text, for Svelte's escaping; never as HTML.
			expect(page.profile.title).toBe(`Titel ${payload}`);
			expect(page.profile.summary).toBe(`Kurz ${payload}`);
			expect(isInert(page.profile.descriptionHtml), `${payload} → ${page.profile.descriptionHtml}`).toBe(
				true
			);
		}
	});
});
