import { db, type DatabaseOrTransaction } from '../db/index.ts';
import { mailAttachments, mailMessages } from '../db/schema/index.ts';
import { config } from '../config.ts';
import { logger } from '../logger.ts';
import { enqueueJob } from '../jobs/boss.ts';
import { MAIL_JOB, type MailJobData } from './names.ts';
import type { MailAttachment } from './transport.ts';

export { MAIL_JOB } from './names.ts';

export type OutgoingMail = {
	networkId: string | null;
	to: string;
	subject: string;
	/** Plain text; always sent. */
	text: string;
	/** Optional HTML alternative; the caller escapes whatever user data it contains. */
	html?: string;
	/** What the mail is for, e.g. 'verify-email', 'password-reset', 'invitation'. */
	kind: string;
	/** Sent with the mail and kept with it in the outbox (an event's .ics, a QR code). */
	attachments?: MailAttachment[];
};

/**
 * Stores the mail and, when SMTP is configured, queues its delivery as a background job (which
 * survives restarts and is retried). Without SMTP the mail stays in the outbox for the office.
 * Given a transaction, the mail and its job exist only if that transaction commits. Without a
 * running job runner (e.g. a command-line script) the mail waits as 'queued' and is enqueued by
 * the next runner that starts or sweeps.
 */
export async function queueMail(mail: OutgoingMail, tx?: DatabaseOrTransaction): Promise<string> {
	// A mail with attachments is stored whole or not at all.
	if (!tx && mail.attachments?.length) return (await db()).transaction((own) => queueMail(mail, own));
	const database = tx ?? (await db());
	const status = config().SMTP_URL ? 'queued' : 'outbox';
	const [row] = await database
		.insert(mailMessages)
		.values({
			networkId: mail.networkId,
			toAddress: mail.to,
			subject: mail.subject,
			textBody: mail.text,
			htmlBody: mail.html ?? null,
			kind: mail.kind,
			status
		})
		.returning({ id: mailMessages.id });
	const mailId = row!.id;
	if (mail.attachments?.length) {
		await database.insert(mailAttachments).values(
			mail.attachments.map((attachment, position) => ({
				mailId,
				position,
				fileName: attachment.fileName,
				contentType: attachment.contentType,
				contentId: attachment.contentId ?? null,
				content: attachment.content
			}))
		);
	}
	logger.info({ mailId, kind: mail.kind, status }, 'mail stored');
	if (status === 'queued') {
		await enqueueJob(MAIL_JOB, { mailId } satisfies MailJobData, { singletonKey: mailId, tx });
	}
	return mailId;
}
