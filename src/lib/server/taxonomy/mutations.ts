import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { db, type Transaction } from '../db/index.ts';
import { competencies, organisationCompetencies } from '../db/schema/index.ts';
import { AppError, isUniqueViolation } from '../errors.ts';
import { recordAudit, type AuditContext } from '../audit/mutations.ts';
import { forgetCachedSearches, refreshSearchDocuments } from '../directory/mutations.ts';
import { can } from '../policy/policy.ts';
import type { Actor } from '../policy/actor.ts';
import { slugify } from './tree.ts';

type Change = { actor: Actor; networkId: string; context?: AuditContext };

export type TaxonomyResult =
	| { ok: true; id: string }
	| { ok: false; reason: 'NOT_FOUND' | 'DUPLICATE' | 'IN_USE' | 'HAS_CHILDREN' | 'AT_EDGE' };

function assertMayManage(change: Change) {
	if (!can(change.actor, 'office.taxonomy.manage', { networkId: change.networkId })) {
		throw new AppError('FORBIDDEN', 'May not manage the competence taxonomy.');
	}
}

async function lockNode(t: Transaction, networkId: string, id: string) {
	const [row] = await t
		.select()
		.from(competencies)
		.where(and(eq(competencies.networkId, networkId), eq(competencies.id, id)))
		.for('update');
	return row ?? null;
}

const siblingsOf = (networkId: string, parentId: string | null) =>
	and(
		eq(competencies.networkId, networkId),
		parentId ? eq(competencies.parentId, parentId) : isNull(competencies.parentId)
	);

async function audit(
	t: Transaction,
	change: Change,
	action: string,
	id: string,
	details: Record<string, unknown>
) {
	// Every taxonomy change shows in the directory's facets: forget its cached searches on commit.
	forgetCachedSearches(change.networkId, t);
	await recordAudit(
		{
			networkId: change.networkId,
			actor: change.actor,
			action,
			targetType: 'competence',
			targetId: id,
			details,
			context: change.context
		},
		t
	);
}

/** A new node at the end of its siblings; its path is unique per network (the index decides). */
export async function addCompetence(
	change: Change & { parentId: string | null; nameDe: string; nameEn: string }
): Promise<TaxonomyResult> {
	assertMayManage(change);
	try {
		return await (
			await db()
		).transaction(async (t): Promise<TaxonomyResult> => {
			const parent = change.parentId ? await lockNode(t, change.networkId, change.parentId) : null;
			if (change.parentId && !parent) return { ok: false, reason: 'NOT_FOUND' };
			const slug = slugify(change.nameDe);
			const path = parent ? `${parent.path}.${slug}` : slug;
			const [last] = await t
				.select({ position: sql<number>`coalesce(max(${competencies.position}), -1)::int` })
				.from(competencies)
				.where(siblingsOf(change.networkId, parent?.id ?? null));
			const [created] = await t
				.insert(competencies)
				.values({
					networkId: change.networkId,
					parentId: parent?.id ?? null,
					slug,
					path,
					nameDe: change.nameDe,
					nameEn: change.nameEn,
					position: Number(last?.position ?? -1) + 1
				})
				.returning({ id: competencies.id });
			await audit(t, change, 'office.competence.created', created!.id, {
				after: { path, nameDe: change.nameDe, nameEn: change.nameEn }
			});
			return { ok: true, id: created!.id };
		});
	} catch (error) {
		if (isUniqueViolation(error)) return { ok: false, reason: 'DUPLICATE' };
		throw error;
	}
}

/** Renames keep the slug (it is in filter URLs); names are in the search documents, so refresh. */
export async function renameCompetence(
	change: Change & { id: string; nameDe: string; nameEn: string }
): Promise<TaxonomyResult> {
	assertMayManage(change);
	return (await db()).transaction(async (t): Promise<TaxonomyResult> => {
		const node = await lockNode(t, change.networkId, change.id);
		if (!node) return { ok: false, reason: 'NOT_FOUND' };
		if (node.nameDe === change.nameDe && node.nameEn === change.nameEn) return { ok: true, id: node.id };
		await t
			.update(competencies)
			.set({ nameDe: change.nameDe, nameEn: change.nameEn })
			.where(and(eq(competencies.networkId, change.networkId), eq(competencies.id, node.id)));
		await refreshSearchDocuments(change.networkId, undefined, t);
		await audit(t, change, 'office.competence.renamed', node.id, {
			path: node.path,
			before: { nameDe: node.nameDe, nameEn: node.nameEn },
			after: { nameDe: change.nameDe, nameEn: change.nameEn }
		});
		return { ok: true, id: node.id };
	});
}

/** Swaps the node with its neighbour among its siblings; positions are renumbered 0..n-1. */
export async function moveCompetence(
	change: Change & { id: string; direction: 'up' | 'down' }
): Promise<TaxonomyResult> {
	assertMayManage(change);
	return (await db()).transaction(async (t): Promise<TaxonomyResult> => {
		const node = await lockNode(t, change.networkId, change.id);
		if (!node) return { ok: false, reason: 'NOT_FOUND' };
		const siblings = await t
			.select({ id: competencies.id })
			.from(competencies)
			.where(siblingsOf(change.networkId, node.parentId))
			.orderBy(asc(competencies.position), asc(competencies.nameDe))
			.for('update');
		const order = siblings.map((s) => s.id);
		const from = order.indexOf(node.id);
		const to = change.direction === 'up' ? from - 1 : from + 1;
		if (to < 0 || to >= order.length) return { ok: false, reason: 'AT_EDGE' };
		[order[from], order[to]] = [order[to]!, order[from]!];
		for (const [position, id] of order.entries()) {
			await t
				.update(competencies)
				.set({ position })
				.where(and(eq(competencies.networkId, change.networkId), eq(competencies.id, id)));
		}
		await audit(t, change, 'office.competence.moved', node.id, {
			path: node.path,
			before: { position: from },
			after: { position: to }
		});
		return { ok: true, id: node.id };
	});
}

/** Only an unused leaf may go: organisations' choices are never dropped silently. */
export async function deleteCompetence(change: Change & { id: string }): Promise<TaxonomyResult> {
	assertMayManage(change);
	return (await db()).transaction(async (t): Promise<TaxonomyResult> => {
		const node = await lockNode(t, change.networkId, change.id);
		if (!node) return { ok: false, reason: 'NOT_FOUND' };
		const [child] = await t
			.select({ id: competencies.id })
			.from(competencies)
			.where(and(eq(competencies.networkId, change.networkId), eq(competencies.parentId, node.id)))
			.limit(1);
		if (child) return { ok: false, reason: 'HAS_CHILDREN' };
		const [use] = await t
			.select({ id: organisationCompetencies.organisationId })
			.from(organisationCompetencies)
			.where(
				and(
					eq(organisationCompetencies.networkId, change.networkId),
					eq(organisationCompetencies.competenceId, node.id)
				)
			)
			.limit(1);
		if (use) return { ok: false, reason: 'IN_USE' };
		await t
			.delete(competencies)
			.where(and(eq(competencies.networkId, change.networkId), eq(competencies.id, node.id)));
		await audit(t, change, 'office.competence.deleted', node.id, {
			before: { path: node.path, nameDe: node.nameDe, nameEn: node.nameEn }
		});
		return { ok: true, id: node.id };
	});
}
