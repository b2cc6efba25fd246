import { db, type DatabaseOrTransaction } from '../db/index.ts';
import { mailMessages } from '../db/schema/index.ts';
import { config } from '../config.ts';
import { enqueueJob } from '../jobs/boss.ts';

export type OutgoingMail = {
	networkId: string | null;
	to: string;
	subject: string;
	text: string;
	html?: string;
	/** What the mail is for, e.g. 'verify-email', 'password-reset', 'invitation'. */
	kind: string;
};

export const MAIL_JOB = 'mail.send';

/**
 * Stores the mail and, when SMTP is configured, queues its delivery as a background job (which
 * survives restarts and is retried). Without SMTP the mail stays in the outbox for the office.
 */
export async function queueMail(mail: OutgoingMail, tx?: DatabaseOrTransaction) {
	const database = tx ?? (await db());
	const hasSmtp = !!config().SMTP_URL;
	const [row] = await database
		.insert(mailMessages)
		.values({
			networkId: mail.networkId,
			toAddress: mail.to,
			subject: mail.subject,
			textBody: mail.text,
			htmlBody: mail.html ?? null,
			kind: mail.kind,
			status: hasSmtp ? 'queued' : 'outbox'
		})
		.returning({ id: mailMessages.id });
	if (hasSmtp && row) await enqueueJob(MAIL_JOB, { mailId: row.id });
	return row!.id;
}
