import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../helpers/database.ts';
import {
	addToOrganisation,
	createNetwork,
	createOrganisation,
	createUser,
	grantNetworkRole
} from '../../src/lib/server/testing/factories.ts';
import { rateLimits } from '../../src/lib/server/db/schema/index.ts';
import { refreshSearchDocuments } from '../../src/lib/server/directory/mutations.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import { createApiToken, revokeApiToken } from '../../src/lib/server/api/mutations.ts';
import { listOrganisations, showMe, showOpenApiDocument } from '../../src/lib/server/api/endpoints.ts';
import {
	apiContext,
	apiRateLimit,
	methodNotAllowedResponse,
	notFoundResponse,
	runApi,
	type ApiContext
} from '../../src/lib/server/api/http.ts';
import {
	apiErrorSchema,
	meSchema,
	organisationListSchema,
	organisationSchema
} from '../../src/lib/api/schemas.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let networkA: { id: string };
let networkB: { id: string };
let memberToken: string;
let outsiderToken: string;
let tokenOfB: string;
let member: { id: string };
let ownOrganisation: { id: string; name: string; slug: string };
let clientCounter = 0;
const context = { ipAddress: '198.51.100.1', userAgent: 'vitest' };

beforeAll(async () => {
	database = await useFreshDatabase();
	const db = database.db;
	networkA = await createNetwork(db);
	networkB = await createNetwork(db);

	// Network A: 23 members and partners (names sorted Org 01..23), plus rows that must never show.
	for (let i = 1; i <= 23; i++) {
		await createOrganisation(db, networkA.id, {
			name: `Org ${String(i).padStart(2, '0')}${i === 7 ? ' 100%_Werk' : ''}`,
			status: i % 5 === 0 ? 'partner' : 'member',
			kind: i % 5 === 0 ? 'support_agency' : 'member_company',
			city: 'Osnabrück',
			district: 'Stadt Osnabrück',
			website: `https://org${i}.example`,
			shortDescriptionDe: `Beschreibung ${i}`,
			shortDescriptionEn: `Description ${i}`,
			memberSince: 2000 + i,
			email: `secret${i}@org.example`,
			phone: '+49 541 000000',
			street: 'Geheime Straße 1',
			employees: 100
		});
	}
	await createOrganisation(db, networkA.id, { name: 'Org Applicant', status: 'applicant' });
	await createOrganisation(db, networkA.id, { name: 'Org Former', status: 'former' });
	await createOrganisation(db, networkB.id, { name: 'Org of B', status: 'member' });

	const office = await createUser(db, { name: 'Olga Office' });
	await grantNetworkRole(db, networkA.id, office.id, 'office');
	const officeActor = { ...(await loadActor(networkA.id, office)), userId: office.id };

	// The tokens act as their user; the member user gets one by an office token for tests of /me.
	const memberUser = await createUser(db, { name: 'Max Member', email: 'max@example.test' });
	member = memberUser;
	await grantNetworkRole(db, networkA.id, memberUser.id, 'member');
	const organisation = await createOrganisation(db, networkA.id, {
		name: 'Aaa Eigene GmbH',
		slug: 'aaa-eigene'
	});
	ownOrganisation = organisation;
	await addToOrganisation(db, networkA.id, organisation.id, memberUser.id, 'org_member');
	// A membership in network B is not part of /me on network A.
	const foreignOrganisation = await createOrganisation(db, networkB.id, { name: 'Fremde AG' });
	await grantNetworkRole(db, networkB.id, memberUser.id, 'board');
	await addToOrganisation(db, networkB.id, foreignOrganisation.id, memberUser.id, 'org_admin');
	const memberActor = { ...(await loadActor(networkA.id, memberUser)), userId: memberUser.id };
	memberToken = (
		await createApiToken({ actor: memberActor, networkId: networkA.id, name: 'member', context })
	).token;

	// A user without any role in network A (e.g. all roles removed after the token was made).
	const outsider = await createUser(db);
	outsiderToken = (
		await createApiToken({
			actor: { ...officeActor, userId: outsider.id },
			networkId: networkA.id,
			name: 'outsider',
			context
		})
	).token;

	const inB = await createUser(db);
	await grantNetworkRole(db, networkB.id, inB.id, 'office');
	tokenOfB = (
		await createApiToken({
			actor: { ...officeActor, networkId: networkB.id, userId: inB.id },
			networkId: networkB.id,
			name: 'b',
			context
		})
	).token;
	await refreshSearchDocuments(networkA.id);
	await refreshSearchDocuments(networkB.id);
});
afterAll(() => database.close());

/** A request as the route files would hand it over; each call from its own client address. */
function ctx(
	path: string,
	options: {
		token?: string;
		network?: { id: string };
		locale?: 'de' | 'en';
		headers?: Record<string, string>;
		method?: string;
		ip?: string;
	} = {}
): ApiContext {
	const url = new URL(`http://knotenpunkt.test/api/v1${path}`);
	const headers: Record<string, string> = { ...options.headers };
	if (options.token) headers.authorization = `Bearer ${options.token}`;
	return {
		request: new Request(url, { headers, method: options.method ?? 'GET' }),
		url,
		networkId: (options.network ?? networkA).id,
		locale: options.locale ?? 'en',
		clientAddress: options.ip ?? `192.0.2.${++clientCounter}`,
		requestId: 'req-test'
	};
}

async function expectError(response: Response, status: number, code: string) {
	expect(response.status).toBe(status);
	expect(response.headers.get('content-type')).toMatch(/^application\/json/);
	expect(response.headers.get('cache-control')).toBe('no-store');
	const body = await response.json();
	expect(apiErrorSchema.parse(body)).toEqual(body);
	expect(body.error.code).toBe(code);
	expect(body.error.message.length).toBeGreaterThan(10);
	return body as { error: { code: string; message: string; details?: { fields: Record<string, string> } } };
}

describe('GET /organisations', () => {
	it('lists members and partners of the network with public fields only, by name', async () => {
		const response = await listOrganisations(ctx('/organisations?pageSize=100'));
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('public, max-age=60');
		const body = await response.json();
		expect(organisationListSchema.parse(body)).toEqual(body);
		expect(body.total).toBe(24);
		expect(body.data).toHaveLength(24);
		const names = body.data.map((o: { name: string }) => o.name);
		expect(names[0]).toBe('Aaa Eigene GmbH');
		expect(names).not.toContain('Org Applicant');
		expect(names).not.toContain('Org Former');
		expect(names).not.toContain('Org of B');
		expect(names).not.toContain('Fremde AG');
		expect(names.slice(1, 4)).toEqual(['Org 01', 'Org 02', 'Org 03']);

		const org05 = body.data.find((o: { name: string }) => o.name === 'Org 05');
		// The fields of before the directory search are all still there.
		expect(Object.keys(org05)).toEqual(
			expect.arrayContaining([
				'city',
				'district',
				'id',
				'kind',
				'memberSince',
				'name',
				'shortDescription',
				'slug',
				'status',
				'website'
			])
		);
		expect(Object.keys(org05).sort()).toEqual(Object.keys(organisationSchema.shape).sort());
		expect(org05).toMatchObject({
			kind: 'support_agency',
			status: 'partner',
			city: 'Osnabrück',
			district: 'Stadt Osnabrück',
			website: 'https://org5.example',
			shortDescription: { de: 'Beschreibung 5', en: 'Description 5' },
			memberSince: 2005,
			employees: null,
			sizeClass: 'medium'
		});
		expect(JSON.stringify(body)).not.toMatch(/secret|Geheime|\+49/);
	});

	it('pages with page and pageSize and reports the total', async () => {
		const pages = [];
		for (const page of [1, 2, 3, 4]) {
			const response = await listOrganisations(ctx(`/organisations?page=${page}&pageSize=10`));
			pages.push(await response.json());
		}
		expect(pages.map((p) => p.data.length)).toEqual([10, 10, 4, 0]);
		expect(pages.map((p) => [p.page, p.pageSize, p.total])).toEqual([
			[1, 10, 24],
			[2, 10, 24],
			[3, 10, 24],
			[4, 10, 24]
		]);
		const ids = pages.flatMap((p) => p.data.map((o: { id: string }) => o.id));
		expect(new Set(ids).size).toBe(24);

		const defaults = await (await listOrganisations(ctx('/organisations'))).json();
		expect([defaults.page, defaults.pageSize, defaults.data.length]).toEqual([1, 20, 20]);
	});

	it('searches with the directory search; query syntax and wildcards are taken literally', async () => {
		const search = async (q: string) =>
			(await (await listOrganisations(ctx(`/organisations?q=${encodeURIComponent(q)}`))).json()) as {
				total: number;
				data: { name: string }[];
			};
		expect((await search('werk')).data.map((o) => o.name)).toEqual(['Org 07 100%_Werk']);
		expect((await search('eigene')).data.map((o) => o.name)).toEqual(['Aaa Eigene GmbH']);
		expect((await search('Beschreibung 12')).data.map((o) => o.name)).toEqual(['Org 12']);
		// Punctuation alone is no search: the whole list.
		expect((await search('%')).total).toBe(24);
		expect((await search('_')).total).toBe(24);
		expect((await search('Applicant')).total).toBe(0);
		expect((await search('Fremde')).total).toBe(0);
	});

	it('never shows the rows of another network', async () => {
		const body = await (await listOrganisations(ctx('/organisations', { network: networkB }))).json();
		expect(body.data.map((o: { name: string }) => o.name).sort()).toEqual(['Fremde AG', 'Org of B']);
		expect(body.total).toBe(2);
	});

	it('answers 400 with a message per invalid parameter, in the request language', async () => {
		const body = await expectError(
			await listOrganisations(ctx('/organisations?page=0&pageSize=101', { locale: 'de' })),
			400,
			'VALIDATION'
		);
		expect(body.error.details!.fields).toEqual({
			page: 'Der Wert muss mindestens 1 sein.',
			pageSize: 'Der Wert darf höchstens 100 sein.'
		});
		const english = await expectError(
			await listOrganisations(ctx('/organisations?page=abc&pageSize=2.5')),
			400,
			'VALIDATION'
		);
		expect(english.error.details!.fields).toEqual({
			page: 'Please give a whole number.',
			pageSize: 'Please give a whole number.'
		});
		const long = await expectError(
			await listOrganisations(ctx(`/organisations?q=${'x'.repeat(201)}`)),
			400,
			'VALIDATION'
		);
		expect(Object.keys(long.error.details!.fields)).toEqual(['q']);
	});

	it('accepts a valid token (answer not cacheable) and refuses a bad, revoked or foreign one with 401', async () => {
		const withToken = await listOrganisations(ctx('/organisations', { token: memberToken }));
		expect(withToken.status).toBe(200);
		expect(withToken.headers.get('cache-control')).toBe('no-store');

		const bad = await listOrganisations(ctx('/organisations', { token: `kp_${'x'.repeat(43)}` }));
		await expectError(bad, 401, 'UNAUTHENTICATED');
		expect(bad.headers.get('www-authenticate')).toContain('error="invalid_token"');
		await expectError(
			await listOrganisations(ctx('/organisations', { headers: { authorization: 'Basic Zm9vOmJhcg==' } })),
			401,
			'UNAUTHENTICATED'
		);
		await expectError(
			await listOrganisations(ctx('/organisations', { token: tokenOfB })),
			401,
			'UNAUTHENTICATED'
		);
	});
});

describe('GET /me', () => {
	it("maps the token's user with roles and organisations of the token's network only", async () => {
		const response = await showMe(ctx('/me', { token: memberToken }));
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const body = await response.json();
		expect(meSchema.parse(body)).toEqual(body);
		expect(body).toEqual({
			id: member.id,
			name: 'Max Member',
			email: 'max@example.test',
			networkRoles: ['member'],
			organisations: [
				{ id: ownOrganisation.id, name: 'Aaa Eigene GmbH', slug: 'aaa-eigene', role: 'org_member' }
			]
		});
	});

	it('needs a token: 401 without one, and a session cookie does not count', async () => {
		const none = await showMe(ctx('/me'));
		const body = await expectError(none, 401, 'UNAUTHENTICATED');
		expect(body.error.message).toContain('Authorization: Bearer');
		expect(none.headers.get('www-authenticate')).toBe('Bearer realm="Knotenpunkt API"');
		await expectError(
			await showMe(ctx('/me', { headers: { cookie: 'better-auth.session_token=anything; kp_locale=en' } })),
			401,
			'UNAUTHENTICATED'
		);
	});

	it('answers 403 when the policy refuses the token user (no role in the network)', async () => {
		await expectError(await showMe(ctx('/me', { token: outsiderToken })), 403, 'FORBIDDEN');
	});

	it('answers 401 once the token is revoked', async () => {
		const memberActor = {
			...(await loadActor(networkA.id, {
				...member,
				email: 'max@example.test',
				name: 'Max Member',
				emailVerified: true
			})),
			userId: member.id
		};
		const created = await createApiToken({
			actor: memberActor,
			networkId: networkA.id,
			name: 'short-lived',
			context
		});
		expect((await showMe(ctx('/me', { token: created.token }))).status).toBe(200);
		await revokeApiToken({ actor: memberActor, networkId: networkA.id, tokenId: created.id, context });
		await expectError(await showMe(ctx('/me', { token: created.token })), 401, 'UNAUTHENTICATED');
	});
});

describe('the API pipeline', () => {
	it('answers 429 with Retry-After once an address exceeds the limit', async () => {
		await database.db
			.insert(rateLimits)
			.values({ key: 'api:ip:192.0.2.250', count: apiRateLimit.limit, windowStart: new Date() });
		const response = await listOrganisations(ctx('/organisations', { ip: '192.0.2.250' }));
		await expectError(response, 429, 'RATE_LIMITED');
		const retryAfter = Number(response.headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThan(0);
		expect(retryAfter).toBeLessThanOrEqual(apiRateLimit.windowSeconds);
		expect((await listOrganisations(ctx('/organisations', { ip: '192.0.2.251' }))).status).toBe(200);
	});

	it('answers 500 with a reference and without internals when a handler fails', async () => {
		const response = await runApi(ctx('/boom'), async () => {
			throw new Error('connection to 10.0.0.5 refused: password=hunter2');
		});
		const body = await expectError(response, 500, 'INTERNAL');
		expect(body.error.message).toContain('req-test');
		expect(JSON.stringify(body)).not.toMatch(/10\.0\.0\.5|hunter2|Error/);
	});

	it('answers 404 for unknown paths and 405 with Allow for other methods, as JSON', async () => {
		await expectError(notFoundResponse(ctx('/nothing-here')), 404, 'NOT_FOUND');
		const response = methodNotAllowedResponse(ctx('/organisations', { method: 'POST' }), ['GET']);
		const body = await expectError(response, 405, 'METHOD_NOT_ALLOWED');
		expect(response.headers.get('allow')).toBe('GET, HEAD');
		expect(body.error.message).toContain('POST');
	});

	it('serves the OpenAPI document', async () => {
		const response = await showOpenApiDocument(ctx('/openapi.json'));
		expect(response.status).toBe(200);
		const document = await response.json();
		expect(document.openapi).toBe('3.1.0');
		expect(Object.keys(document.paths).sort()).toEqual([
			'/cooperation-profiles',
			'/cooperation-profiles/{id}',
			'/events',
			'/events/{id}',
			'/me',
			'/organisations',
			'/organisations/{id}'
		]);
	});

	it("builds the context from the event, with messages in the Accept-Language (else the site's) language", () => {
		const event = (headers: Record<string, string>) => ({
			request: new Request('http://knotenpunkt.test/api/v1/me', { headers }),
			url: new URL('http://knotenpunkt.test/api/v1/me'),
			locals: { network: networkA, locale: 'de' as const, clientAddress: '192.0.2.9', requestId: 'r1' }
		});
		expect(apiContext(event({ 'accept-language': 'en-GB,en;q=0.9' }))).toMatchObject({
			networkId: networkA.id,
			locale: 'en',
			clientAddress: '192.0.2.9',
			requestId: 'r1'
		});
		expect(apiContext(event({})).locale).toBe('de');
	});
});
