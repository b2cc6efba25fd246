import { eq } from 'drizzle-orm';
import { m } from '../../../paraglide/messages.js';
import { eventDescription, eventLocationLine, eventTitle, formatEventRange } from '../../../events/format.ts';
import { holdsSeat } from '../../../events/vocabulary.ts';
import type { DatabaseOrTransaction } from '../../db/index.ts';
import { eventRegistrations, events, networks } from '../../db/schema/index.ts';
import { queueMail } from '../../mail/queue.ts';
import type { MailAttachment } from '../../mail/transport.ts';
import { buildCalendar } from '../ical.ts';
import type { EventRow } from '../scope.ts';
import { composeMail, type MailPart } from './mail-content.ts';
import { waitlistPosition } from './position.ts';
import { registrationAccessToken, registrationLink, ticketQrPng } from './tokens.ts';
import type { MailKind } from './types.ts';
import { mailLocale, type MailLocale } from '../../mail/compose.ts';

type Registration = typeof eventRegistrations.$inferSelect;
const QR_CONTENT_ID = 'ticket-qr@knotenpunkt';

async function loadFacts(tx: DatabaseOrTransaction, registrationId: string) {
	const [row] = await tx
		.select({ registration: eventRegistrations, event: events, network: networks.name })
		.from(eventRegistrations)
		.innerJoin(events, eq(events.id, eventRegistrations.eventId))
		.innerJoin(networks, eq(networks.id, eventRegistrations.networkId))
		.where(eq(eventRegistrations.id, registrationId));
	return row ?? null;
}

/** The event as an .ics file: REQUEST adds or updates it in the calendar, CANCEL removes it. */
export function calendarAttachment(
	event: EventRow,
	options: {
		locale: MailLocale;
		origin: string;
		method: 'REQUEST' | 'CANCEL';
		withJoinLink: boolean;
		network: string;
		attendee: { name: string; email: string };
	}
): MailAttachment {
	const { locale, origin, method } = options;
	const where = eventLocationLine(event, locale);
	const joinLink = options.withJoinLink && event.onlineUrl ? event.onlineUrl : '';
	const ics = buildCalendar(
		[
			{
				...event,
				status: method === 'CANCEL' ? 'cancelled' : event.status,
				title: eventTitle(event, locale),
				description: [eventDescription(event, locale), joinLink].filter(Boolean).join('\n\n'),
				location: [where, joinLink].filter(Boolean).join(' · '),
				url: `${origin.replace(/\/$/, '')}/events/${event.id}`
			}
		],
		{ name: options.network, host: new URL(origin).host, method, attendee: options.attendee }
	);
	return {
		fileName: 'event.ics',
		contentType: `text/calendar; charset=utf-8; method=${method}`,
		content: new TextEncoder().encode(ics)
	};
}

async function ticketAttachments(registration: Registration, locale: MailLocale): Promise<MailAttachment[]> {
	const png = await ticketQrPng(registration.ticketCode);
	const fileName = `${m.event_mails_ticket_file({}, { locale })}.png`;
	return [
		{ fileName, contentType: 'image/png', content: png, contentId: QR_CONTENT_ID },
		{ fileName, contentType: 'image/png', content: png }
	];
}

const subjects: Record<MailKind, (p: { title: string }, o: { locale: MailLocale }) => string> = {
	confirmed: m.event_mails_confirmed_subject,
	waitlisted: m.event_mails_waitlisted_subject,
	promoted: m.event_mails_promoted_subject,
	cancelled: m.event_mails_cancelled_subject,
	event_cancelled: m.event_mails_event_cancelled_subject,
	event_updated: m.event_mails_event_updated_subject
};

/**
 * Queues one of the registration mails in the reader's language, in the caller's transaction:
 * seat holders get the .ics (REQUEST) and their QR code (inline and as a file) and, for online
 * events, the join link; cancellations carry a CANCEL .ics with the same UID. Mails about an
 * event that changed go out with the event's current SEQUENCE (raised by the change).
 * With skipIfStale (a mail rendered later, in the background), a confirmation or waitlist mail
 * that is no longer true — promoted, cancelled, or the event called off meanwhile — is not queued.
 */
export async function queueRegistrationMail(
	tx: DatabaseOrTransaction,
	registrationId: string,
	kind: MailKind,
	origin: string,
	options: { skipIfStale?: boolean } = {}
): Promise<string | null> {
	const facts = await loadFacts(tx, registrationId);
	if (!facts) return null;
	const { registration, event, network } = facts;
	if (options.skipIfStale && isStale(kind, registration.status, event.status)) return null;
	const locale = mailLocale(registration.locale);
	const title = eventTitle(event, locale);
	const when = formatEventRange(event.startsAt, event.endsAt, locale);
	const where = eventLocationLine(event, locale);
	const seat = holdsSeat(registration.status) && kind !== 'cancelled' && kind !== 'event_cancelled';
	const link = registrationLink(origin, registrationAccessToken(registration));
	const attendee = { name: registration.name, email: registration.email };
	const parts: MailPart[] = [
		{ kind: 'paragraph', text: m.event_mails_greeting({ name: registration.name }, { locale }) }
	];
	const attachments: MailAttachment[] = [];
	const body = { title, when, where };
	if (kind === 'confirmed') parts.push(para(m.event_mails_confirmed_body(body, { locale })));
	if (kind === 'promoted') parts.push(para(m.event_mails_promoted_body(body, { locale })));
	if (kind === 'event_updated') parts.push(para(m.event_mails_event_updated_body(body, { locale })));
	if (kind === 'cancelled') parts.push(para(m.event_mails_cancelled_body(body, { locale })));
	if (kind === 'event_cancelled') {
		parts.push(para(m.event_mails_event_cancelled_body(body, { locale })));
		if (event.cancellationReason.trim())
			parts.push(
				para(m.event_mails_event_cancelled_reason({ reason: event.cancellationReason }, { locale }))
			);
	}
	if (kind === 'waitlisted' || (kind === 'event_updated' && registration.status === 'waitlisted')) {
		const position = (await waitlistPosition(tx, registration.id)) ?? 1;
		parts.push(para(m.event_mails_waitlisted_body({ ...body, position }, { locale })));
		parts.push({ kind: 'link', label: m.event_mails_leave_waitlist_link({}, { locale }), url: link });
	}
	if (seat && (kind === 'confirmed' || kind === 'promoted' || kind === 'event_updated')) {
		if (event.onlineUrl && event.locationKind !== 'onsite')
			parts.push({ kind: 'link', label: m.event_mails_join_link({}, { locale }), url: event.onlineUrl });
		parts.push(para(m.event_mails_ticket_note({}, { locale })));
		parts.push({ kind: 'image', contentId: QR_CONTENT_ID, alt: m.event_mails_ticket_alt({}, { locale }) });
		parts.push({ kind: 'link', label: m.event_mails_personal_link({}, { locale }), url: link });
		attachments.push(
			calendarAttachment(event, { locale, origin, method: 'REQUEST', withJoinLink: true, network, attendee })
		);
		attachments.push(...(await ticketAttachments(registration, locale)));
	}
	if (kind === 'cancelled' || kind === 'event_cancelled') {
		attachments.push(
			calendarAttachment(event, { locale, origin, method: 'CANCEL', withJoinLink: false, network, attendee })
		);
	}
	if (attachments.some((a) => a.contentType.startsWith('text/calendar')))
		parts.push(para(m.event_mails_ics_note({}, { locale })));
	const { text, html } = composeMail(parts, network, locale);
	return queueMail(
		{
			networkId: registration.networkId,
			to: registration.email,
			kind: `event-${kind.replaceAll('_', '-')}`,
			subject: subjects[kind]({ title }, { locale }),
			text,
			html,
			attachments
		},
		tx
	);
}

const para = (text: string): MailPart => ({ kind: 'paragraph', text });

function isStale(kind: MailKind, status: Registration['status'], eventStatus: EventRow['status']) {
	if (kind === 'confirmed') return status !== 'registered' || eventStatus === 'cancelled';
	if (kind === 'waitlisted') return status !== 'waitlisted' || eventStatus === 'cancelled';
	return false;
}

/** The guest's double opt-in mail: the link leads to a page with a confirm button. */
export async function queueGuestConfirmMail(
	tx: DatabaseOrTransaction,
	input: { registration: Registration; event: EventRow; network: string; link: string; hours: number }
) {
	const locale = mailLocale(input.registration.locale);
	const title = eventTitle(input.event, locale);
	const when = formatEventRange(input.event.startsAt, input.event.endsAt, locale);
	const { text, html } = composeMail(
		[
			para(m.event_mails_greeting({ name: input.registration.name }, { locale })),
			para(m.event_mails_confirm_body({ title, when }, { locale })),
			{ kind: 'link', label: m.event_mails_confirm_link({}, { locale }), url: input.link },
			para(m.event_mails_confirm_validity({ hours: input.hours }, { locale })),
			para(m.event_mails_confirm_ignore({}, { locale }))
		],
		input.network,
		locale
	);
	return queueMail(
		{
			networkId: input.registration.networkId,
			to: input.registration.email,
			kind: 'event-guest-confirm',
			subject: m.event_mails_confirm_subject({ title }, { locale }),
			text,
			html
		},
		tx
	);
}

/**
 * Someone (maybe not the owner) registered an address that already holds a registration: the
 * stranger learns nothing, the owner is told here, with their personal link.
 */
export async function queueAlreadyRegisteredMail(
	tx: DatabaseOrTransaction,
	input: { registration: Registration; event: EventRow; network: string; origin: string }
) {
	const locale = mailLocale(input.registration.locale);
	const title = eventTitle(input.event, locale);
	const link = registrationLink(input.origin, registrationAccessToken(input.registration));
	const { text, html } = composeMail(
		[
			para(m.event_mails_greeting({ name: input.registration.name }, { locale })),
			para(m.event_mails_already_body({ title }, { locale })),
			{ kind: 'link', label: m.event_mails_personal_link({}, { locale }), url: link }
		],
		input.network,
		locale
	);
	return queueMail(
		{
			networkId: input.registration.networkId,
			to: input.registration.email,
			kind: 'event-already-registered',
			subject: m.event_mails_already_subject({ title }, { locale }),
			text,
			html
		},
		tx
	);
}
