import { z } from 'zod';
import { apiSchemas, competenceRefSchema, localizedTextSchema, maxPageSize } from '../../api/schemas.ts';
import { drivetrains, organisationKinds, sizeClasses } from '../../directory/vocabulary.ts';
import {
	partnershipKinds,
	profileStatuses,
	profileTypes,
	profileVisibilities,
	TRL_MAX,
	TRL_MIN
} from '../../cooperation/vocabulary.ts';
import { competencePathPattern, MAX_QUERY_LENGTH } from '../../components/cooperation/browse/query.ts';

/**
 * The cooperation exchange's API shapes, registered in the API's registry so the OpenAPI document
 * names them as components. The owner is one of two shapes: identified, or — for an anonymous
 * profile the caller may not identify — only its kind, size class and district, with no id or
 * name to look it up by.
 */

const ownerFacts = {
	kind: z.enum(organisationKinds),
	sizeClass: z
		.enum(sizeClasses)
		.nullable()
		.meta({ description: 'Size class by employees; null when not recorded.' }),
	district: z
		.string()
		.nullable()
		.meta({ description: "One of the network's districts; null when not recorded." })
};

export const apiAnonymousOwnerSchema = z
	.object({ anonymous: z.literal(true), ...ownerFacts })
	.register(apiSchemas, {
		id: 'CooperationAnonymousOwner',
		description:
			'The owner of a public anonymous profile, as far as the caller may know it: kind, size class and district only. The owner stays anonymous until it accepts an expression of interest of the caller’s organisation.'
	});

export const apiIdentifiedOwnerSchema = z
	.object({
		anonymous: z.literal(false),
		id: z.uuid().meta({ description: 'The organisation; see GET /organisations/{id}.' }),
		name: z.string(),
		slug: z.string(),
		...ownerFacts
	})
	.register(apiSchemas, { id: 'CooperationOwner', description: 'The organisation that owns a profile.' });

export const apiCooperationProfileSchema = z
	.object({
		id: z.uuid(),
		type: z.enum(profileTypes).meta({
			description:
				'Technology offer or request, business offer or request, R&D partner search, free capacity offer or request, student project/thesis.'
		}),
		status: z.enum([...profileStatuses, 'expired']).meta({
			description:
				'Lists hold `published` profiles only. By id, the owner organisation, the office and the board may also read their drafts and profiles in review; `expired` is a published profile past its date.'
		}),
		visibility: z.enum(profileVisibilities).meta({
			description: '`members` (the network, with token) or `public_anonymous` (everyone, owner anonymous).'
		}),
		title: z.string(),
		summary: z.string(),
		description: localizedTextSchema.meta({
			description: 'Markdown as the owner wrote it; either language may be empty.'
		}),
		competencies: z.array(competenceRefSchema),
		keywords: z.array(z.string()),
		drivetrains: z.array(z.enum(drivetrains)),
		trl: z
			.int()
			.min(TRL_MIN)
			.max(TRL_MAX)
			.nullable()
			.meta({ description: 'Technology readiness level (1–9) for technology and R&D profiles; else null.' }),
		partnershipKinds: z.array(z.enum(partnershipKinds)),
		publishedAt: z.iso.datetime().nullable(),
		expiresAt: z.iso.datetime().nullable().meta({ description: 'Until when the profile runs (UTC).' }),
		owner: z.discriminatedUnion('anonymous', [apiAnonymousOwnerSchema, apiIdentifiedOwnerSchema]),
		url: z.url().meta({ description: 'The profile page.' })
	})
	.register(apiSchemas, {
		id: 'CooperationProfile',
		description: 'A profile of the cooperation exchange (Kooperationsbörse), as the caller may see it.'
	});
export type ApiCooperationProfile = z.infer<typeof apiCooperationProfileSchema>;

export const apiCooperationProfileListSchema = z
	.object({
		data: z.array(apiCooperationProfileSchema),
		page: z.int().min(1),
		pageSize: z.int().min(1).max(maxPageSize),
		total: z.int().min(0).meta({ description: 'Number of matching profiles on all pages.' })
	})
	.register(apiSchemas, {
		id: 'CooperationProfileList',
		description: 'One page of live profiles: best matches first with `q`, else newest first.'
	});
export type ApiCooperationProfileList = z.infer<typeof apiCooperationProfileListSchema>;

const pageNumber = (fallback: number, max: number) =>
	z.coerce
		.number({ message: 'api_validation_integer' })
		.int('api_validation_integer')
		.min(1, 'api_validation_min')
		.max(max, 'api_validation_max')
		.default(fallback);

export const cooperationListQuerySchema = z.object({
	q: z
		.string()
		.trim()
		.max(MAX_QUERY_LENGTH, 'validation_too_long')
		.default('')
		.meta({
			description:
				'Full-text search (German stemming, web search syntax: `"…"` for phrases, `-` to exclude) over the profiles’ own title, summary, descriptions and keywords — never over owners’ names.',
			examples: ['Batteriegehäuse']
		}),
	type: z
		.enum(profileTypes, 'validation_choice')
		.optional()
		.meta({ description: 'Only profiles of this type.' }),
	competence: z
		.string()
		.trim()
		.max(300, 'validation_too_long')
		.regex(competencePathPattern, 'validation_invalid')
		.optional()
		.meta({
			description:
				'A taxonomy path such as `technologies.battery`: profiles naming this competence or one below it.',
			examples: ['technologies.battery']
		}),
	drivetrain: z
		.enum(drivetrains, 'validation_choice')
		.optional()
		.meta({ description: 'Only profiles relevant to this drivetrain.' }),
	partnership: z
		.enum(partnershipKinds, 'validation_choice')
		.optional()
		.meta({ description: 'Only profiles seeking this kind of partnership.' }),
	page: pageNumber(1, 100_000).meta({ description: 'Page number, starting at 1.' }),
	pageSize: pageNumber(20, maxPageSize).meta({ description: `Profiles per page (at most ${maxPageSize}).` })
});
export type CooperationListQuery = z.infer<typeof cooperationListQuerySchema>;
