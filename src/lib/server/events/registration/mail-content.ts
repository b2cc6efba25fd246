import { m } from '../../../paraglide/messages.js';

/**
 * A registration mail as plain text and as HTML. The text is what every client shows; the HTML
 * adds the inline QR code. Every piece of user data (names, titles, answers) is escaped here.
 */
export type MailPart =
	| { kind: 'paragraph'; text: string }
	| { kind: 'link'; label: string; url: string }
	| { kind: 'image'; contentId: string; alt: string };

export function escapeHtml(value: string): string {
	return value
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&#39;');
}

const htmlParagraph = (text: string) => `<p>${escapeHtml(text).replaceAll('\n', '<br>')}</p>`;

export function composeMail(parts: MailPart[], network: string, locale: 'de' | 'en') {
	const signature = m.mail_signature({ network }, { locale });
	const text: string[] = [];
	const html: string[] = [];
	for (const part of parts) {
		if (part.kind === 'paragraph') {
			text.push(part.text);
			html.push(htmlParagraph(part.text));
		} else if (part.kind === 'link') {
			text.push(`${part.label}\n${part.url}`);
			html.push(
				`<p>${escapeHtml(part.label)}<br><a href="${escapeHtml(part.url)}">${escapeHtml(part.url)}</a></p>`
			);
		} else {
			html.push(
				`<p><img src="cid:${escapeHtml(part.contentId)}" alt="${escapeHtml(part.alt)}" width="240" height="240"></p>`
			);
		}
	}
	text.push(signature, '');
	html.push(htmlParagraph(signature));
	return {
		text: text.join('\n\n'),
		html: `<!doctype html><html lang="${locale}"><body>${html.join('\n')}</body></html>`
	};
}
