import { and, eq, sql } from 'drizzle-orm';
import { db } from '../db/index.ts';
import { legalPages } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { recordAudit, type AuditContext } from '../audit/mutations.ts';
import { can } from '../policy/policy.ts';
import type { Actor } from '../policy/actor.ts';
import type { LegalKind } from './queries.ts';

/** One row per network and kind: the unique index makes the upsert safe against a parallel save. */
export async function saveLegalPage(input: {
	actor: Actor;
	networkId: string;
	kind: LegalKind;
	bodyDe: string;
	bodyEn: string;
	context?: AuditContext;
}) {
	if (!can(input.actor, 'office.legal.edit', { networkId: input.networkId })) {
		throw new AppError('FORBIDDEN', 'May not edit legal pages.');
	}
	return (await db()).transaction(async (t) => {
		const [before] = await t
			.select({ bodyDe: legalPages.bodyDe, bodyEn: legalPages.bodyEn })
			.from(legalPages)
			.where(and(eq(legalPages.networkId, input.networkId), eq(legalPages.kind, input.kind)));
		const [saved] = await t
			.insert(legalPages)
			.values({
				networkId: input.networkId,
				kind: input.kind,
				bodyDe: input.bodyDe,
				bodyEn: input.bodyEn,
				updatedBy: input.actor.userId
			})
			.onConflictDoUpdate({
				target: [legalPages.networkId, legalPages.kind],
				set: {
					bodyDe: input.bodyDe,
					bodyEn: input.bodyEn,
					updatedBy: input.actor.userId,
					updatedAt: sql`now()`
				}
			})
			.returning();
		await recordAudit(
			{
				networkId: input.networkId,
				actor: input.actor,
				action: 'office.legal.updated',
				targetType: 'legal_page',
				targetId: input.kind,
				// Lengths, not whole texts: enough to see what changed without bloating the log.
				details: {
					before: before ? { de: before.bodyDe.length, en: before.bodyEn.length } : null,
					after: { de: input.bodyDe.length, en: input.bodyEn.length }
				},
				context: input.context
			},
			t
		);
		return saved!;
	});
}
