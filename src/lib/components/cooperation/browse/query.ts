import { drivetrains, type Drivetrain } from '../../../directory/vocabulary.ts';
import {
	partnershipKinds,
	profileTypes,
	type PartnershipKind,
	type ProfileType
} from '../../../cooperation/vocabulary.ts';

/**
 * The exchange's filters, all in the URL (`/cooperation?type=…&competence=…&q=…&page=2`), so a
 * filtered list is a link that can be bookmarked and works without JavaScript. The page quietly
 * drops values it does not know (the API answers 400 for them instead).
 */
export type BrowseQuery = {
	type: ProfileType | null;
	/** A taxonomy path such as `technologies.battery`: the profiles naming it or a node below it. */
	competence: string | null;
	drivetrain: Drivetrain | null;
	partnership: PartnershipKind | null;
	q: string;
	page: number;
};

export const MAX_QUERY_LENGTH = 200;
export const MAX_PAGE = 100_000;
export const competencePathPattern = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;

const choice = <T extends string>(value: string | null, values: readonly T[]): T | null =>
	values.includes(value as T) ? (value as T) : null;

export function readBrowseQuery(params: URLSearchParams): BrowseQuery {
	const competence = params.get('competence')?.trim() ?? '';
	const page = Number.parseInt(params.get('page') ?? '1', 10);
	return {
		type: choice(params.get('type'), profileTypes),
		competence: competence.length <= 300 && competencePathPattern.test(competence) ? competence : null,
		drivetrain: choice(params.get('drivetrain'), drivetrains),
		partnership: choice(params.get('partnership'), partnershipKinds),
		q: (params.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH),
		page: Number.isFinite(page) && page >= 1 && page <= MAX_PAGE ? page : 1
	};
}

/** The list's URL for a query; empty filters and page 1 are left out. */
export function browseHref(query: BrowseQuery): string {
	const params = new URLSearchParams();
	if (query.q) params.set('q', query.q);
	if (query.type) params.set('type', query.type);
	if (query.competence) params.set('competence', query.competence);
	if (query.drivetrain) params.set('drivetrain', query.drivetrain);
	if (query.partnership) params.set('partnership', query.partnership);
	if (query.page > 1) params.set('page', String(query.page));
	const search = params.toString();
	return search ? `/cooperation?${search}` : '/cooperation';
}

export const hasFilters = (query: BrowseQuery) =>
	!!(query.q || query.type || query.competence || query.drivetrain || query.partnership);
