import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { mailAttachments, mailMessages } from '../db/schema/index.ts';
import { config } from '../config.ts';
import { logger } from '../logger.ts';
import { isUuid } from './ids.ts';
import { MAIL_JOB, type MailJobData } from './names.ts';
import { sendOverSmtp } from './transport.ts';

/** The part of a pg-boss job the delivery needs (retryCount counts from 0). */
export type MailJob = { data: MailJobData; retryCount: number; retryLimit: number };

export type DeliveryOutcome = 'sent' | 'outbox' | 'skipped';

export class MailDeliveryError extends Error {}

const LAST_ERROR_MAX = 500;

function describeError(error: unknown) {
	const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
	const text = [typeof code === 'string' ? code : '', typeof message === 'string' ? message : String(error)]
		.filter(Boolean)
		.join(': ');
	return text.slice(0, LAST_ERROR_MAX);
}

/**
 * Delivers one stored mail. The job carries only the mail id; the row is the truth. Claiming it
 * with a conditional update ('queued' → 'sending') lets exactly one worker send it, even with
 * several server processes on one database. A retry of the same job may also take over a mail
 * left 'sending' — its earlier attempt was cut off (crash, shutdown, expiry), since a finished
 * attempt always moves the row on. The attempt number guards the final update, so a late answer
 * of an abandoned attempt cannot overwrite a newer one.
 * Throws after a failed attempt so that pg-boss retries (with backoff) or gives up.
 */
export async function deliverMail(database: Database, job: MailJob): Promise<DeliveryOutcome> {
	const mailId = job.data?.mailId;
	if (typeof mailId !== 'string' || !isUuid(mailId)) {
		logger.warn({ job: MAIL_JOB }, 'mail job without a valid mail id');
		return 'skipped';
	}
	const smtpUrl = config().SMTP_URL;
	if (!smtpUrl) {
		// SMTP was switched off after the mail was queued: keep it readable in the outbox.
		const moved = await database
			.update(mailMessages)
			.set({ status: 'outbox' })
			.where(and(eq(mailMessages.id, mailId), eq(mailMessages.status, 'queued')))
			.returning({ kind: mailMessages.kind });
		if (moved.length) logger.info({ mailId, kind: moved[0]!.kind, status: 'outbox' }, 'mail kept in outbox');
		return moved.length ? 'outbox' : 'skipped';
	}
	const claimable =
		job.retryCount > 0
			? inArray(mailMessages.status, ['queued', 'sending'])
			: eq(mailMessages.status, 'queued');
	const [mail] = await database
		.update(mailMessages)
		.set({ status: 'sending', attempts: sql`${mailMessages.attempts} + 1` })
		.where(and(eq(mailMessages.id, mailId), claimable))
		.returning();
	if (!mail) {
		logger.debug({ mailId }, 'mail not claimable (sent, failed or taken by another worker)');
		return 'skipped';
	}
	const stillOurs = and(
		eq(mailMessages.id, mail.id),
		eq(mailMessages.status, 'sending'),
		eq(mailMessages.attempts, mail.attempts)
	);
	const attachments = await database
		.select({
			fileName: mailAttachments.fileName,
			contentType: mailAttachments.contentType,
			contentId: mailAttachments.contentId,
			content: mailAttachments.content
		})
		.from(mailAttachments)
		.where(eq(mailAttachments.mailId, mail.id))
		.orderBy(asc(mailAttachments.position));
	try {
		await sendOverSmtp(smtpUrl, { ...mail, attachments });
	} catch (error) {
		const status = job.retryCount >= job.retryLimit ? 'failed' : 'queued';
		await database
			.update(mailMessages)
			.set({ status, lastError: describeError(error) })
			.where(stillOurs);
		const { code, responseCode } = (error ?? {}) as { code?: string; responseCode?: number };
		logger.warn(
			{ mailId: mail.id, kind: mail.kind, status, attempt: mail.attempts, code, responseCode },
			'mail delivery failed'
		);
		// The job's stored output gets no addresses or server texts; the row has the details.
		throw new MailDeliveryError(`mail ${mail.id} not delivered (${code ?? 'error'})`);
	}
	await database
		.update(mailMessages)
		.set({ status: 'sent', sentAt: sql`now()` })
		.where(stillOurs);
	logger.info({ mailId: mail.id, kind: mail.kind, status: 'sent', attempt: mail.attempts }, 'mail sent');
	return 'sent';
}

/**
 * A mail job ran out of retries without its attempt finishing (crash, shutdown, expiry): the row
 * would stay 'sending' forever. Mark it failed so the office sees it and can send it again.
 */
export async function markInterruptedMail(database: Database, data: MailJobData) {
	if (typeof data?.mailId !== 'string' || !isUuid(data.mailId)) return;
	const [row] = await database
		.update(mailMessages)
		.set({ status: 'failed', lastError: 'Delivery was interrupted and no retries are left.' })
		.where(and(eq(mailMessages.id, data.mailId), eq(mailMessages.status, 'sending')))
		.returning({ id: mailMessages.id, kind: mailMessages.kind });
	if (row) logger.warn({ mailId: row.id, kind: row.kind, status: 'failed' }, 'mail delivery interrupted');
}

/** The ids of mails waiting for delivery, oldest first. */
export async function findQueuedMailIds(database: Database, limit = 500) {
	const rows = await database
		.select({ id: mailMessages.id })
		.from(mailMessages)
		.where(eq(mailMessages.status, 'queued'))
		.orderBy(asc(mailMessages.createdAt))
		.limit(limit);
	return rows.map((row) => row.id);
}
