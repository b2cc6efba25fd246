/**
 * The directory search as it lives in the URL: one shape for the atlas, the members' directory,
 * the office view, the JSON API and exports, so a result list can be shared and bookmarked.
 * Unknown or malformed values are dropped rather than refused: a stale bookmark still opens.
 */
import {
	drivetrains,
	membershipStatuses,
	organisationKinds,
	sizeClasses,
	valueChainPositions,
	type Drivetrain,
	type MembershipStatus,
	type OrganisationKind,
	type SizeClass,
	type ValueChainPosition
} from './vocabulary.ts';

export const directorySorts = ['relevance', 'name', 'size'] as const;
export type DirectorySort = (typeof directorySorts)[number];

export const DIRECTORY_PAGE_SIZE = 20;
/** The map shows at most this many organisations; the list shows all. */
export const MAX_MAP_POINTS = 500;
export const MAX_QUERY_LENGTH = 200;
const MAX_VALUES = 30;

export type DirectoryQuery = {
	q: string;
	district: string[];
	/** Competence paths (`technologies.battery`); each includes its subtree. */
	competence: string[];
	drivetrain: Drivetrain[];
	kind: OrganisationKind[];
	valueChain: ValueChainPosition[];
	size: SizeClass[];
	certification: string[];
	/** Office only; ignored for other audiences. */
	status: MembershipStatus[];
	sort: DirectorySort;
	page: number;
};

/** URL parameter names; repeated parameters (`?district=a&district=b`) select several values. */
export const directoryParams = {
	q: 'q',
	district: 'district',
	competence: 'competence',
	drivetrain: 'drivetrain',
	kind: 'kind',
	valueChain: 'chain',
	size: 'size',
	certification: 'cert',
	status: 'status',
	sort: 'sort',
	page: 'page'
} as const;

export type FacetKey =
	'district' | 'competence' | 'drivetrain' | 'kind' | 'valueChain' | 'size' | 'certification' | 'status';

function oneOf<T extends string>(allowed: readonly T[], values: string[]): T[] {
	return [...new Set(values.filter((v): v is T => (allowed as readonly string[]).includes(v)))].slice(
		0,
		MAX_VALUES
	);
}

function texts(values: string[], maxLength = 120): string[] {
	return [...new Set(values.map((v) => v.trim()).filter((v) => v.length > 0 && v.length <= maxLength))].slice(
		0,
		MAX_VALUES
	);
}

const COMPETENCE_PATH = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;

export function emptyDirectoryQuery(): DirectoryQuery {
	return {
		q: '',
		district: [],
		competence: [],
		drivetrain: [],
		kind: [],
		valueChain: [],
		size: [],
		certification: [],
		status: [],
		sort: 'relevance',
		page: 1
	};
}

export function parseDirectoryQuery(params: URLSearchParams): DirectoryQuery {
	const all = (key: string) => params.getAll(key);
	const page = Number.parseInt(params.get(directoryParams.page) ?? '1', 10);
	const sort = params.get(directoryParams.sort);
	return {
		q: (params.get(directoryParams.q) ?? '').trim().slice(0, MAX_QUERY_LENGTH),
		district: texts(all(directoryParams.district)),
		competence: texts(all(directoryParams.competence), 200).filter((p) => COMPETENCE_PATH.test(p)),
		drivetrain: oneOf(drivetrains, all(directoryParams.drivetrain)),
		kind: oneOf(organisationKinds, all(directoryParams.kind)),
		valueChain: oneOf(valueChainPositions, all(directoryParams.valueChain)),
		size: oneOf(sizeClasses, all(directoryParams.size)),
		certification: texts(all(directoryParams.certification)),
		status: oneOf(membershipStatuses, all(directoryParams.status)),
		sort: (directorySorts as readonly string[]).includes(sort ?? '') ? (sort as DirectorySort) : 'relevance',
		page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1
	};
}

/** The URL parameters of a query, omitting defaults, in a stable order. */
export function directorySearchParams(query: DirectoryQuery, overrides: Partial<DirectoryQuery> = {}) {
	const merged = { ...query, ...overrides };
	const params = new URLSearchParams();
	if (merged.q) params.set(directoryParams.q, merged.q);
	for (const key of [
		'district',
		'competence',
		'drivetrain',
		'kind',
		'valueChain',
		'size',
		'certification',
		'status'
	] as const)
		for (const value of merged[key]) params.append(directoryParams[key], value);
	if (merged.sort !== 'relevance') params.set(directoryParams.sort, merged.sort);
	if (merged.page > 1) params.set(directoryParams.page, String(merged.page));
	return params;
}

/** A query string (with `?`, or empty) for a link; pages reset to 1 when filters change. */
export function directoryHref(path: string, query: DirectoryQuery, overrides: Partial<DirectoryQuery> = {}) {
	const params = directorySearchParams(query, { page: 1, ...overrides });
	const search = params.toString();
	return search ? `${path}?${search}` : path;
}

/** Toggles one facet value, for facet links that work without JavaScript. */
export function toggleFacet(query: DirectoryQuery, key: FacetKey, value: string): Partial<DirectoryQuery> {
	const current = query[key] as string[];
	const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
	return { [key]: next, page: 1 } as Partial<DirectoryQuery>;
}

export function hasFilters(query: DirectoryQuery) {
	return (
		query.q !== '' ||
		query.district.length +
			query.competence.length +
			query.drivetrain.length +
			query.kind.length +
			query.valueChain.length +
			query.size.length +
			query.certification.length +
			query.status.length >
			0
	);
}
