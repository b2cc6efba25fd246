import ical, {
	ICalAttendeeRole,
	ICalAttendeeStatus,
	ICalCalendarMethod,
	ICalEventStatus
} from 'ical-generator';
import { EVENT_TIME_ZONE } from '../../events/vocabulary.ts';
import { config } from '../config.ts';
import type { EventRow } from './scope.ts';

/** What an iCalendar entry shows of an event; the caller picks the reader's language. */
export type CalendarEntry = Pick<
	EventRow,
	'id' | 'startsAt' | 'endsAt' | 'sequence' | 'status' | 'updatedAt' | 'createdAt'
> & {
	title: string;
	description: string;
	/** Address line or "Online"; the join link only for people holding a seat. */
	location: string;
	url: string;
};

export type CalendarPerson = { name: string; email: string };

export type CalendarOptions = {
	name: string;
	/** The network's host name, which makes the UIDs unique worldwide. */
	host: string;
	/** REQUEST for a mailed invitation, CANCEL for a mailed cancellation, none for feeds. */
	method?: 'REQUEST' | 'CANCEL' | 'PUBLISH';
	/** Feeds tell clients how often to look again (REFRESH-INTERVAL and X-PUBLISHED-TTL). */
	refreshSeconds?: number;
	/**
	 * Who sends the invitation. Defaults to the calendar's name (callers pass the network's name)
	 * with the address of MAIL_FROM, the address the invitation mails come from: Outlook and Google
	 * ignore a METHOD:REQUEST or CANCEL without an ORGANIZER.
	 */
	organizer?: CalendarPerson;
	/**
	 * The mail's recipient, for mailed invitations: clients match a REQUEST/CANCEL to the reader by
	 * ATTENDEE. Feeds leave it out (a feed is not addressed to anyone).
	 */
	attendee?: CalendarPerson;
};

/**
 * The stable UID of an event: the same in every mail and feed, so clients update in place. Pass
 * the host name of the origin the links use (`new URL(origin).hostname`); a port, if passed along
 * (`URL.host`), is dropped so that mails and feeds agree.
 */
export const eventUid = (eventId: string, host: string) =>
	`event-${eventId}@${host.replace(/:\d+$/, '').toLowerCase()}`;

const methods = {
	REQUEST: ICalCalendarMethod.REQUEST,
	CANCEL: ICalCalendarMethod.CANCEL,
	PUBLISH: ICalCalendarMethod.PUBLISH
} as const;

/** The network as ORGANIZER: its name, with the address its mails come from (MAIL_FROM). */
export function networkOrganizer(networkName: string): CalendarPerson {
	return { name: networkName, email: mailAddressOf(config().MAIL_FROM) };
}

/** The bare address of a MAIL_FROM value such as `Knotenpunkt <noreply@example.org>`. */
export function mailAddressOf(from: string): string {
	const match = /<([^<>\s]+)>\s*$/.exec(from);
	return (match ? match[1]! : from).trim();
}

/**
 * An iCalendar document with the given events.
 *
 * Times are written in UTC (`DTSTART:20261025T003000Z`), not as Europe/Berlin local times with a
 * TZID and VTIMEZONE. UTC is unambiguous across the daylight-saving switch (01:30 local happens
 * twice on the last Sunday of October), every client converts it to the reader's zone, and there is
 * no VTIMEZONE block that a client could interpret differently from our database. The price — an
 * event moved by a DST change in a series would shift — does not apply: each event is stored as an
 * absolute instant. X-WR-TIMEZONE names the network's zone for clients that display a calendar-wide
 * zone.
 *
 * A changed or cancelled event keeps its UID and goes out with a higher SEQUENCE (kept in the row),
 * cancelled ones with STATUS:CANCELLED, so clients update or remove instead of duplicating.
 */
export function buildCalendar(entries: CalendarEntry[], options: CalendarOptions): string {
	const organizer = options.organizer ?? networkOrganizer(options.name);
	const method = options.method ?? null;
	const calendar = ical({
		name: options.name,
		prodId: { company: 'Knotenpunkt', product: 'events', language: 'DE' },
		method: method ? methods[method] : null,
		ttl: options.refreshSeconds ?? null,
		x: { 'X-WR-TIMEZONE': EVENT_TIME_ZONE }
	});
	for (const entry of entries) {
		const cancelled = entry.status === 'cancelled' || method === 'CANCEL';
		const event = calendar.createEvent({
			id: eventUid(entry.id, options.host),
			sequence: entry.sequence,
			start: entry.startsAt,
			end: entry.endsAt,
			stamp: entry.updatedAt,
			created: entry.createdAt,
			lastModified: entry.updatedAt,
			summary: entry.title,
			description: entry.description,
			location: entry.location || null,
			url: entry.url,
			organizer,
			status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
		});
		if (options.attendee) {
			event.createAttendee({
				name: options.attendee.name,
				email: options.attendee.email,
				role: ICalAttendeeRole.REQ,
				status: cancelled ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED
			});
		}
	}
	return calendar.toString();
}
