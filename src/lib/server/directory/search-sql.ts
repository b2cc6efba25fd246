import { sql, type SQL } from 'drizzle-orm';
import type { DirectoryQuery } from '../../directory/query.ts';
import { containsPattern, foldTerm } from '../office/search.ts';
import type { Audience } from '../policy/policy.ts';
import { listedStatuses } from './visibility.ts';

/**
 * The SQL pieces of the directory search, for one audience. Everything runs against the
 * organisations row `o` and its denormalised search columns (see refreshSearchDocuments).
 */

const MAX_TOKENS = 8;

/** Words of a query: letters and digits only, so nothing the user types is tsquery syntax. */
export function queryTokens(q: string): string[] {
	return [...new Set(q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].slice(0, MAX_TOKENS);
}

export const vectorColumn = (audience: Audience) => sql.raw(`o.search_${audience}`);
const textColumn = (audience: Audience) => sql.raw(`o.search_text_${audience}`);

/** "The field group is visible to this audience" for row `o`. */
export function groupVisible(
	group: 'competencies' | 'facts' | 'address' | 'description',
	audience: Audience
): SQL {
	if (audience === 'office') return sql`true`;
	if (audience === 'members')
		return sql`coalesce(o.visibility->>${group}, 'public') in ('public', 'members')`;
	return sql`coalesce(o.visibility->>${group}, 'public') = 'public'`;
}

/** Organisations an audience finds at all: the office sees every status, others members and partners. */
export function inAudience(networkId: string, audience: Audience): SQL {
	const scope = sql`o.network_id = ${networkId}`;
	return audience === 'office' ? scope : sql`${scope} and o.status = any(${textArray([...listedStatuses])})`;
}

function prefixQuery(config: 'german' | 'english', token: string): SQL {
	return sql`to_tsquery(${config}::regconfig, ${`${token}:*`})`;
}

/**
 * Every word must match, each in one of three ways: the German or English full-text document with
 * stemming and prefixes ("Batterien" finds "Batterie"), or a substring of the document text for
 * compounds ("reifen" finds "Fahrradreifen"). Words that are only stop words ("und") are ignored.
 * Besides that, the whole query may be a typo of a name (pg_trgm word similarity).
 */
export function textMatch(q: string, audience: Audience): SQL | undefined {
	const tokens = queryTokens(q);
	if (tokens.length === 0) return undefined;
	const vector = vectorColumn(audience);
	const text = textColumn(audience);
	const perToken = tokens.map((token) => {
		const german = prefixQuery('german', token);
		const english = prefixQuery('english', token);
		const substring = token.length >= 3 ? sql` or ${text} like ${containsPattern(foldTerm(token))}` : sql``;
		return sql`(numnode(${german}) = 0 or ${vector} @@ (${german} || ${english})${substring})`;
	});
	// Names are compared as written (not umlaut-folded): "Prazision" is one slip from "Präzision".
	const words = tokens.join(' ');
	return sql`((${sql.join(perToken, sql` and `)}) or ${words} <% lower(o.name))`;
}

/** Relevance: name hits first, then competencies, then descriptions; a close name spelling counts too. */
export function relevance(q: string, audience: Audience): SQL {
	const tokens = queryTokens(q);
	if (tokens.length === 0) return sql`0`;
	const all = sql.join(
		tokens.map((token) => sql`(${prefixQuery('german', token)} || ${prefixQuery('english', token)})`),
		sql` && `
	);
	const words = tokens.join(' ');
	const nameHit = sql.join(
		tokens.filter((t) => t.length >= 3).map((t) => sql`(lower(o.name) like ${containsPattern(t)})::int`),
		sql` + `
	);
	return sql`(ts_rank(${vectorColumn(audience)}, ${all}, 1) * 2
		+ word_similarity(${words}, lower(o.name))
		${tokens.some((t) => t.length >= 3) ? sql`+ 0.3 * (${nameHit})` : sql``})`;
}

export function textArray(values: string[]): SQL {
	return sql`array[${sql.join(
		values.map((v) => sql`${v}`),
		sql`, `
	)}]::text[]`;
}

export type FilterKey =
	'district' | 'competence' | 'drivetrain' | 'kind' | 'valueChain' | 'size' | 'certification' | 'status';

/**
 * One boolean per active filter. Facet counts are disjunctive: a facet counts the rows that pass
 * every filter except its own, so choosing a district still shows the other districts' numbers.
 * Filters on a field group only match where the group is visible to the audience.
 */
export function filterConditions(networkId: string, audience: Audience, query: DirectoryQuery) {
	const competencies = groupVisible('competencies', audience);
	const facts = groupVisible('facts', audience);
	const conditions: Partial<Record<FilterKey, SQL>> = {};
	if (query.district.length) conditions.district = sql`o.district = any(${textArray(query.district)})`;
	if (query.kind.length) conditions.kind = sql`o.kind = any(${textArray(query.kind)})`;
	if (query.status.length && audience === 'office')
		conditions.status = sql`o.status = any(${textArray(query.status)})`;
	if (query.valueChain.length)
		conditions.valueChain = sql`(${competencies} and o.value_chain = any(${textArray(query.valueChain)}))`;
	if (query.drivetrain.length)
		conditions.drivetrain = sql`(${competencies} and o.drivetrains && ${textArray(query.drivetrain)})`;
	if (query.certification.length)
		conditions.certification = sql`(${competencies} and o.certifications && ${textArray(query.certification)})`;
	if (query.size.length) conditions.size = sql`(${facts} and o.size_class = any(${textArray(query.size)}))`;
	if (query.competence.length)
		conditions.competence = sql`(${competencies} and o.competence_ids && array(
			select c.id from competencies c
			where c.network_id = ${networkId} and c.path = any(${textArray(query.competence)})
		))`;
	return conditions;
}

/** The size an audience may sort by: others than the office never by the exact number. */
export function sizeKey(audience: Audience): SQL {
	return audience === 'office'
		? sql`o.employees`
		: sql`case when ${groupVisible('facts', audience)} then array_position(array['micro','small','medium','large','enterprise'], o.size_class) end`;
}

/** The page's order over narrow rows with rank, sort_name, size_key and id (of `table`, if given). */
export function pageOrder(query: DirectoryQuery, table?: 'page'): SQL {
	const column = (name: string) => sql.raw(table ? `${table}.${name}` : name);
	const byName = sql`${column('sort_name')}, ${column('id')}`;
	if (query.sort === 'name') return byName;
	if (query.sort === 'size') return sql`${column('size_key')} desc nulls last, ${byName}`;
	return queryTokens(query.q).length ? sql`${column('rank')} desc, ${byName}` : byName;
}
