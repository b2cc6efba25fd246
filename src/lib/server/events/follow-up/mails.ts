import type { MailNetwork } from '../../networks/origin.ts';
import { m } from '../../../paraglide/messages.js';
import { eventLocationLine, eventTitle, formatEventRange } from '../../../events/format.ts';
import type { DatabaseOrTransaction } from '../../db/index.ts';
import { queueMail } from '../../mail/queue.ts';
import { buildCalendar } from '../ical.ts';
import type { EventRow } from '../scope.ts';
import { composeText, mailLocale, type MailLocale } from '../../mail/compose.ts';

/**
 * The follow-up mails (reminder, feedback request), each in the registration's language. They are
 * queued in the caller's transaction, the same one that claims the registration, so a mail
 * exists exactly when its claim was committed.
 */

export type FollowUpRecipient = { id: string; name: string; email: string; locale: string };
type FollowUpNetwork = MailNetwork & { id: string };

const eventUrl = (origin: string, eventId: string) => `${origin}/events/${eventId}`;

/** Where to go: the address, and for online and hybrid events the join link (seat holders only). */
function placeLines(event: EventRow, locale: MailLocale) {
	const lines: string[] = [];
	const place =
		event.locationKind === 'online' ? '' : eventLocationLine({ ...event, locationKind: 'onsite' }, locale);
	if (place) lines.push(m.event_followup_mail_where({ place }, { locale }));
	if (event.locationKind !== 'onsite')
		lines.push(
			event.onlineUrl
				? m.event_followup_mail_join({ url: event.onlineUrl }, { locale })
				: m.event_followup_mail_join_later({}, { locale })
		);
	return lines;
}

function calendarFor(event: EventRow, network: FollowUpNetwork, locale: MailLocale) {
	const location =
		event.locationKind === 'online'
			? (event.onlineUrl ?? eventLocationLine(event, locale))
			: eventLocationLine(event, locale);
	const ics = buildCalendar(
		[
			{
				id: event.id,
				startsAt: event.startsAt,
				endsAt: event.endsAt,
				sequence: event.sequence,
				status: event.status,
				createdAt: event.createdAt,
				updatedAt: event.updatedAt,
				title: eventTitle(event, locale),
				description: event.onlineUrl && event.locationKind !== 'onsite' ? event.onlineUrl : '',
				location,
				url: eventUrl(network.origin, event.id)
			}
		],
		{ name: network.name, host: new URL(network.origin).hostname, method: 'REQUEST' }
	);
	return {
		fileName: 'event.ics',
		contentType: 'text/calendar; charset=utf-8; method=REQUEST',
		content: new TextEncoder().encode(ics)
	};
}

export async function queueReminderMail(
	tx: DatabaseOrTransaction,
	input: { event: EventRow; registration: FollowUpRecipient; network: FollowUpNetwork; personalLink: string }
) {
	const { event, registration, network, personalLink } = input;
	const locale = mailLocale(registration.locale);
	const title = eventTitle(event, locale);
	const when = formatEventRange(event.startsAt, event.endsAt, locale);
	return queueMail(
		{
			networkId: event.networkId,
			to: registration.email,
			kind: 'event-reminder',
			subject: m.event_followup_reminder_subject({ title }, { locale }),
			text: composeText(
				[
					m.event_followup_mail_greeting({ name: registration.name }, { locale }),
					m.event_followup_reminder_intro({ title }, { locale }),
					[m.event_followup_mail_when({ when }, { locale }), ...placeLines(event, locale)].join('\n'),
					m.event_followup_mail_details({ url: eventUrl(network.origin, event.id) }, { locale }),
					m.event_followup_reminder_cancel({ url: personalLink }, { locale }),
					m.event_followup_reminder_calendar({}, { locale })
				],
				network.name,
				locale
			),
			attachments: [calendarFor(event, network, locale)]
		},
		tx
	);
}

export async function queueFeedbackMail(
	tx: DatabaseOrTransaction,
	input: { event: EventRow; registration: FollowUpRecipient; network: FollowUpNetwork; feedbackLink: string }
) {
	const { event, registration, network, feedbackLink } = input;
	const locale = mailLocale(registration.locale);
	const title = eventTitle(event, locale);
	const when = formatEventRange(event.startsAt, event.endsAt, locale);
	return queueMail(
		{
			networkId: event.networkId,
			to: registration.email,
			kind: 'event-feedback-request',
			subject: m.event_followup_feedback_subject({ title }, { locale }),
			text: composeText(
				[
					m.event_followup_mail_greeting({ name: registration.name }, { locale }),
					m.event_followup_feedback_intro({ title, when }, { locale }),
					m.event_followup_feedback_link({ url: feedbackLink }, { locale }),
					m.event_followup_feedback_privacy({}, { locale })
				],
				network.name,
				locale
			)
		},
		tx
	);
}
