import { z } from 'zod';

/**
 * The JSON API's shapes, defined once: the handlers validate and build their answers with them,
 * and the OpenAPI document is generated from them (server/api/openapi.ts). Schemas registered in
 * `apiSchemas` become named components (`#/components/schemas/<id>`).
 * Validation messages are catalogue keys, localized by `localizeIssues`.
 */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

const organisationKinds = [
	'member_company',
	'research',
	'support_agency',
	'state_agency',
	'other_partner'
] as const;

/** Only members and partners are public; applicants and former members never are. */
export const publicMembershipStatuses = ['member', 'partner'] as const;

export const localizedTextSchema = z
	.object({
		de: z.string().meta({ description: 'German text (may be empty).' }),
		en: z.string().meta({ description: 'English text (may be empty).' })
	})
	.register(apiSchemas, { id: 'LocalizedText', description: 'A text in German and English.' });

export const publicOrganisationSchema = z
	.object({
		id: z.uuid(),
		name: z.string(),
		slug: z.string().meta({ description: 'Unique within the network; used in profile URLs.' }),
		kind: z.enum(organisationKinds),
		status: z.enum(publicMembershipStatuses),
		city: z.string().nullable(),
		district: z.string().nullable(),
		website: z.string().nullable(),
		shortDescription: localizedTextSchema,
		memberSince: z.int().min(1800).max(9999).nullable().meta({ description: 'Year the organisation joined.' })
	})
	.register(apiSchemas, {
		id: 'Organisation',
		description: 'The public profile of a member or partner organisation of the network.'
	});

const pageNumber = (fallback: number, max: number) =>
	z.coerce
		.number({ message: 'api_validation_integer' })
		.int('api_validation_integer')
		.min(1, 'api_validation_min')
		.max(max, 'api_validation_max')
		.default(fallback);

export const maxPageSize = 100;

/** Query parameters of GET /organisations. Unknown parameters are ignored. */
export const organisationListQuerySchema = z.object({
	page: pageNumber(1, 1_000_000).meta({ description: 'Page number, starting at 1.' }),
	pageSize: pageNumber(20, maxPageSize).meta({
		description: `Organisations per page (at most ${maxPageSize}).`
	}),
	q: z
		.string()
		.trim()
		.max(100, 'validation_too_long')
		.optional()
		.transform((value) => (value ? value : undefined))
		.meta({ description: 'Only organisations whose name contains this text (case-insensitive).' })
});
export type OrganisationListQuery = z.infer<typeof organisationListQuerySchema>;

export const organisationListSchema = z
	.object({
		data: z.array(publicOrganisationSchema),
		page: z.int().min(1),
		pageSize: z.int().min(1).max(maxPageSize),
		total: z.int().min(0).meta({ description: 'Number of matching organisations on all pages.' })
	})
	.register(apiSchemas, { id: 'OrganisationList', description: 'One page of organisations.' });

export const meSchema = z
	.object({
		id: z.string(),
		name: z.string(),
		email: z.email(),
		networkRoles: z.array(z.enum(['office', 'board', 'partner', 'member'])).meta({
			description: "The user's roles in the token's network."
		}),
		organisations: z.array(
			z.object({
				id: z.uuid(),
				name: z.string(),
				slug: z.string(),
				role: z.enum(['org_admin', 'org_member'])
			})
		)
	})
	.register(apiSchemas, {
		id: 'Me',
		description: "The token's user, seen from the token's network."
	});

export const apiErrorCodes = [
	'UNAUTHENTICATED',
	'FORBIDDEN',
	'NOT_FOUND',
	'METHOD_NOT_ALLOWED',
	'VALIDATION',
	'RATE_LIMITED',
	'INTERNAL'
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

export const apiErrorSchema = z
	.object({
		error: z.object({
			code: z.enum(apiErrorCodes).meta({ description: 'Stable, machine-readable code.' }),
			message: z.string().meta({
				description: "Human-readable explanation in the request's language (German or English)."
			}),
			details: z
				.object({
					fields: z.record(z.string(), z.string()).meta({
						description: 'Per invalid parameter: what is wrong with it.'
					})
				})
				.optional()
		})
	})
	.register(apiSchemas, { id: 'Error', description: 'Every error answer has this shape.' });
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** The office form that creates a token: only its name. */
export const createApiTokenSchema = z.object({
	name: z
		.string({ message: 'validation_required' })
		.trim()
		.min(1, 'validation_required')
		.max(100, 'validation_too_long')
});

export const revokeApiTokenSchema = z.object({
	tokenId: z.uuid('validation_invalid')
});
