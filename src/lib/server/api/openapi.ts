import { z } from 'zod';
import { apiSchemas, maxPageSize, type apiErrorCodes } from '../../api/schemas.ts';
import { organisationListExample, organisationProfileExample } from './openapi-examples.ts';
import { organisationListQuerySchema } from './organisation-query.ts';
// Registers the Event and EventList components in `apiSchemas`.
import { eventListQuerySchema } from './events-schemas.ts';
import { eventExample, eventListExample } from './events-examples.ts';
// Registers the CooperationProfile components in `apiSchemas`.
import { cooperationListQuerySchema } from './cooperation-schemas.ts';
import { cooperationProfileExample, cooperationProfileListExample } from './cooperation-examples.ts';
import { isRepeated } from './query-params.ts';

/**
 * The OpenAPI 3.1 description of /api/v1, generated from the same zod schemas the handlers use:
 * components come from the `apiSchemas` registry, query parameters from the query schemas.
 * OpenAPI 3.1 speaks JSON Schema 2020-12, which is zod's target here.
 */
type JsonSchema = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function componentSchemas(): Record<string, JsonSchema> {
	const { schemas } = z.toJSONSchema(apiSchemas, {
		target: 'draft-2020-12',
		io: 'output',
		uri: (id) => `#/components/schemas/${id}`
	});
	// Inside an OpenAPI document the dialect is given once (jsonSchemaDialect); ids would be noise.
	return Object.fromEntries(
		Object.entries(schemas).map(([id, schema]) => {
			const { $schema: _dialect, $id: _id, ...rest } = schema as JsonSchema;
			return [id, rest];
		})
	);
}

/**
 * One OpenAPI parameter per key of a query schema, as the client sends it (the input side).
 * Repeated parameters are arrays sent as `?kind=a&kind=b` (form style, exploded).
 */
function queryParameters(schema: z.ZodObject) {
	return Object.entries(schema.shape).map(([name, field]) => {
		const type = field as z.ZodType;
		const {
			$schema: _dialect,
			description,
			...json
		} = z.toJSONSchema(type, {
			target: 'draft-2020-12',
			io: 'input'
		}) as JsonSchema;
		return {
			name,
			in: 'query',
			required: !type.safeParse(undefined).success,
			...(description ? { description } : {}),
			...(isRepeated(type) ? { style: 'form', explode: true } : {}),
			schema: json
		};
	});
}

function errorResponse(description: string, code: (typeof apiErrorCodes)[number], headers?: object) {
	return {
		description,
		...(headers ? { headers } : {}),
		content: {
			'application/json': {
				schema: ref('Error'),
				example: { error: { code, message: description } }
			}
		}
	};
}

const components = () => ({
	schemas: componentSchemas(),
	securitySchemes: {
		bearerAuth: {
			type: 'http',
			scheme: 'bearer',
			bearerFormat: 'kp_…',
			description:
				'An API token created by the office of the network (Office → API tokens). It starts with `kp_`, acts as the person who created it, and is valid only on the host names of its network.'
		}
	},
	responses: {
		BadRequest: {
			description: 'A query parameter is invalid; `details.fields` names each one.',
			content: {
				'application/json': {
					schema: ref('Error'),
					example: {
						error: {
							code: 'VALIDATION',
							message: 'The request has invalid parameters.',
							details: { fields: { pageSize: `The value must be at most ${maxPageSize}.` } }
						}
					}
				}
			}
		},
		Unauthorized: errorResponse(
			'No token was sent where one is needed, or the token is unknown, revoked or of another network.',
			'UNAUTHENTICATED',
			{ 'WWW-Authenticate': { description: 'The bearer challenge.', schema: { type: 'string' } } }
		),
		Forbidden: errorResponse("The token's user may not do this.", 'FORBIDDEN'),
		NotFound: errorResponse(
			'No such organisation for this caller: unknown, malformed, of another network, or not visible to the caller (e.g. an applicant without an office token).',
			'NOT_FOUND'
		),
		EventNotFound: errorResponse(
			'No such event for this caller: unknown, malformed, of another network, a draft, or not visible to the caller (e.g. a members event without a token).',
			'NOT_FOUND'
		),
		CooperationProfileNotFound: errorResponse(
			'No such cooperation profile for this caller: unknown, malformed, of another network, or not visible to the caller (another organisation’s draft, a members’ profile without a token).',
			'NOT_FOUND'
		),
		TooManyRequests: errorResponse('Too many requests from this address; retry later.', 'RATE_LIMITED', {
			'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer', minimum: 1 } }
		}),
		InternalError: errorResponse(
			'An unexpected error; the message carries a reference, never internals.',
			'INTERNAL'
		)
	}
});

const commonErrors = {
	'401': { $ref: '#/components/responses/Unauthorized' },
	'429': { $ref: '#/components/responses/TooManyRequests' },
	'500': { $ref: '#/components/responses/InternalError' }
};

const visibilityNote =
	'Without a token the answer holds public fields only. With a token it holds what the token user may see in the directory: members and partners also see fields the organisations show to members and contacts who agreed to be listed; the office and the board see everything, including exact employee numbers, applicants and former members. Fields the caller may not see are `null` or empty lists.';

const eventVisibilityNote =
	'Without a token the answer holds public events only. With a token it holds what the token user may see in the calendar: members and partners also see events for members, circle members the events of their circles, organisers their own events; the office and the board see all. Drafts are never listed, cancelled events are (with `status: cancelled`). Join links of online events are never part of the API.';

const cooperationVisibilityNote =
	'Without a token the answer holds the live public profiles, whose owners are anonymous (`owner` has only `kind`, `sizeClass` and `district`). With a token it holds what the token user may see in the cooperation exchange: members and partners also see the members’ profiles with their owners; an anonymous profile’s owner is named only to its own organisation, the office, the board and organisations whose expression of interest it accepted. The full-text search never looks at owners’ names.';

const paths = () => ({
	'/organisations': {
		get: {
			operationId: 'listOrganisations',
			tags: ['organisations'],
			summary: 'Search the directory',
			description: `The directory search of the network's Kompetenzatlas, with the same parameters as the atlas URL, one page of organisations and the facet counts. ${visibilityNote} An invalid token is refused, never treated as anonymous.`,
			// Anonymous or with a token.
			security: [{}, { bearerAuth: [] }],
			parameters: queryParameters(organisationListQuerySchema),
			responses: {
				'200': {
					description: 'One page of organisations and the facet counts.',
					content: {
						'application/json': { schema: ref('OrganisationList'), example: organisationListExample }
					}
				},
				'400': { $ref: '#/components/responses/BadRequest' },
				...commonErrors
			}
		}
	},
	'/organisations/{id}': {
		get: {
			operationId: 'showOrganisation',
			tags: ['organisations'],
			summary: 'One organisation',
			description: `The full profile of one organisation. ${visibilityNote}`,
			security: [{}, { bearerAuth: [] }],
			parameters: [
				{
					name: 'id',
					in: 'path',
					required: true,
					description: "The organisation's id (a UUID) or its slug.",
					schema: { type: 'string', maxLength: 200 },
					examples: {
						id: { summary: 'By id', value: organisationProfileExample.id },
						slug: { summary: 'By slug', value: organisationProfileExample.slug }
					}
				}
			],
			responses: {
				'200': {
					description: 'The profile, cut to what the caller may see.',
					content: {
						'application/json': {
							schema: ref('OrganisationProfile'),
							example: organisationProfileExample
						}
					}
				},
				'404': { $ref: '#/components/responses/NotFound' },
				...commonErrors
			}
		}
	},
	'/events': {
		get: {
			operationId: 'listEvents',
			tags: ['events'],
			summary: 'List events',
			description: `The events of the network's calendar, in order of their start: by default those not yet over. ${eventVisibilityNote}`,
			security: [{}, { bearerAuth: [] }],
			parameters: queryParameters(eventListQuerySchema),
			responses: {
				'200': {
					description: 'One page of events.',
					content: { 'application/json': { schema: ref('EventList'), example: eventListExample } }
				},
				'400': { $ref: '#/components/responses/BadRequest' },
				...commonErrors
			}
		}
	},
	'/events/{id}': {
		get: {
			operationId: 'showEvent',
			tags: ['events'],
			summary: 'One event',
			description: `One event of the network by its id. ${eventVisibilityNote}`,
			security: [{}, { bearerAuth: [] }],
			parameters: [
				{
					name: 'id',
					in: 'path',
					required: true,
					description: "The event's id (a UUID).",
					schema: { type: 'string', format: 'uuid' },
					example: eventExample.id
				}
			],
			responses: {
				'200': {
					description: 'The event.',
					content: { 'application/json': { schema: ref('Event'), example: eventExample } }
				},
				'404': { $ref: '#/components/responses/EventNotFound' },
				...commonErrors
			}
		}
	},
	'/cooperation-profiles': {
		get: {
			operationId: 'listCooperationProfiles',
			tags: ['cooperation'],
			summary: 'List cooperation profiles',
			description: `The live (published, not expired) profiles of the network's cooperation exchange, filtered like the exchange's page. ${cooperationVisibilityNote}`,
			security: [{}, { bearerAuth: [] }],
			parameters: queryParameters(cooperationListQuerySchema),
			responses: {
				'200': {
					description: 'One page of profiles.',
					content: {
						'application/json': {
							schema: ref('CooperationProfileList'),
							example: cooperationProfileListExample
						}
					}
				},
				'400': { $ref: '#/components/responses/BadRequest' },
				...commonErrors
			}
		}
	},
	'/cooperation-profiles/{id}': {
		get: {
			operationId: 'showCooperationProfile',
			tags: ['cooperation'],
			summary: 'One cooperation profile',
			description: `One profile by its id. ${cooperationVisibilityNote} By id, the owner organisation, the office and the board may also read drafts and profiles in review or past their date (see \`status\`).`,
			security: [{}, { bearerAuth: [] }],
			parameters: [
				{
					name: 'id',
					in: 'path',
					required: true,
					description: "The profile's id (a UUID).",
					schema: { type: 'string', format: 'uuid' },
					example: cooperationProfileExample.id
				}
			],
			responses: {
				'200': {
					description: 'The profile.',
					content: {
						'application/json': { schema: ref('CooperationProfile'), example: cooperationProfileExample }
					}
				},
				'404': { $ref: '#/components/responses/CooperationProfileNotFound' },
				...commonErrors
			}
		}
	},
	'/me': {
		get: {
			operationId: 'showMe',
			tags: ['account'],
			summary: "The token's user",
			description: "The token's user with their roles and organisations in the token's network.",
			security: [{ bearerAuth: [] }],
			responses: {
				'200': { description: "The token's user.", content: { 'application/json': { schema: ref('Me') } } },
				'403': { $ref: '#/components/responses/Forbidden' },
				...commonErrors
			}
		}
	}
});

function buildOpenApiDocument() {
	return {
		openapi: '3.1.0',
		jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
		info: {
			title: 'Knotenpunkt API',
			version: '1.0.0',
			summary: 'Read the data of a Knotenpunkt network.',
			description:
				'JSON API of one network of a Knotenpunkt installation; the network is chosen by the host name. Errors always have the shape `{ "error": { "code", "message" } }`; messages follow `Accept-Language` (German or English).',
			license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' }
		},
		servers: [{ url: '/api/v1', description: 'This installation (relative to the host of the network).' }],
		tags: [
			{ name: 'organisations', description: 'The directory of the organisations of the network.' },
			{ name: 'events', description: "The network's events calendar." },
			{ name: 'cooperation', description: 'The cooperation exchange (Kooperationsbörse).' },
			{ name: 'account', description: 'The caller itself.' }
		],
		paths: paths(),
		components: components()
	};
}

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

export function openApiDocument() {
	cached ??= buildOpenApiDocument();
	return cached;
}
