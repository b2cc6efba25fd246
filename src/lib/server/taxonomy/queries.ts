import { eq, sql } from 'drizzle-orm';
import { db } from '../db/index.ts';
import { competencies } from '../db/schema/index.ts';
import { orderTree } from './tree.ts';

/** The network's taxonomy in tree order, for the profile form's checkboxes. */
export async function listTaxonomy(networkId: string) {
	const rows = await (
		await db()
	)
		.select({
			id: competencies.id,
			parentId: competencies.parentId,
			path: competencies.path,
			slug: competencies.slug,
			nameDe: competencies.nameDe,
			nameEn: competencies.nameEn,
			position: competencies.position
		})
		.from(competencies)
		.where(eq(competencies.networkId, networkId));
	return orderTree(rows);
}

/**
 * The tree for the office, with two counts per node: organisations that chose the node itself
 * (which blocks deleting it) and organisations anywhere in its subtree.
 */
export async function listTaxonomyWithCounts(networkId: string) {
	// Qualified by table: a bare column in a subquery would bind to the subquery's own table.
	const node = sql.raw('"competencies"');
	const rows = await (
		await db()
	)
		.select({
			id: competencies.id,
			parentId: competencies.parentId,
			path: competencies.path,
			slug: competencies.slug,
			nameDe: competencies.nameDe,
			nameEn: competencies.nameEn,
			position: competencies.position,
			direct: sql<number>`(select count(*)::int from organisation_competencies oc
				where oc.network_id = ${networkId} and oc.competence_id = ${node}.id)`,
			subtree: sql<number>`(select count(*)::int from organisations o
				where o.network_id = ${networkId} and ${node}.id = any(o.competence_ids))`
		})
		.from(competencies)
		.where(eq(competencies.networkId, networkId));
	return orderTree(rows.map((row) => ({ ...row, direct: Number(row.direct), subtree: Number(row.subtree) })));
}
