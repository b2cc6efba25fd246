import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { openApiDocument } from '../../src/lib/server/api/openapi.ts';
import {
	organisationListExample,
	organisationProfileExample
} from '../../src/lib/server/api/openapi-examples.ts';
import { organisationListSchema, organisationProfileSchema } from '../../src/lib/api/schemas.ts';

/**
 * The OpenAPI document is generated from the zod schemas; a real linter (Redocly, recommended
 * ruleset, no rule turned off) must find nothing in it, and every endpoint under
 * src/routes/api/v1 must be described.
 */
async function lint(document: unknown) {
	const config = await createConfig({ extends: ['recommended'] });
	const problems = await lintFromString({
		source: JSON.stringify(document),
		absoluteRef: 'openapi.json',
		config
	});
	return problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`);
}

const routesRoot = path.resolve('src/routes/api/v1');
const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Every +server.ts under /api/v1 with its OpenAPI path and exported methods. */
function apiRoutes() {
	const found: { file: string; apiPath: string; methods: string[] }[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name === '+server.ts') {
				const segments = path
					.relative(routesRoot, dir)
					.split(path.sep)
					.filter((s) => s && !/^\(.*\)$/.test(s));
				const source = readFileSync(full, 'utf8');
				found.push({
					file: path.relative(process.cwd(), full),
					apiPath: '/' + segments.map((s) => s.replace(/^\[(\w+)\]$/, '{$1}')).join('/'),
					methods: methods.filter((m) =>
						new RegExp(`export\\s+(const|(async\\s+)?function)\\s+${m}\\b`).test(source)
					)
				});
			}
		}
	};
	walk(routesRoot);
	return found;
}

describe('the OpenAPI document', () => {
	it('passes the Redocly linter (recommended rules) without any problem', async () => {
		expect(await lint(openApiDocument())).toEqual([]);
	});

	it('is really checked: a broken document fails the linter', async () => {
		const broken = structuredClone(openApiDocument()) as unknown as {
			paths: Record<string, { get: { parameters?: { in: string }[]; security?: unknown } }>;
		};
		broken.paths['/organisations']!.get.parameters![0]!.in = 'body';
		broken.paths['/organisations']!.get.security = [{ missingScheme: [] }];
		const problems = await lint(broken);
		expect(problems.some((p) => p.startsWith('error struct'))).toBe(true);
		expect(problems.some((p) => p.startsWith('error security-defined'))).toBe(true);
	});

	it('describes every API route and method, and nothing that does not exist', () => {
		const document = openApiDocument();
		const routes = apiRoutes();
		// The document itself and the JSON 404 catch-all are no endpoints of the API.
		const endpoints = routes.filter((r) => r.apiPath !== '/openapi.json' && !r.apiPath.includes('[...'));
		expect(endpoints.length).toBeGreaterThanOrEqual(2);
		for (const route of endpoints) {
			const item = (document.paths as Record<string, Record<string, unknown>>)[route.apiPath];
			expect(item, `${route.file} is not in the OpenAPI document`).toBeDefined();
			expect(route.methods.length, `${route.file} exports no method`).toBeGreaterThan(0);
			for (const method of route.methods) {
				expect(item![method.toLowerCase()], `${method} ${route.apiPath} is not documented`).toBeDefined();
			}
			const documented = Object.keys(item!).filter((k) => methods.includes(k.toUpperCase() as never));
			expect(documented.map((m) => m.toUpperCase()).sort()).toEqual([...route.methods].sort());
		}
		expect(Object.keys(document.paths).sort()).toEqual(endpoints.map((r) => r.apiPath).sort());
		expect(routes.map((r) => r.apiPath)).toContain('/openapi.json');
	});

	it('takes its schemas from the zod registry', () => {
		const { schemas } = openApiDocument().components;
		expect(Object.keys(schemas).sort()).toEqual([
			'CompetenceFacet',
			'CompetenceRef',
			'Contact',
			'CooperationAnonymousOwner',
			'CooperationOwner',
			'CooperationProfile',
			'CooperationProfileList',
			'Error',
			'Event',
			'EventList',
			'FacetCount',
			'Facets',
			'LocalizedText',
			'Me',
			'Organisation',
			'OrganisationList',
			'OrganisationProfile'
		]);
		expect(schemas.OrganisationList).toMatchObject({
			properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Organisation' } } }
		});
		expect(schemas.Organisation).toMatchObject({
			properties: {
				status: { enum: ['applicant', 'member', 'former', 'partner'] },
				employees: { anyOf: [{ type: 'integer', minimum: 0 }, { type: 'null' }] },
				shortDescription: {
					anyOf: [{ $ref: '#/components/schemas/LocalizedText' }, { type: 'null' }],
					description: expect.stringContaining('Null')
				}
			}
		});
		expect(schemas.OrganisationList).toMatchObject({
			properties: { facets: { $ref: '#/components/schemas/Facets' } }
		});
		const pageSize = openApiDocument().paths['/organisations'].get.parameters.find(
			(p) => p.name === 'pageSize'
		);
		expect(pageSize).toMatchObject({
			in: 'query',
			required: false,
			schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 }
		});
	});

	it('documents the atlas parameters, repeated ones as exploded arrays', () => {
		const parameters = openApiDocument().paths['/organisations'].get.parameters;
		expect(parameters.map((p) => p.name)).toEqual([
			'q',
			'district',
			'competence',
			'drivetrain',
			'kind',
			'chain',
			'size',
			'cert',
			'status',
			'sort',
			'page',
			'pageSize'
		]);
		const drivetrain = parameters.find((p) => p.name === 'drivetrain');
		expect(drivetrain).toMatchObject({
			style: 'form',
			explode: true,
			schema: { type: 'array', items: { enum: ['bev', 'hydrogen', 'efuels', 'combustion', 'hybrid'] } }
		});
		expect(parameters.find((p) => p.name === 'q')).not.toHaveProperty('style');
		const byId = openApiDocument().paths['/organisations/{id}'].get;
		expect(byId.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
		expect(byId.responses['404']).toEqual({ $ref: '#/components/responses/NotFound' });
	});

	it('has examples that the schemas accept, and the linter checks them', async () => {
		expect(organisationListSchema.parse(organisationListExample)).toEqual(organisationListExample);
		expect(organisationProfileSchema.parse(organisationProfileExample)).toEqual(organisationProfileExample);
		const broken = structuredClone(openApiDocument());
		(
			broken.paths['/organisations/{id}'].get.responses['200'].content['application/json'].example as {
				employees: unknown;
			}
		).employees = 'many';
		const problems = await lint(broken);
		expect(problems.length).toBeGreaterThan(0);
		for (const problem of problems)
			expect(problem).toMatch(/^warn no-invalid-media-type-examples: .*\/example\/employees$/);
	});
});
