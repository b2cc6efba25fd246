import { db, type DatabaseOrTransaction } from '../db/index.ts';
import { auditLog } from '../db/schema/index.ts';
import type { Actor } from '../policy/actor.ts';

export type AuditContext = { ipAddress?: string | null; userAgent?: string | null };

export type AuditEntry = {
	networkId: string | null;
	actor: Pick<Actor, 'userId' | 'email'> | null;
	action: string;
	targetType?: string;
	targetId?: string;
	details?: Record<string, unknown>;
	context?: AuditContext;
};

/** Appends to the audit log; pass the transaction when the audited change has one. */
export async function recordAudit(entry: AuditEntry, tx?: DatabaseOrTransaction) {
	const database = tx ?? (await db());
	await database.insert(auditLog).values({
		networkId: entry.networkId,
		actorUserId: entry.actor?.userId ?? null,
		actorEmail: entry.actor?.email ?? null,
		action: entry.action,
		targetType: entry.targetType,
		targetId: entry.targetId,
		details: entry.details ?? {},
		ipAddress: entry.context?.ipAddress ?? null,
		userAgent: entry.context?.userAgent?.slice(0, 300) ?? null
	});
}
