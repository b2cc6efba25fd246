import { and, eq } from 'drizzle-orm';
import { db } from '../db/index.ts';
import { mailMessages } from '../db/schema/index.ts';
import { logger } from '../logger.ts';
import { enqueueJob } from '../jobs/boss.ts';
import { isUuid } from './ids.ts';
import { MAIL_JOB, type MailJobData } from './names.ts';

export type RetryMailResult = { ok: true } | { ok: false; reason: 'NOT_FOUND' | 'NOT_RETRYABLE' };

/**
 * Sends a failed mail again: back to 'queued' with a fresh set of retries. Only 'failed' mails
 * qualify; the conditional update decides when two office users click at once.
 */
export async function retryMail(networkId: string, id: string): Promise<RetryMailResult> {
	if (!isUuid(id)) return { ok: false, reason: 'NOT_FOUND' };
	const database = await db();
	return database.transaction(async (tx) => {
		const scope = and(eq(mailMessages.id, id), eq(mailMessages.networkId, networkId));
		const [row] = await tx
			.update(mailMessages)
			.set({ status: 'queued' })
			.where(and(scope, eq(mailMessages.status, 'failed')))
			.returning({ id: mailMessages.id, kind: mailMessages.kind });
		if (!row) {
			const [existing] = await tx.select({ id: mailMessages.id }).from(mailMessages).where(scope);
			return { ok: false, reason: existing ? 'NOT_RETRYABLE' : 'NOT_FOUND' } as const;
		}
		await enqueueJob(MAIL_JOB, { mailId: row.id } satisfies MailJobData, { singletonKey: row.id, tx });
		logger.info({ mailId: row.id, kind: row.kind, status: 'queued' }, 'mail queued again');
		return { ok: true } as const;
	});
}
