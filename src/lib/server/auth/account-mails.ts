import { m } from '../../paraglide/messages.js';
import { queueMail } from '../mail/queue.ts';
import type { RequestContext } from './auth.ts';

export type AccountMailKind = 'verify-email' | 'password-reset' | 'change-email';

type AccountMail = { context: RequestContext; to: string; name: string; link: string };

const texts = {
	'verify-email': { subject: m.mail_verify_subject, body: m.mail_verify_body },
	'password-reset': { subject: m.mail_reset_subject, body: m.mail_reset_body },
	'change-email': { subject: m.mail_change_email_subject, body: m.mail_change_email_body }
} as const;

/** Account mails in the recipient's language, with the link on a line of its own. */
export async function sendAccountMail(kind: AccountMailKind, mail: AccountMail) {
	const { locale, networkName, networkId } = mail.context;
	const text = texts[kind];
	const params = { name: mail.name, network: networkName, link: mail.link };
	await queueMail({
		networkId,
		to: mail.to,
		kind,
		subject: text.subject(params, { locale }),
		text: `${text.body(params, { locale })}\n\n${mail.link}\n\n${m.mail_signature({ network: networkName }, { locale })}\n`
	});
}
