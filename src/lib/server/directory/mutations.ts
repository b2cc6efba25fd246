import { sql, type SQL } from 'drizzle-orm';
import { db, type DatabaseOrTransaction } from '../db/index.ts';
import { afterCommit } from '../db/after-commit.ts';
import { invalidateDirectoryCache } from './cache.ts';
import { foldColumn } from '../office/search.ts';
import type { Audience } from '../policy/policy.ts';
import { groupVisible } from './search-sql.ts';

function when(group: 'competencies' | 'description', audience: Audience, text: SQL): SQL {
	return sql`case when ${groupVisible(group, audience)} then ${text} else '' end`;
}

/**
 * One audience's search document. Name hits rank first (A), competencies, keywords and products
 * next (B), descriptions last (C, D), so "Batterie" in a name or competence beats a description.
 * City and district are always public and searchable.
 */
function documentFor(audience: Audience): SQL {
	const competenceText = sql`concat_ws(' ', x.names_de, array_to_string(o.keywords, ' '), array_to_string(o.products, ' '))`;
	return sql`setweight(to_tsvector('german', o.name), 'A')
		|| setweight(to_tsvector('german', ${when('competencies', audience, competenceText)}), 'B')
		|| setweight(to_tsvector('english', ${when('competencies', audience, sql`coalesce(x.names_en, '')`)}), 'B')
		|| setweight(to_tsvector('german', concat_ws(' ', o.city, o.district)), 'C')
		|| setweight(to_tsvector('german', ${when('description', audience, sql`concat_ws(' ', o.short_description_de, o.long_description_de)`)}), 'C')
		|| setweight(to_tsvector('english', ${when('description', audience, sql`concat_ws(' ', o.short_description_en, o.long_description_en)`)}), 'D')`;
}

/**
 * Lower-cased text for substring matching ("reifen" finds "Fahrradreifen"), with umlauts folded
 * so "Osnabrueck" and "Osnabrück" meet (the query is folded the same way).
 */
function textFor(audience: Audience): SQL {
	return foldColumn(sql`concat_ws(' ', o.name, o.city, o.district,
		${when('competencies', audience, sql`concat_ws(' ', x.names_de, x.names_en, array_to_string(o.keywords, ' '), array_to_string(o.products, ' '))`)},
		${when('description', audience, sql`concat_ws(' ', o.short_description_de, o.long_description_de, o.short_description_en, o.long_description_en)`)})`);
}

/**
 * Recomputes the denormalised search columns (competence ids with ancestors, one document per
 * audience) of some or all organisations of a network. Call it in the same transaction as every
 * change to a profile, its competencies or the taxonomy's names.
 */
export async function refreshSearchDocuments(
	networkId: string,
	organisationIds?: string[],
	tx?: DatabaseOrTransaction
) {
	if (organisationIds && organisationIds.length === 0) return;
	const database = tx ?? (await db());
	const only = organisationIds
		? sql`and oc.organisation_id in (${sql.join(
				organisationIds.map((id) => sql`${id}::uuid`),
				sql`, `
			)})`
		: sql``;
	const onlyRows = organisationIds
		? sql`and o.id in (${sql.join(
				organisationIds.map((id) => sql`${id}::uuid`),
				sql`, `
			)})`
		: sql``;
	await database.execute(sql`
		with recursive tree as (
			select oc.organisation_id, c.id, c.parent_id
			from organisation_competencies oc
			join competencies c on c.id = oc.competence_id
			where oc.network_id = ${networkId} ${only}
			union
			select t.organisation_id, c.id, c.parent_id
			from tree t join competencies c on c.id = t.parent_id
		),
		x as (
			select t.organisation_id,
				array_agg(c.id order by c.path) as ids,
				string_agg(c.name_de, ' ' order by c.path) as names_de,
				string_agg(c.name_en, ' ' order by c.path) as names_en
			from (select distinct organisation_id, id from tree) t
			join competencies c on c.id = t.id
			group by t.organisation_id
		)
		update organisations o set
			competence_ids = coalesce(x.ids, '{}'),
			search_public = ${documentFor('public')},
			search_members = ${documentFor('members')},
			search_office = ${documentFor('office')},
			search_text_public = ${textFor('public')},
			search_text_members = ${textFor('members')},
			search_text_office = ${textFor('office')}
		from organisations o2
		left join x on x.organisation_id = o2.id
		where o.id = o2.id and o.network_id = ${networkId} ${onlyRows}
	`);
	forgetCachedSearches(networkId, database);
}

/** Cached directory searches of the network are forgotten once the change commits. */
export function forgetCachedSearches(networkId: string, tx: DatabaseOrTransaction) {
	afterCommit(tx, () => invalidateDirectoryCache(networkId));
}
