import { m } from '../../paraglide/messages.js';

/** Mails speak the reader's language: English when they chose it, German otherwise. */
export type MailLocale = 'de' | 'en';

export const mailLocale = (value: string | null | undefined): MailLocale => (value === 'en' ? 'en' : 'de');

/** A plain-text mail: the paragraphs that are there, then the network's signature. */
export function composeText(
	paragraphs: (string | null | undefined | false)[],
	network: string,
	locale: MailLocale
) {
	const parts = paragraphs.filter((part): part is string => !!part);
	return [...parts, m.mail_signature({ network }, { locale }), ''].join('\n\n');
}
