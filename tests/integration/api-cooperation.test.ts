import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { createApiToken } from '../../src/lib/server/api/mutations.ts';
import { listCooperationProfiles, showCooperationProfile } from '../../src/lib/server/api/endpoints.ts';
import type { ApiContext } from '../../src/lib/server/api/http.ts';
import {
	apiCooperationProfileListSchema,
	apiCooperationProfileSchema
} from '../../src/lib/server/api/cooperation-schemas.ts';
import {
	cooperationProfileExample,
	cooperationProfileListExample
} from '../../src/lib/server/api/cooperation-examples.ts';
import { apiErrorSchema } from '../../src/lib/api/schemas.ts';

type Network = Awaited<ReturnType<typeof createNetwork>>;
type Profile = Awaited<ReturnType<typeof createProfile>>;
type Body = {
	data: { id: string; owner: Record<string, unknown> }[];
	total: number;
	page: number;
	pageSize: number;
};

const context = { ipAddress: '198.51.100.1', userAgent: 'vitest' };

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let networkA: Network;
let networkB: Network;
let ownerOrg: Awaited<ReturnType<typeof createOrganisation>>;
let otherOrg: Awaited<ReturnType<typeof createOrganisation>>;
const tokens: Record<string, string> = {};
const actors: Record<string, Actor> = {};
const p: Record<string, Profile> = {};
let clientCounter = 0;

beforeAll(async () => {
	database = await useFreshDatabase();
	const db = database.db;
	networkA = await createNetwork(db, { name: 'Kompetenznetz A' });
	networkB = await createNetwork(db);
	const materials = await createCompetence(db, networkA.id, { slug: 'materials', nameDe: 'Werkstoffe' });
	const lightweight = await createCompetence(db, networkA.id, {
		slug: 'lightweight',
		nameDe: 'Leichtbau',
		nameEn: 'Lightweight construction',
		parent: materials
	});
	ownerOrg = await createOrganisation(db, networkA.id, {
		name: 'Hasetal Präzisionsteile GmbH',
		slug: 'hasetal-praezisionsteile',
		employees: 80,
		district: 'Landkreis Osnabrück'
	});
	otherOrg = await createOrganisation(db, networkA.id, { name: 'Emsland Antriebe AG' });

	const office = await createUser(db);
	await grantNetworkRole(db, networkA.id, office.id, 'office');
	const officeActor = await loadActor(networkA.id, office);
	const ownerAdmin = await createUser(db);
	await grantNetworkRole(db, networkA.id, ownerAdmin.id, 'member');
	await addToOrganisation(db, networkA.id, ownerOrg.id, ownerAdmin.id, 'org_admin');
	const member = await createUser(db);
	await grantNetworkRole(db, networkA.id, member.id, 'member');
	await addToOrganisation(db, networkA.id, otherOrg.id, member.id, 'org_member');
	const outsider = await createUser(db);
	for (const [role, user] of Object.entries({ office, ownerAdmin, member, outsider })) {
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
	p.publicOffer = await createProfile(db, networkA.id, ownerOrg.id, {
		type: 'technology_offer',
		visibility: 'public_anonymous',
		title: 'Leichtbau-Batteriegehäuse aus CFK',
		summary: 'Gehäuse für Batteriemodule.',
		descriptionDe: 'Serienreif.',
		descriptionEn: 'Ready for series.',
		keywords: ['Crashtest'],
		drivetrains: ['bev'],
		trl: 6,
		partnershipKinds: ['licence'],
		competenceIds: [lightweight.id],
		publishedAt: new Date(now - DAY)
	});
	p.publicCapacity = await createProfile(db, networkA.id, otherOrg.id, {
		type: 'capacity_offer',
		visibility: 'public_anonymous',
		title: 'Freie Fräskapazität',
		trl: 5,
		publishedAt: new Date(now - 2 * DAY)
	});
	p.membersRequest = await createProfile(db, networkA.id, otherOrg.id, {
		type: 'technology_request',
		visibility: 'members',
		title: 'Prüfstand für Wasserstofftanks gesucht',
		drivetrains: ['hydrogen'],
		publishedAt: new Date(now - 3 * DAY)
	});
	p.expired = await createProfile(db, networkA.id, ownerOrg.id, {
		visibility: 'public_anonymous',
		title: 'Abgelaufen',
		expiresAt: new Date(now - DAY)
	});
	p.draft = await createProfile(db, networkA.id, ownerOrg.id, {
		status: 'draft',
		visibility: 'public_anonymous',
		title: 'Entwurf'
	});
	p.otherDraft = await createProfile(db, networkA.id, otherOrg.id, {
		status: 'in_review',
		title: 'In Prüfung'
	});
	const orgB = await createOrganisation(db, networkB.id);
	p.ofB = await createProfile(db, networkB.id, orgB.id, { visibility: 'public_anonymous', title: 'Netz B' });
});
afterAll(() => database.close());

const DAY = 86_400_000;

function ctx(path: string, options: { token?: string; network?: Network; locale?: 'de' | 'en' } = {}) {
	const url = new URL(`http://knotenpunkt.test/api/v1${path}`);
	const headers: Record<string, string> = {};
	if (options.token) headers.authorization = `Bearer ${options.token}`;
	const network = options.network ?? networkA;
	return {
		request: new Request(url, { headers }),
		url,
		networkId: network.id,
		locale: options.locale ?? 'en',
		clientAddress: `192.0.2.${++clientCounter % 250}`,
		requestId: 'req-test'
	} satisfies ApiContext;
}

async function list(query: string, token?: string) {
	const response = await listCooperationProfiles(ctx(`/cooperation-profiles${query}`, { token }));
	return { response, body: (await response.json()) as Body };
}

async function show(id: string, token?: string, network?: Network) {
	const response = await showCooperationProfile(ctx(`/cooperation-profiles/${id}`, { token, network }), id);
	return { response, body: await response.json() };
}

async function expectError(response: Response, status: number, code: string) {
	expect(response.status).toBe(status);
	expect(response.headers.get('cache-control')).toBe('no-store');
	const body = await response.json();
	expect(apiErrorSchema.parse(body)).toEqual(body);
	expect(body.error.code).toBe(code);
	return body as { error: { message: string; details?: { fields: Record<string, string> } } };
}

const ids = (body: Body) => body.data.map((item) => item.id);

describe('GET /cooperation-profiles', () => {
	it('gives anonymous callers the live public profiles, owners anonymous, in the documented shape', async () => {
		const { response, body } = await list('');
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('public, max-age=60');
		expect(apiCooperationProfileListSchema.parse(body)).toEqual(body);
		expect(ids(body)).toEqual([p.publicOffer!.id, p.publicCapacity!.id]);
		expect(body.total).toBe(2);
		expect(body.data[0]).toEqual({
			id: p.publicOffer!.id,
			type: 'technology_offer',
			status: 'published',
			visibility: 'public_anonymous',
			title: 'Leichtbau-Batteriegehäuse aus CFK',
			summary: 'Gehäuse für Batteriemodule.',
			description: { de: 'Serienreif.', en: 'Ready for series.' },
			competencies: [
				{
					id: expect.any(String),
					path: 'materials.lightweight',
					name: { de: 'Leichtbau', en: 'Lightweight construction' }
				}
			],
			keywords: ['Crashtest'],
			drivetrains: ['bev'],
			trl: 6,
			partnershipKinds: ['licence'],
			publishedAt: p.publicOffer!.publishedAt!.toISOString(),
			expiresAt: p.publicOffer!.expiresAt!.toISOString(),
			owner: {
				anonymous: true,
				kind: 'member_company',
				sizeClass: 'medium',
				district: 'Landkreis Osnabrück'
			},
			url: `http://knotenpunkt.test/cooperation/${p.publicOffer!.id}`
		});
		// A capacity offer has no technology readiness level, whatever is stored.
		expect(body.data[1]!.owner).toEqual({
			anonymous: true,
			kind: 'member_company',
			sizeClass: null,
			district: null
		});
		expect((body.data[1] as unknown as { trl: number | null }).trl).toBeNull();
		const text = JSON.stringify(body);
		for (const secret of [ownerOrg.name, ownerOrg.slug, ownerOrg.id, otherOrg.name, otherOrg.id])
			expect(text).not.toContain(secret);
	});

	it('lists, for every token, exactly the live profiles its user may view', async () => {
		const all = Object.values(p);
		for (const [role, actor] of Object.entries(actors)) {
			const { response, body } = await list('?pageSize=100', tokens[role]);
			expect(response.status, role).toBe(200);
			const expected = all
				.filter((profile) => profile.networkId === networkA.id && isLive(profile))
				.filter((profile) => can(actor, 'cooperation.profile.view', profileResource(profile)))
				.map((profile) => profile.id)
				.sort();
			expect(ids(body).sort(), role).toEqual(expected);
		}
		const member = await list('', tokens.member);
		expect(member.response.headers.get('cache-control')).toBe('no-store');
		expect(ids(member.body)).toEqual([p.publicOffer!.id, p.publicCapacity!.id, p.membersRequest!.id]);
		// The members' profile names its owner; another organisation's anonymous one does not.
		const byId = new Map(member.body.data.map((item) => [item.id, item.owner]));
		expect(byId.get(p.membersRequest!.id)).toEqual({
			anonymous: false,
			id: otherOrg.id,
			name: 'Emsland Antriebe AG',
			slug: otherOrg.slug,
			kind: 'member_company',
			sizeClass: null,
			district: null
		});
		expect(byId.get(p.publicOffer!.id)).toMatchObject({ anonymous: true });
		expect(byId.get(p.publicCapacity!.id)).toMatchObject({ anonymous: false, name: 'Emsland Antriebe AG' });
		const owner = await list('', tokens.ownerAdmin);
		expect(
			new Map(owner.body.data.map((item) => [item.id, item.owner])).get(p.publicOffer!.id)
		).toMatchObject({
			anonymous: false,
			name: 'Hasetal Präzisionsteile GmbH'
		});
		// Drafts, profiles in review and expired ones are never listed, not even to the office.
		const office = ids((await list('?pageSize=100', tokens.office)).body);
		for (const hidden of [p.draft!, p.otherDraft!, p.expired!, p.ofB!])
			expect(office).not.toContain(hidden.id);
	});

	it('filters by type, competence (with its subtree), drivetrain, partnership and text; pages', async () => {
		expect(ids((await list('?type=capacity_offer')).body)).toEqual([p.publicCapacity!.id]);
		expect(ids((await list('?competence=materials')).body)).toEqual([p.publicOffer!.id]);
		expect(ids((await list('?competence=materials.lightweight')).body)).toEqual([p.publicOffer!.id]);
		expect(ids((await list('?drivetrain=hydrogen', tokens.member)).body)).toEqual([p.membersRequest!.id]);
		expect(ids((await list('?drivetrain=hydrogen')).body)).toEqual([]);
		expect(ids((await list('?partnership=licence')).body)).toEqual([p.publicOffer!.id]);
		expect(ids((await list('?q=Batteriegeh%C3%A4use')).body)).toEqual([p.publicOffer!.id]);
		expect(ids((await list('?q=Hasetal', tokens.member)).body)).toEqual([]);
		expect(ids((await list('?q=Emsland', tokens.member)).body)).toEqual([]);
		const second = await list('?pageSize=1&page=2');
		expect(second.body).toMatchObject({ page: 2, pageSize: 1, total: 2 });
		expect(ids(second.body)).toEqual([p.publicCapacity!.id]);
	});

	it('answers 400 naming each invalid parameter, and 401 for an invalid token', async () => {
		const response = await listCooperationProfiles(
			ctx('/cooperation-profiles?type=offer&drivetrain=diesel&competence=Not%20a%20path&pageSize=500')
		);
		const body = await expectError(response, 400, 'VALIDATION');
		expect(Object.keys(body.error.details!.fields).sort()).toEqual([
			'competence',
			'drivetrain',
			'pageSize',
			'type'
		]);
		expect(body.error.details!.fields.pageSize).toBe('The value must be at most 100.');
		await expectError(
			await listCooperationProfiles(ctx('/cooperation-profiles', { token: 'kp_wrong' })),
			401,
			'UNAUTHENTICATED'
		);
	});
});

describe('GET /cooperation-profiles/{id}', () => {
	it('shows a public profile to everyone, with the owner as the caller may know it', async () => {
		const anonymous = await show(p.publicOffer!.id);
		expect(anonymous.response.status).toBe(200);
		expect(apiCooperationProfileSchema.parse(anonymous.body)).toEqual(anonymous.body);
		expect(anonymous.body.owner).toEqual({
			anonymous: true,
			kind: 'member_company',
			sizeClass: 'medium',
			district: 'Landkreis Osnabrück'
		});
		expect((await show(p.publicOffer!.id, tokens.member)).body.owner).toMatchObject({ anonymous: true });
		expect((await show(p.publicOffer!.id, tokens.office)).body.owner).toMatchObject({
			anonymous: false,
			id: ownerOrg.id,
			name: 'Hasetal Präzisionsteile GmbH'
		});
	});

	it('answers the same 404 for what the caller may not view, unknown, malformed and foreign ids', async () => {
		const cases: [string, string | undefined, number][] = [
			[p.membersRequest!.id, undefined, 404],
			[p.membersRequest!.id, tokens.outsider, 404],
			[p.membersRequest!.id, tokens.member, 200],
			[p.draft!.id, undefined, 404],
			[p.draft!.id, tokens.member, 404],
			[p.draft!.id, tokens.ownerAdmin, 200],
			[p.draft!.id, tokens.office, 200],
			[p.otherDraft!.id, tokens.ownerAdmin, 404],
			[p.expired!.id, undefined, 404],
			[p.expired!.id, tokens.member, 404],
			[p.expired!.id, tokens.ownerAdmin, 200],
			[p.ofB!.id, undefined, 404],
			[p.ofB!.id, tokens.office, 404],
			[crypto.randomUUID(), undefined, 404],
			['not-a-uuid', tokens.office, 404]
		];
		for (const [id, token, status] of cases) {
			const { response, body } = await show(id, token);
			expect(response.status, `${id} ${token}`).toBe(status);
			if (status === 404) expect(body.error.code).toBe('NOT_FOUND');
		}
		expect((await show(p.ofB!.id, undefined, networkB)).response.status).toBe(200);
		expect((await show(p.draft!.id, tokens.ownerAdmin)).body.status).toBe('draft');
		expect((await show(p.expired!.id, tokens.ownerAdmin)).body.status).toBe('expired');
		const german = await showCooperationProfile(
			ctx(`/cooperation-profiles/${p.draft!.id}`, { locale: 'de' }),
			p.draft!.id
		);
		expect((await expectError(german, 404, 'NOT_FOUND')).error.message).toContain('Kooperationsprofil');
	});
});

describe('the examples', () => {
	it('are accepted by the schemas', () => {
		expect(apiCooperationProfileSchema.parse(cooperationProfileExample)).toEqual(cooperationProfileExample);
		expect(apiCooperationProfileListSchema.parse(cooperationProfileListExample)).toEqual(
			cooperationProfileListExample
		);
	});
});
