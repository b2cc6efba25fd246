import { m } from '../../../paraglide/messages.js';
import { eventTitle, formatEventStart } from '../../../events/format.ts';
import type { DatabaseOrTransaction } from '../../db/index.ts';
import { queueMail } from '../../mail/queue.ts';
import type { EventRow } from '../scope.ts';
import { mailLocale } from '../../mail/compose.ts';

const htmlEntities: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** The organiser's text goes into the HTML part as text, never as markup. */
export function escapeHtml(text: string) {
	return text.replace(/[&<>"']/g, (c) => htmlEntities[c]!);
}

function htmlParagraphs(parts: string[]) {
	return parts
		.map((part) => `<p>${escapeHtml(part).replaceAll('\r\n', '\n').replaceAll('\n', '<br>')}</p>`)
		.join('\n');
}

export type MessageRecipient = { name: string; email: string; locale: string; waitlisted: boolean };

/**
 * One mail per person in their language: a greeting and the why-you-get-this line are ours, the
 * subject and text are the organiser's, verbatim.
 */
export async function queueOrganiserMessage(
	input: {
		network: { id: string; name: string };
		event: Pick<EventRow, 'id' | 'titleDe' | 'titleEn' | 'startsAt'>;
		recipient: MessageRecipient;
		subject: string;
		body: string;
		origin: string;
	},
	tx: DatabaseOrTransaction
) {
	const { network, event, recipient, subject, body } = input;
	const locale = mailLocale(recipient.locale);
	const title = eventTitle(event, locale);
	const date = formatEventStart(event.startsAt, locale);
	const link = `${input.origin}/events/${event.id}`;
	const greeting = m.event_organiser_mail_greeting({ name: recipient.name }, { locale });
	const why = recipient.waitlisted
		? m.event_organiser_mail_why_waitlisted({ title, date }, { locale })
		: m.event_organiser_mail_why_registered({ title, date }, { locale });
	const signature = m.event_organiser_mail_signature({ network: network.name }, { locale });
	const text = [greeting, body.trim(), '—', why, link, signature, ''].join('\n\n');
	const html = [
		htmlParagraphs([greeting, body.trim()]),
		'<hr>',
		htmlParagraphs([why]),
		`<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
		htmlParagraphs([signature])
	].join('\n');
	return queueMail(
		{ networkId: network.id, to: recipient.email, kind: 'event-message', subject, text, html },
		tx
	);
}
