import { sql, type SQL } from 'drizzle-orm';
import { DIRECTORY_PAGE_SIZE, MAX_MAP_POINTS, type DirectoryQuery } from '../../directory/query.ts';
import { db } from '../db/index.ts';
import type { Audience } from '../policy/policy.ts';
import { toHit, toProfile, type ProfileRow } from './projection.ts';
import { cachedDirectoryRead } from './cache.ts';
import {
	filterConditions,
	groupVisible,
	inAudience,
	pageOrder,
	relevance,
	sizeKey,
	textMatch,
	type FilterKey
} from './search-sql.ts';
import type {
	CompetenceFacet,
	CompetenceNode,
	DirectoryFacets,
	DirectoryProfile,
	DirectoryResult,
	FacetCount,
	MapPoint
} from './types.ts';

const MAX_PAGE_SIZE = 1000;

/** Rows from `execute`: node-postgres returns `{ rows }`, PGlite too. */
async function rows<T>(query: SQL): Promise<T[]> {
	const result = (await (await db()).execute(query)) as unknown as { rows: T[] };
	return result.rows;
}

function parseJson<T>(value: unknown, fallback: T): T {
	if (value === null || value === undefined) return fallback;
	return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

const profileColumns = sql`o.id, o.slug, o.name, o.kind, o.status, o.city, o.district, o.legal_form,
	o.short_description_de, o.short_description_en, o.long_description_de, o.long_description_en,
	o.website, o.email, o.phone, o.street, o.postal_code, o.latitude, o.longitude, o.logo_file_id,
	o.value_chain, o.drivetrains, o.products, o.certifications, o.keywords, o.size_class, o.employees,
	o.founded_year, o.member_since, o.visibility, o.updated_at,
	(select coalesce(json_agg(json_build_object('id', c.id, 'path', c.path, 'de', c.name_de, 'en', c.name_en) order by c.path), '[]')
		from organisation_competencies oc join competencies c on c.id = oc.competence_id
		where oc.organisation_id = o.id) as competencies`;

type FacetRow = { facet: string; value: string | null; count: number | string };

type SearchPlan = {
	networkId: string;
	audience: Audience;
	query: DirectoryQuery;
	match: SQL | undefined;
	conditions: Partial<Record<FilterKey, SQL>>;
};

function planSearch(networkId: string, audience: Audience, query: DirectoryQuery): SearchPlan {
	return {
		networkId,
		audience,
		query,
		match: textMatch(query.q, audience),
		conditions: filterConditions(networkId, audience, query)
	};
}

const whereAll = (plan: SearchPlan) =>
	sql.join(
		[
			inAudience(plan.networkId, plan.audience),
			...(plan.match ? [plan.match] : []),
			...Object.values(plan.conditions)
		],
		sql` and `
	);

/**
 * The page: ranked and sorted on narrow rows, so only the page's profiles are read in full.
 * Without words and in name order the planner can walk the name index and stop early.
 */
async function findPage(plan: SearchPlan, pageSize: number): Promise<ProfileRow[]> {
	const { query, audience } = plan;
	const offset = (query.page - 1) * pageSize;
	return rows<ProfileRow>(sql`
		with page as materialized (
			select o.id, ${plan.match ? relevance(query.q, audience) : sql`0`} as rank,
				lower(o.name) as sort_name, ${sizeKey(audience)} as size_key
			from organisations o
			where ${whereAll(plan)}
			order by ${pageOrder(query)}
			limit ${pageSize} offset ${offset}
		)
		select ${profileColumns}, page.rank from page join organisations o on o.id = page.id
		order by ${pageOrder(query, 'page')}`);
}

/**
 * The total and disjunctive facet counts, in one statement: a materialised set of the rows that
 * match the words, one boolean per filter, and per facet a count over the rows passing every
 * filter but its own (choosing a district still shows the other districts' numbers).
 */
async function countMatches(plan: SearchPlan, withFacets: boolean) {
	const { audience, conditions, match } = plan;
	const keys = Object.keys(conditions) as FilterKey[];
	const flag = (key: FilterKey) => sql.raw(`f_${key}`);
	const flagColumns = keys.map((key) => sql`, ${conditions[key]} as ${flag(key)}`);
	const allFlags = (except?: FilterKey) =>
		sql.join([sql`true`, ...keys.filter((k) => k !== except).map((k) => flag(k))], sql` and `);
	const competencies = groupVisible('competencies', audience);
	const facts = groupVisible('facts', audience);
	const facet = (name: FilterKey, value: SQL, from: SQL = sql`m`) =>
		sql`select ${name}::text as facet, ${value}::text as value, count(*) as count from ${from} where ${allFlags(name)} group by 2`;
	const facetQueries = [
		facet('district', sql`district`),
		facet('kind', sql`kind`),
		facet('valueChain', sql`value_chain`),
		facet('size', sql`size_class`),
		facet('drivetrain', sql`d`, sql`m, unnest(m.drivetrains) d`),
		facet('certification', sql`c`, sql`m, unnest(m.certifications) c`),
		facet('competence', sql`c`, sql`m, unnest(m.competence_ids) c`),
		...(audience === 'office' ? [facet('status', sql`status`)] : [])
	];
	if (!withFacets) {
		const [result] = await rows<{ total: number | string }>(
			sql`select count(*) as total from organisations o where ${whereAll(plan)}`
		);
		return { total: Number(result?.total ?? 0), facetRows: [] as FacetRow[] };
	}
	const [result] = await rows<{ total: number | string; facets: unknown }>(sql`
		with m as materialized (
			select o.id, o.district, o.kind, o.status,
				case when ${competencies} then o.value_chain end as value_chain,
				case when ${facts} then o.size_class end as size_class,
				case when ${competencies} then o.drivetrains else '{}' end as drivetrains,
				case when ${competencies} then o.certifications else '{}' end as certifications,
				case when ${competencies} then o.competence_ids else '{}' end as competence_ids
				${sql.join(flagColumns, sql``)}
			from organisations o
			where ${inAudience(plan.networkId, audience)} ${match ? sql`and ${match}` : sql``}
		)
		select
			(select count(*) from m where ${allFlags()}) as total,
			(select coalesce(json_agg(f), '[]') from (${sql.join(facetQueries, sql` union all `)}) f) as facets`);
	return { total: Number(result?.total ?? 0), facetRows: parseJson<FacetRow[]>(result?.facets, []) };
}

/**
 * The one directory search: the atlas, the members' directory, the office view, the JSON API and
 * exports all call it. Two statements (the page; the total with facet counts), both cached for a
 * short while per network and forgotten on every change to the network's directory.
 */
export async function searchDirectory(
	networkId: string,
	audience: Audience,
	query: DirectoryQuery,
	options: { pageSize?: number; facets?: boolean } = {}
): Promise<DirectoryResult> {
	const pageSize = Math.min(Math.max(options.pageSize ?? DIRECTORY_PAGE_SIZE, 1), MAX_PAGE_SIZE);
	const withFacets = options.facets ?? true;
	const plan = planSearch(networkId, audience, query);
	const { page: _page, sort: _sort, ...filters } = query;
	const countKey = JSON.stringify([audience, filters, withFacets]);
	const pageKey = JSON.stringify([audience, query, pageSize]);
	const [hitRows, counts] = await Promise.all([
		cachedDirectoryRead(networkId, `page:${pageKey}`, () => findPage(plan, pageSize)),
		cachedDirectoryRead(networkId, `count:${countKey}`, () => countMatches(plan, withFacets))
	]);
	return {
		total: counts.total,
		page: query.page,
		pageSize,
		pageCount: Math.max(1, Math.ceil(counts.total / pageSize)),
		hits: hitRows.map((row) => toHit(row, audience)),
		facets: withFacets ? await buildFacets(networkId, counts.facetRows) : emptyFacets()
	};
}

function emptyFacets(): DirectoryFacets {
	return {
		district: [],
		competence: [],
		drivetrain: [],
		kind: [],
		valueChain: [],
		size: [],
		certification: [],
		status: []
	};
}

async function buildFacets(networkId: string, facetRows: FacetRow[]): Promise<DirectoryFacets> {
	const facets = emptyFacets();
	const competenceCounts = new Map<string, number>();
	for (const row of facetRows) {
		if (row.value === null) continue;
		const count = Number(row.count);
		if (row.facet === 'competence') competenceCounts.set(row.value, count);
		else
			(facets[row.facet as Exclude<keyof DirectoryFacets, 'competence'>] as FacetCount[]).push({
				value: row.value,
				count
			});
	}
	for (const key of Object.keys(facets) as (keyof DirectoryFacets)[])
		if (key !== 'competence')
			(facets[key] as FacetCount[]).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'de'));
	facets.competence = (await listCompetenceTree(networkId)).map((node): CompetenceFacet => ({
		id: node.id,
		path: node.path,
		parentPath: node.path.includes('.') ? node.path.slice(0, node.path.lastIndexOf('.')) : null,
		depth: node.depth,
		name: node.name,
		count: competenceCounts.get(node.id) ?? 0
	}));
	return facets;
}

/** The taxonomy in display order (depth first, by position, then name). */
export function listCompetenceTree(networkId: string): Promise<CompetenceNode[]> {
	return cachedDirectoryRead(networkId, 'taxonomy', () => readCompetenceTree(networkId));
}

async function readCompetenceTree(networkId: string): Promise<CompetenceNode[]> {
	const nodes = await rows<{
		id: string;
		parent_id: string | null;
		path: string;
		slug: string;
		name_de: string;
		name_en: string;
		position: number;
	}>(
		sql`select id, parent_id, path, slug, name_de, name_en, position from competencies where network_id = ${networkId}`
	);
	const children = new Map<string | null, typeof nodes>();
	for (const node of nodes) {
		const list = children.get(node.parent_id) ?? [];
		list.push(node);
		children.set(node.parent_id, list);
	}
	const ordered: CompetenceNode[] = [];
	const visit = (parentId: string | null, depth: number) => {
		const list = (children.get(parentId) ?? []).sort(
			(a, b) => a.position - b.position || a.name_de.localeCompare(b.name_de, 'de')
		);
		for (const node of list) {
			ordered.push({
				id: node.id,
				parentId: node.parent_id,
				path: node.path,
				slug: node.slug,
				name: { de: node.name_de, en: node.name_en },
				position: node.position,
				depth
			});
			visit(node.id, depth + 1);
		}
	};
	visit(null, 0);
	return ordered;
}

/** One organisation's profile as the audience may see it; null when the audience can't find it. */
export async function findProfile(
	networkId: string,
	audience: Audience,
	by: { id: string } | { slug: string }
): Promise<DirectoryProfile | null> {
	const where = 'id' in by ? sql`o.id = ${by.id}::uuid` : sql`o.slug = ${by.slug}`;
	if ('id' in by && !/^[0-9a-f-]{36}$/i.test(by.id)) return null;
	const [row] = await rows<ProfileRow>(
		sql`select ${profileColumns} from organisations o where ${inAudience(networkId, audience)} and ${where}`
	);
	if (!row) return null;
	const contacts =
		audience === 'public' ? [] : ((await findConsentedContacts(networkId, [row.id])).get(row.id) ?? []);
	return toProfile(row, audience, contacts);
}

/** Several profiles at once (exports), in the order of `ids`; ids the audience can't see are left out. */
export async function findProfiles(networkId: string, audience: Audience, ids: string[]) {
	if (ids.length === 0) return [];
	const found = await rows<ProfileRow>(
		sql`select ${profileColumns} from organisations o where ${inAudience(networkId, audience)} and o.id in (${sql.join(
			ids.map((id) => sql`${id}::uuid`),
			sql`, `
		)})`
	);
	const contacts = audience === 'public' ? new Map() : await findConsentedContacts(networkId, ids);
	const byId = new Map(found.map((row) => [row.id, row]));
	return ids.flatMap((id) => {
		const row = byId.get(id);
		return row ? [toProfile(row, audience, contacts.get(id) ?? [])] : [];
	});
}

type ContactRow = {
	id: string;
	organisation_id: string;
	first_name: string;
	last_name: string;
	job_title: string | null;
	contact_function: string | null;
	email: string | null;
	phone: string | null;
};

/** Contacts who agreed to be listed; nobody else ever reaches the directory. */
async function findConsentedContacts(networkId: string, organisationIds: string[]) {
	const list = await rows<ContactRow>(sql`
		select id, organisation_id, first_name, last_name, job_title, contact_function, email, phone
		from people
		where network_id = ${networkId} and directory_consent_at is not null
			and organisation_id in (${sql.join(
				organisationIds.map((id) => sql`${id}::uuid`),
				sql`, `
			)})
		order by last_name, first_name`);
	const byOrganisation = new Map<string, ContactRow[]>();
	for (const contact of list) {
		const entries = byOrganisation.get(contact.organisation_id) ?? [];
		entries.push(contact);
		byOrganisation.set(contact.organisation_id, entries);
	}
	return byOrganisation;
}

/**
 * Matching organisations with coordinates the audience may see, for the map: the first
 * MAX_MAP_POINTS by name (a map of thousands of dots says less than the list and weighs megabytes).
 */
export async function listMapPoints(
	networkId: string,
	audience: Audience,
	query: DirectoryQuery
): Promise<MapPoint[]> {
	const plan = planSearch(networkId, audience, query);
	const { page: _page, sort: _sort, ...filters } = query;
	return cachedDirectoryRead(networkId, `map:${JSON.stringify([audience, filters])}`, () =>
		rows<MapPoint>(sql`
			select o.id, o.slug, o.name, o.latitude as "latitude", o.longitude as "longitude"
			from organisations o
			where ${whereAll(plan)}
				and ${groupVisible('address', audience)} and o.latitude is not null and o.longitude is not null
			order by lower(o.name), o.id
			limit ${MAX_MAP_POINTS}`)
	);
}

/** Public profiles for the sitemap. */
export async function listSitemapEntries(networkId: string) {
	const list = await rows<{ slug: string; updated_at: string | Date }>(
		sql`select o.slug, o.updated_at from organisations o where ${inAudience(networkId, 'public')} order by o.slug`
	);
	return list.map((row) => ({ slug: row.slug, updatedAt: new Date(row.updated_at) }));
}
