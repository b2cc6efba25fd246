import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../helpers/database.ts';
import {
	assignCompetencies,
	createCompetence,
	createNetwork,
	createOrganisation,
	createPerson,
	createUser,
	grantNetworkRole
} from '../../src/lib/server/testing/factories.ts';
import { refreshSearchDocuments } from '../../src/lib/server/directory/mutations.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import { createApiToken } from '../../src/lib/server/api/mutations.ts';
import { listOrganisations, showOrganisation } from '../../src/lib/server/api/endpoints.ts';
import type { ApiContext } from '../../src/lib/server/api/http.ts';
import {
	apiErrorSchema,
	organisationListSchema,
	organisationProfileSchema
} from '../../src/lib/api/schemas.ts';
import type { NetworkRole } from '../../src/lib/server/db/schema/roles.ts';

/**
 * The directory through the JSON API: the atlas's parameters and facets, and what each audience
 * sees. The data: two public-minded organisations, one that shows its competencies to members and
 * its facts to the office only, an applicant, and one organisation of another network.
 */
let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let networkId: string;
const ids: Record<string, string> = {};
const tokens: Record<'member' | 'office' | 'board', string> = { member: '', office: '', board: '' };
let clientCounter = 0;
const logoFileId = '6f1d2c3b-4a59-4e8f-9a7b-6c5d4e3f2a1b';

beforeAll(async () => {
	database = await useFreshDatabase();
	const db = database.db;
	networkId = (await createNetwork(db)).id;
	const otherNetworkId = (await createNetwork(db)).id;

	const technologies = await createCompetence(db, networkId, {
		slug: 'technologies',
		nameDe: 'Technologien',
		nameEn: 'Technologies'
	});
	const battery = await createCompetence(db, networkId, {
		slug: 'battery',
		nameDe: 'Batterietechnik',
		nameEn: 'Battery technology',
		parent: technologies
	});
	const cells = await createCompetence(db, networkId, {
		slug: 'cells',
		nameDe: 'Batteriezellen',
		nameEn: 'Battery cells',
		parent: battery
	});

	const cellMaker = await createOrganisation(db, networkId, {
		name: 'Hasezell Energiespeicher GmbH',
		slug: 'hasezell',
		district: 'Stadt Osnabrück',
		city: 'Osnabrück',
		employees: 1200,
		drivetrains: ['bev'],
		valueChain: 'tier1',
		certifications: ['ISO 9001'],
		shortDescriptionDe: 'Wir fertigen Zellen für Elektrofahrzeuge.',
		latitude: 52.27,
		longitude: 8.05,
		memberSince: 2016,
		logoFileId
	});
	await assignCompetencies(db, networkId, cellMaker.id, [cells.id]);
	const tyres = await createOrganisation(db, networkId, {
		name: 'Emsdettener Gummiwerk KG',
		district: 'Kreis Steinfurt',
		city: 'Emsdetten',
		kind: 'research',
		employees: 40,
		drivetrains: ['combustion'],
		valueChain: 'tier2',
		keywords: ['Fahrradreifen']
	});
	const secretive = await createOrganisation(db, networkId, {
		name: 'Verschwiegene Speicher AG',
		slug: 'verschwiegen',
		district: 'Kreis Steinfurt',
		city: 'Rheine',
		employees: 5000,
		drivetrains: ['hydrogen'],
		valueChain: 'oem',
		certifications: ['IATF 16949'],
		keywords: ['Geheimprojekt'],
		email: 'info@verschwiegen.example',
		memberSince: 2019,
		latitude: 52.28,
		longitude: 7.44,
		visibility: {
			description: 'public',
			contact: 'members',
			address: 'members',
			competencies: 'members',
			facts: 'office'
		}
	});
	await assignCompetencies(db, networkId, secretive.id, [battery.id]);
	await createPerson(db, networkId, {
		organisationId: secretive.id,
		firstName: 'Clara',
		lastName: 'Zustimmung',
		email: 'clara@verschwiegen.example',
		directoryConsentAt: new Date()
	});
	await createPerson(db, networkId, {
		organisationId: secretive.id,
		firstName: 'Nils',
		lastName: 'Ohnezustimmung'
	});
	const applicant = await createOrganisation(db, networkId, {
		name: 'Neuling Batteriesysteme GmbH',
		status: 'applicant',
		district: 'Stadt Osnabrück'
	});
	const foreign = await createOrganisation(db, otherNetworkId, {
		name: 'Fremde Batterie GmbH',
		slug: 'fremde-batterie',
		shortDescriptionDe: 'Batterien'
	});
	await refreshSearchDocuments(networkId);
	await refreshSearchDocuments(otherNetworkId);
	Object.assign(ids, {
		cellMaker: cellMaker.id,
		tyres: tyres.id,
		secretive: secretive.id,
		applicant: applicant.id,
		foreign: foreign.id
	});

	const context = { ipAddress: '198.51.100.1', userAgent: 'vitest' };
	for (const role of ['member', 'office', 'board'] as const satisfies NetworkRole[]) {
		const person = await createUser(db, { name: `Token ${role}` });
		await grantNetworkRole(db, networkId, person.id, role);
		const actor = { ...(await loadActor(networkId, person)), userId: person.id };
		tokens[role] = (await createApiToken({ actor, networkId, name: role, context })).token;
	}
}, 60_000);

afterAll(async () => {
	await database?.close();
});

function ctx(path: string, token?: string): ApiContext {
	const url = new URL(`http://knotenpunkt.test/api/v1${path}`);
	return {
		request: new Request(url, { headers: token ? { authorization: `Bearer ${token}` } : {} }),
		url,
		networkId,
		locale: 'en',
		clientAddress: `192.0.2.${++clientCounter % 250}`,
		requestId: 'req-test'
	};
}

type List = ReturnType<typeof organisationListSchema.parse>;
type Profile = ReturnType<typeof organisationProfileSchema.parse>;

async function list(query: string, token?: string): Promise<List> {
	const response = await listOrganisations(ctx(`/organisations${query}`, token));
	expect(response.status).toBe(200);
	const body = await response.json();
	expect(organisationListSchema.parse(body)).toEqual(body);
	return body;
}
const names = async (query: string, token?: string) => (await list(query, token)).data.map((o) => o.name);
const byName = (body: List, name: string) => body.data.find((o) => o.name === name)!;

async function profile(idOrSlug: string, token?: string) {
	const response = await showOrganisation(ctx(`/organisations/${idOrSlug}`, token), idOrSlug);
	const body = await response.json();
	if (response.status === 200) expect(organisationProfileSchema.parse(body)).toEqual(body);
	return { response, body: body as Profile };
}

describe('GET /organisations: the search parameters', () => {
	it('searches the full text with German stemming and compounds, over the fields the caller may see', async () => {
		expect(await names('?q=Batterien')).toEqual(['Hasezell Energiespeicher GmbH']);
		expect(await names('?q=reifen')).toEqual(['Emsdettener Gummiwerk KG']);
		// Members see the competence of the organisation that hides it from the public.
		expect(await names('?q=Batterietechnik')).toEqual(['Hasezell Energiespeicher GmbH']);
		expect((await names('?q=Batterietechnik', tokens.member)).sort()).toEqual([
			'Hasezell Energiespeicher GmbH',
			'Verschwiegene Speicher AG'
		]);
		expect(await names('?q=Geheimprojekt')).toEqual([]);
		expect(await names('?q=Geheimprojekt', tokens.member)).toEqual(['Verschwiegene Speicher AG']);
	});

	it('filters by repeated parameters, each matching any of its values', async () => {
		expect(await names('?district=Kreis%20Steinfurt&sort=name')).toEqual([
			'Emsdettener Gummiwerk KG',
			'Verschwiegene Speicher AG'
		]);
		expect(await names('?drivetrain=bev&drivetrain=combustion&sort=name')).toEqual([
			'Emsdettener Gummiwerk KG',
			'Hasezell Energiespeicher GmbH'
		]);
		expect(await names('?kind=research')).toEqual(['Emsdettener Gummiwerk KG']);
		expect(await names('?chain=tier1&chain=tier2&sort=name')).toEqual([
			'Emsdettener Gummiwerk KG',
			'Hasezell Energiespeicher GmbH'
		]);
		expect(await names('?size=enterprise')).toEqual(['Hasezell Energiespeicher GmbH']);
		expect(await names('?cert=ISO%209001')).toEqual(['Hasezell Energiespeicher GmbH']);
		// A competence includes its subtree: the cell maker has "cells", below "battery".
		expect(await names('?competence=technologies.battery')).toEqual(['Hasezell Energiespeicher GmbH']);
		expect(await names('?competence=technologies&sort=name', tokens.member)).toEqual([
			'Hasezell Energiespeicher GmbH',
			'Verschwiegene Speicher AG'
		]);
		// Filters on hidden fields don't match for those who can't see them.
		expect(await names('?drivetrain=hydrogen')).toEqual([]);
		expect(await names('?drivetrain=hydrogen', tokens.member)).toEqual(['Verschwiegene Speicher AG']);
		expect(await names('?size=enterprise', tokens.member)).toEqual(['Hasezell Energiespeicher GmbH']);
		expect(await names('?size=enterprise&sort=name', tokens.office)).toEqual([
			'Hasezell Energiespeicher GmbH',
			'Verschwiegene Speicher AG'
		]);
	});

	it('sorts, pages and ignores unknown parameters', async () => {
		expect(await names('?sort=name&unknown=1')).toEqual([
			'Emsdettener Gummiwerk KG',
			'Hasezell Energiespeicher GmbH',
			'Verschwiegene Speicher AG'
		]);
		expect(await names('?sort=size', tokens.office)).toEqual([
			'Verschwiegene Speicher AG',
			'Hasezell Energiespeicher GmbH',
			'Emsdettener Gummiwerk KG',
			'Neuling Batteriesysteme GmbH'
		]);
		const second = await list('?sort=name&pageSize=2&page=2');
		expect([second.page, second.pageSize, second.total]).toEqual([2, 2, 3]);
		expect(second.data.map((o) => o.name)).toEqual(['Verschwiegene Speicher AG']);
	});

	it('lists applicants only for the office and board, and takes the status filter from them only', async () => {
		expect(await names('?status=applicant')).toHaveLength(3);
		expect(await names('?status=applicant', tokens.member)).toHaveLength(3);
		expect(await names('?status=applicant', tokens.office)).toEqual(['Neuling Batteriesysteme GmbH']);
		expect(await names('?status=applicant', tokens.board)).toEqual(['Neuling Batteriesysteme GmbH']);
		expect(await names('?q=Fremde')).toEqual([]);
	});
});

describe('GET /organisations: facets', () => {
	it('counts every filter value the audience may see, disjunctively', async () => {
		const { facets } = await list('?district=Stadt%20Osnabr%C3%BCck');
		// The chosen district does not hide the other district's count.
		expect(facets.district).toEqual([
			{ value: 'Kreis Steinfurt', count: 2 },
			{ value: 'Stadt Osnabrück', count: 1 }
		]);
		expect(facets.drivetrain).toEqual([{ value: 'bev', count: 1 }]);
		expect(facets.competence).toEqual([
			{ path: 'technologies', parentPath: null, name: { de: 'Technologien', en: 'Technologies' }, count: 1 },
			{
				path: 'technologies.battery',
				parentPath: 'technologies',
				name: { de: 'Batterietechnik', en: 'Battery technology' },
				count: 1
			},
			{
				path: 'technologies.battery.cells',
				parentPath: 'technologies.battery',
				name: { de: 'Batteriezellen', en: 'Battery cells' },
				count: 1
			}
		]);
		expect(facets.status).toEqual([]);

		const all = (await list('')).facets;
		expect(all.drivetrain).toEqual([
			{ value: 'bev', count: 1 },
			{ value: 'combustion', count: 1 }
		]);
		expect(all.valueChain.map((f) => f.value).sort()).toEqual(['tier1', 'tier2']);
		expect(all.certification).toEqual([{ value: 'ISO 9001', count: 1 }]);
		expect(all.kind).toEqual([
			{ value: 'member_company', count: 2 },
			{ value: 'research', count: 1 }
		]);

		const member = (await list('', tokens.member)).facets;
		expect(member.drivetrain.find((f) => f.value === 'hydrogen')).toEqual({ value: 'hydrogen', count: 1 });
		expect(member.competence.find((f) => f.path === 'technologies.battery')?.count).toBe(2);
		expect(member.size).toEqual([
			{ value: 'enterprise', count: 1 },
			{ value: 'small', count: 1 }
		]);
		expect(member.status).toEqual([]);

		const office = (await list('', tokens.office)).facets;
		expect(office.status).toEqual([
			{ value: 'member', count: 3 },
			{ value: 'applicant', count: 1 }
		]);
	});
});

describe('GET /organisations: what each audience sees', () => {
	it('never answers members-only fields anonymously, shows them to members, exact employees to the office', async () => {
		const anonymous = await listOrganisations(ctx('/organisations'));
		expect(anonymous.headers.get('cache-control')).toBe('public, max-age=60');
		expect(anonymous.headers.get('vary')).toBe('Authorization, Accept-Language');
		const publicBody: List = await anonymous.json();
		expect(byName(publicBody, 'Verschwiegene Speicher AG')).toMatchObject({
			competencies: [],
			drivetrains: [],
			valueChain: null,
			sizeClass: null,
			memberSince: null,
			latitude: null,
			longitude: null,
			employees: null,
			shortDescription: { de: '', en: '' }
		});
		expect(JSON.stringify(publicBody)).not.toMatch(/hydrogen|IATF|Geheimprojekt|\boem\b|5000/);
		expect(byName(publicBody, 'Hasezell Energiespeicher GmbH')).toMatchObject({
			slug: 'hasezell',
			competencies: [
				{
					path: 'technologies.battery.cells',
					name: { de: 'Batteriezellen', en: 'Battery cells' }
				}
			],
			drivetrains: ['bev'],
			valueChain: 'tier1',
			sizeClass: 'enterprise',
			memberSince: 2016,
			latitude: 52.27,
			longitude: 8.05,
			employees: null,
			logoUrl: `http://knotenpunkt.test/logos/${logoFileId}`
		});

		const withToken = await listOrganisations(ctx('/organisations', tokens.member));
		expect(withToken.headers.get('cache-control')).toBe('no-store');
		const memberBody: List = await withToken.json();
		expect(byName(memberBody, 'Verschwiegene Speicher AG')).toMatchObject({
			competencies: [{ path: 'technologies.battery' }],
			drivetrains: ['hydrogen'],
			valueChain: 'oem',
			latitude: 52.28,
			sizeClass: null,
			memberSince: null,
			employees: null
		});
		expect(memberBody.data.every((o) => o.employees === null)).toBe(true);

		const officeBody = await list('', tokens.office);
		expect(byName(officeBody, 'Verschwiegene Speicher AG')).toMatchObject({
			sizeClass: 'enterprise',
			memberSince: 2019,
			employees: 5000
		});
		expect(byName(officeBody, 'Hasezell Energiespeicher GmbH').employees).toBe(1200);
		expect(byName(officeBody, 'Neuling Batteriesysteme GmbH').status).toBe('applicant');
	});
});

describe('GET /organisations/{id}', () => {
	it('answers the public profile without a token, by id or by slug', async () => {
		const { response, body } = await profile(ids.secretive!);
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('public, max-age=60');
		expect(body).toMatchObject({
			id: ids.secretive,
			name: 'Verschwiegene Speicher AG',
			email: null,
			street: null,
			competencies: [],
			certifications: [],
			keywords: [],
			contacts: [],
			visibility: null,
			employees: null
		});
		expect(JSON.stringify(body)).not.toMatch(/Clara|Geheimprojekt|IATF|verschwiegen\.example/);
		const bySlug = await profile('verschwiegen');
		expect(bySlug.body).toEqual(body);
	});

	it("adds members' fields and consented contacts for a member's token, everything for the office", async () => {
		const member = await profile(ids.secretive!, tokens.member);
		expect(member.response.headers.get('cache-control')).toBe('no-store');
		expect(member.body).toMatchObject({
			email: 'info@verschwiegen.example',
			certifications: ['IATF 16949'],
			keywords: ['Geheimprojekt'],
			memberSince: null,
			employees: null,
			visibility: null
		});
		expect(member.body.contacts.map((c) => c.lastName)).toEqual(['Zustimmung']);

		const office = await profile(ids.secretive!, tokens.office);
		expect(office.body).toMatchObject({ employees: 5000, memberSince: 2019, sizeClass: 'enterprise' });
		expect(office.body.visibility).toEqual({
			description: 'public',
			contact: 'members',
			address: 'members',
			competencies: 'members',
			facts: 'office'
		});
		expect(office.body.contacts.map((c) => c.lastName)).toEqual(['Zustimmung']);
	});

	it('answers 404 for unknown, malformed and foreign ids and for organisations the caller may not see', async () => {
		const notFound = async (idOrSlug: string, token?: string) => {
			const { response, body } = await profile(idOrSlug, token);
			expect(response.status, idOrSlug).toBe(404);
			expect(response.headers.get('cache-control')).toBe('no-store');
			expect(apiErrorSchema.parse(body)).toMatchObject({ error: { code: 'NOT_FOUND' } });
		};
		await notFound('00000000-0000-4000-8000-000000000000');
		await notFound('not-a-uuid!');
		await notFound('x'.repeat(300));
		await notFound(ids.foreign!);
		await notFound(ids.foreign!, tokens.office);
		await notFound('fremde-batterie', tokens.office);
		await notFound(ids.applicant!);
		await notFound(ids.applicant!, tokens.member);
		const { response, body } = await profile(ids.applicant!, tokens.board);
		expect(response.status).toBe(200);
		expect(body.status).toBe('applicant');
	});
});

describe('GET /organisations: validation', () => {
	it('answers 400 naming each invalid parameter', async () => {
		const response = await listOrganisations(
			ctx(
				'/organisations?drivetrain=bev&drivetrain=diesel&page=0&pageSize=1000&sort=best&competence=Not%20a%20path&kind=member_company&kind=company&chain=tier9&size=huge&status=gone'
			)
		);
		expect(response.status).toBe(400);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const body = apiErrorSchema.parse(await response.json());
		expect(body.error.code).toBe('VALIDATION');
		expect(body.error.details?.fields).toEqual({
			drivetrain: 'Please choose one of the offered values.',
			page: 'The value must be at least 1.',
			pageSize: 'The value must be at most 100.',
			sort: 'Please choose one of the offered values.',
			competence: 'Please check this entry.',
			kind: 'Please choose one of the offered values.',
			chain: 'Please choose one of the offered values.',
			size: 'Please choose one of the offered values.',
			status: 'Please choose one of the offered values.'
		});
		const tooMany = await listOrganisations(
			ctx(`/organisations?${Array.from({ length: 31 }, (_, i) => `district=D${i}`).join('&')}`)
		);
		expect(tooMany.status).toBe(400);
		expect(Object.keys((await tooMany.json()).error.details.fields)).toEqual(['district']);
	});
});
