import { z } from 'zod';
import { maxPageSize } from '../../api/schemas.ts';
import { directorySorts, MAX_QUERY_LENGTH, type DirectoryQuery } from '../../directory/query.ts';
import {
	drivetrains,
	membershipStatuses,
	organisationKinds,
	sizeClasses,
	valueChainPositions
} from '../../directory/vocabulary.ts';

/**
 * The query parameters of GET /organisations: the atlas URL's names and values (see
 * directory/query.ts), plus `pageSize`. The atlas quietly drops what it does not understand so old
 * bookmarks still open; a program gets a 400 naming the parameter instead, so a typo in a filter
 * does not silently widen its result. Parameters the schema does not know are ignored.
 */

/** As in the atlas: more values than this in one filter are no sensible query. */
const maxValues = 30;
const competencePath = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;

const pageNumber = (fallback: number, max: number) =>
	z.coerce
		.number({ message: 'api_validation_integer' })
		.int('api_validation_integer')
		.min(1, 'api_validation_min')
		.max(max, 'api_validation_max')
		.default(fallback);

/** A repeatable parameter (`?kind=a&kind=b`): matches any of the values. */
const repeated = <T extends z.ZodType<string>>(item: T, description: string, example: string[]) =>
	z
		.array(item)
		.max(maxValues, 'validation_invalid')
		.default([])
		.meta({
			description: `${description} Repeat the parameter for several values (any of them matches).`,
			examples: [example]
		});

const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
	z.enum(values, 'validation_choice');

const text = (max: number) => z.string().trim().min(1, 'validation_required').max(max, 'validation_too_long');

export const organisationListQuerySchema = z.object({
	q: z
		.string()
		.trim()
		.max(MAX_QUERY_LENGTH, 'validation_too_long')
		.default('')
		.meta({
			description:
				'Full-text search over names, descriptions, competencies, products and keywords the caller may see: German stemming ("Batterien" finds "Batterie"), prefixes and parts of compound words ("reifen" finds "Fahrradreifen"), and tolerance for typos in names. Every word must match.',
			examples: ['Batterie']
		}),
	district: repeated(text(120), "Only organisations in this district (one of the network's districts).", [
		'Stadt Osnabrück'
	]),
	competence: repeated(
		z.string().max(200, 'validation_too_long').regex(competencePath, 'validation_invalid'),
		'Only organisations with this competence or one below it in the taxonomy, by path (see `facets.competence`).',
		['technologies.battery']
	),
	drivetrain: repeated(choice(drivetrains), 'Only organisations working for this drivetrain.', [
		'bev',
		'hydrogen'
	]),
	kind: repeated(choice(organisationKinds), 'Only organisations of this kind.', ['member_company']),
	chain: repeated(choice(valueChainPositions), 'Only organisations at this value-chain position.', ['tier1']),
	size: repeated(choice(sizeClasses), 'Only organisations of this size class.', ['medium', 'large']),
	cert: repeated(text(120), 'Only organisations with this certification (exact name).', ['IATF 16949']),
	status: repeated(
		choice(membershipStatuses),
		'Only organisations with this membership status. Office and board tokens only; ignored for everyone else, who sees members and partners.',
		['applicant']
	),
	sort: choice(directorySorts).default('relevance').meta({
		description:
			'`relevance` (best matches first; by name when `q` is empty), `name`, or `size` (largest first, by size class for those who may see it).'
	}),
	page: pageNumber(1, 1_000_000).meta({ description: 'Page number, starting at 1.' }),
	pageSize: pageNumber(20, maxPageSize).meta({
		description: `Organisations per page (at most ${maxPageSize}).`
	})
});
export type OrganisationListQuery = z.infer<typeof organisationListQuerySchema>;

/** The API's parameters as the directory search takes them. */
export function toDirectoryQuery(query: OrganisationListQuery): DirectoryQuery {
	return {
		q: query.q,
		district: query.district,
		competence: query.competence,
		drivetrain: query.drivetrain,
		kind: query.kind,
		valueChain: query.chain,
		size: query.size,
		certification: query.cert,
		status: query.status,
		sort: query.sort,
		page: query.page
	};
}
