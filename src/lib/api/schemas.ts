import { z } from 'zod';
import {
	contactFunctions,
	drivetrains,
	fieldGroups,
	membershipStatuses,
	organisationKinds,
	sizeClasses,
	valueChainPositions,
	visibilityLevels
} from '../directory/vocabulary.ts';

/**
 * The JSON API's shapes, defined once: the handlers validate and build their answers with them,
 * and the OpenAPI document is generated from them (server/api/openapi.ts). Schemas registered in
 * `apiSchemas` become named components (`#/components/schemas/<id>`).
 * Validation messages are catalogue keys, localized by `localizeIssues`.
 */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

export const maxPageSize = 100;

export const localizedTextSchema = z
	.object({
		de: z.string().meta({ description: 'German text (may be empty).' }),
		en: z.string().meta({ description: 'English text (may be empty).' })
	})
	.register(apiSchemas, { id: 'LocalizedText', description: 'A text in German and English.' });

/**
 * Why a field can be null: each organisation chooses who sees a group of its fields. Without a
 * token only `public` groups are shown; a token of a member or partner also shows `members`
 * groups; a token of the office or the board shows everything.
 */
const hiddenUnless = (group: string, what: string) =>
	`${what} Null (or empty) when the organisation shows its \`${group}\` fields only to an audience the caller is not part of.`;

export const competenceRefSchema = z
	.object({
		id: z.uuid(),
		path: z
			.string()
			.meta({ description: 'Dot-separated path in the taxonomy; use it as `competence` filter.' }),
		name: localizedTextSchema
	})
	.register(apiSchemas, { id: 'CompetenceRef', description: 'A node of the competence taxonomy.' });

const organisationFields = {
	id: z.uuid(),
	name: z.string().meta({ description: 'Always public.' }),
	slug: z.string().meta({
		description: 'Unique within the network; used in profile URLs and accepted by GET /organisations/{id}.'
	}),
	kind: z.enum(organisationKinds).meta({ description: 'Always public.' }),
	status: z.enum(membershipStatuses).meta({
		description:
			'Without a token and for members always `member` or `partner`; applicants and former members are listed for office and board tokens only.'
	}),
	city: z.string().nullable().meta({ description: 'Always public; null when not recorded.' }),
	district: z.string().nullable().meta({ description: "One of the network's districts; always public." }),
	website: z
		.string()
		.nullable()
		.meta({ description: hiddenUnless('description', 'Web address.') }),
	shortDescription: localizedTextSchema
		.nullable()
		.meta({ description: hiddenUnless('description', 'One or two sentences.') }),
	logoUrl: z
		.url()
		.nullable()
		.meta({
			description: hiddenUnless(
				'description',
				'Absolute URL of the logo (PNG, JPEG or WebP); null without a logo. A logo for members only is served to signed-in browsers, not to tokens.'
			)
		}),
	memberSince: z
		.int()
		.min(1800)
		.max(9999)
		.nullable()
		.meta({ description: hiddenUnless('facts', 'Year the organisation joined.') }),
	latitude: z
		.number()
		.min(-90)
		.max(90)
		.nullable()
		.meta({ description: hiddenUnless('address', 'WGS 84.') }),
	longitude: z
		.number()
		.min(-180)
		.max(180)
		.nullable()
		.meta({ description: hiddenUnless('address', 'WGS 84.') }),
	competencies: z.array(competenceRefSchema).meta({
		description: hiddenUnless('competencies', "The organisation's own competencies (not their parents).")
	}),
	drivetrains: z.array(z.enum(drivetrains)).meta({
		description: hiddenUnless('competencies', 'Drivetrains the organisation works for.')
	}),
	valueChain: z
		.enum(valueChainPositions)
		.nullable()
		.meta({ description: hiddenUnless('competencies', 'Position in the automotive value chain.') }),
	sizeClass: z
		.enum(sizeClasses)
		.nullable()
		.meta({ description: hiddenUnless('facts', 'Size class by employees.') }),
	employees: z.int().min(0).nullable().meta({
		description: 'Exact number of employees; office and board tokens only, null for everyone else.'
	})
};

export const organisationSchema = z.object(organisationFields).register(apiSchemas, {
	id: 'Organisation',
	description:
		'An organisation of the network as the caller may see it: public fields without a token, more with one.'
});
export type ApiOrganisation = z.infer<typeof organisationSchema>;

export const contactSchema = z
	.object({
		id: z.uuid(),
		firstName: z.string(),
		lastName: z.string(),
		jobTitle: z.string().nullable(),
		function: z.enum(contactFunctions).nullable(),
		email: z.string().nullable(),
		phone: z.string().nullable()
	})
	.register(apiSchemas, {
		id: 'Contact',
		description: 'A person of the organisation who agreed to be listed in the directory.'
	});

const visibilityLevel = z.enum(visibilityLevels);

export const organisationProfileSchema = z
	.object({
		...organisationFields,
		legalForm: z
			.string()
			.nullable()
			.meta({ description: hiddenUnless('facts', 'E.g. GmbH.') }),
		longDescription: localizedTextSchema
			.nullable()
			.meta({ description: hiddenUnless('description', 'The full description.') }),
		email: z
			.string()
			.nullable()
			.meta({ description: hiddenUnless('contact', 'General e-mail address.') }),
		phone: z
			.string()
			.nullable()
			.meta({ description: hiddenUnless('contact', 'General phone number.') }),
		street: z
			.string()
			.nullable()
			.meta({ description: hiddenUnless('address', 'Street and number.') }),
		postalCode: z
			.string()
			.nullable()
			.meta({ description: hiddenUnless('address', 'Postal code.') }),
		foundedYear: z
			.int()
			.nullable()
			.meta({ description: hiddenUnless('facts', 'Year of founding.') }),
		products: z.array(z.string()).meta({ description: hiddenUnless('competencies', 'Products.') }),
		certifications: z
			.array(z.string())
			.meta({ description: hiddenUnless('competencies', 'E.g. IATF 16949, ISO 9001.') }),
		keywords: z.array(z.string()).meta({ description: hiddenUnless('competencies', 'Free keywords.') }),
		contacts: z.array(contactSchema).meta({
			description:
				'Contacts who agreed to be listed; empty without a token of a member, partner, the office or the board.'
		}),
		visibility: z
			.object(
				Object.fromEntries(fieldGroups.map((group) => [group, visibilityLevel])) as Record<
					(typeof fieldGroups)[number],
					typeof visibilityLevel
				>
			)
			.nullable()
			.meta({
				description: 'Who sees each field group; office and board tokens only, null for everyone else.'
			}),
		updatedAt: z.iso.datetime().meta({ description: 'Last change of the profile.' })
	})
	.register(apiSchemas, {
		id: 'OrganisationProfile',
		description: 'The full profile of one organisation as the caller may see it.'
	});
export type ApiOrganisationProfile = z.infer<typeof organisationProfileSchema>;

export const facetCountSchema = z.object({ value: z.string(), count: z.int().min(0) }).register(apiSchemas, {
	id: 'FacetCount',
	description: 'A filter value and the number of matches with it.'
});

export const competenceFacetSchema = z
	.object({
		path: z.string(),
		parentPath: z.string().nullable().meta({ description: 'Null for a top-level node.' }),
		name: localizedTextSchema,
		count: z
			.int()
			.min(0)
			.meta({ description: 'Matching organisations with this competence or one below it.' })
	})
	.register(apiSchemas, {
		id: 'CompetenceFacet',
		description: 'A taxonomy node (all nodes, in display order, parents before children) with its count.'
	});

const facetList = (description: string) => z.array(facetCountSchema).meta({ description });

export const facetsSchema = z
	.object({
		district: facetList('Counts per district.'),
		competence: z.array(competenceFacetSchema),
		drivetrain: facetList('Counts per drivetrain.'),
		kind: facetList('Counts per organisation kind.'),
		valueChain: facetList('Counts per value-chain position.'),
		size: facetList('Counts per size class.'),
		certification: facetList('Counts per certification.'),
		status: facetList('Counts per membership status; office and board tokens only, empty otherwise.')
	})
	.register(apiSchemas, {
		id: 'Facets',
		description:
			'Counts for every filter. Each facet counts the matches of all other filters (not its own), so the other values of a chosen filter keep their numbers. Fields the caller may not see are not counted.'
	});
export type ApiFacets = z.infer<typeof facetsSchema>;

export const organisationListSchema = z
	.object({
		data: z.array(organisationSchema),
		page: z.int().min(1),
		pageSize: z.int().min(1).max(maxPageSize),
		total: z.int().min(0).meta({ description: 'Number of matching organisations on all pages.' }),
		facets: facetsSchema
	})
	.register(apiSchemas, {
		id: 'OrganisationList',
		description: 'One page of organisations and the facet counts.'
	});

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
