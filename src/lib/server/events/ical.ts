import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { EVENT_TIME_ZONE } from '../../events/vocabulary.ts';
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

export type CalendarOptions = {
	name: string;
	/** The network's host name, which makes the UIDs unique worldwide. */
	host: string;
	/** REQUEST for a mailed invitation, CANCEL for a mailed cancellation, none for feeds. */
	method?: 'REQUEST' | 'CANCEL' | 'PUBLISH';
	/** Feeds tell clients how often to look again. */
	refreshSeconds?: number;
};

/** The stable UID of an event: the same in every mail and feed, so clients update in place. */
export const eventUid = (eventId: string, host: string) => `event-${eventId}@${host}`;

const methods = {
	REQUEST: ICalCalendarMethod.REQUEST,
	CANCEL: ICalCalendarMethod.CANCEL,
	PUBLISH: ICalCalendarMethod.PUBLISH
} as const;

/**
 * An iCalendar document with the given events. Times are written in UTC, which every client
 * converts to its own zone and which is unambiguous across the daylight-saving switch;
 * X-WR-TIMEZONE names the network's zone for clients that display a calendar-wide zone.
 * A cancelled event keeps its UID and goes out with STATUS:CANCELLED and a higher SEQUENCE.
 */
export function buildCalendar(entries: CalendarEntry[], options: CalendarOptions): string {
	const calendar = ical({
		name: options.name,
		prodId: { company: 'Knotenpunkt', product: 'events', language: 'DE' },
		method: options.method ? methods[options.method] : null,
		ttl: options.refreshSeconds ?? null,
		x: { 'X-WR-TIMEZONE': EVENT_TIME_ZONE }
	});
	for (const entry of entries) {
		calendar.createEvent({
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
			status: entry.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
		});
	}
	return calendar.toString();
}
