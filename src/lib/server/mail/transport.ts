import nodemailer, { type Transporter } from 'nodemailer';
import { config } from '../config.ts';

/** What the SMTP transport needs of a stored mail. */
export type DeliverableMail = {
	id: string;
	toAddress: string;
	subject: string;
	textBody: string;
	htmlBody: string | null;
	attachments?: MailAttachment[];
};

export type MailAttachment = {
	fileName: string;
	contentType: string;
	content: Uint8Array;
	/** Set for an image the HTML shows inline (`<img src="cid:…">`). */
	contentId?: string | null;
};

let cached: { url: string; transporter: Transporter } | undefined;

/**
 * One transport per SMTP_URL (smtp:// or smtps://, credentials in the URL). Timeouts are well
 * below the mail job's expiry, so an attempt has always ended before pg-boss hands the job on.
 */
function transport(url: string) {
	if (cached?.url !== url) {
		cached?.transporter.close();
		cached = {
			url,
			transporter: nodemailer.createTransport({
				url,
				connectionTimeout: 20_000,
				greetingTimeout: 20_000,
				socketTimeout: 60_000,
				dnsTimeout: 10_000
			})
		};
	}
	return cached.transporter;
}

export function closeMailTransport() {
	cached?.transporter.close();
	cached = undefined;
}

function domainOf(address: string) {
	const match = /@([^\s@<>]+)>?\s*$/.exec(address);
	return match?.[1] ?? 'knotenpunkt.local';
}

/** Sends one stored mail over SMTP; throws nodemailer's error when the server refuses it. */
export async function sendOverSmtp(smtpUrl: string, mail: DeliverableMail) {
	const from = config().MAIL_FROM;
	await transport(smtpUrl).sendMail({
		from,
		to: mail.toAddress,
		subject: mail.subject,
		text: mail.textBody,
		html: mail.htmlBody ?? undefined,
		attachments: mail.attachments?.map((attachment) => ({
			filename: attachment.fileName,
			contentType: attachment.contentType,
			content: Buffer.from(attachment.content),
			...(attachment.contentId ? { cid: attachment.contentId } : {})
		})),
		// Stable per stored mail, so a receiver can tell a repeated delivery from a new mail.
		messageId: `<${mail.id}@${domainOf(from)}>`,
		headers: { 'Auto-Submitted': 'auto-generated' }
	});
}
