import { m } from '../paraglide/messages.js';
import type { EventLocationKind } from './vocabulary.ts';
import { EVENT_TIME_ZONE } from './vocabulary.ts';

/**
 * How events are named, placed and dated on pages, in mails and feeds. Client-safe: takes plain
 * fields, so a row, a projection or a form preview all work. Times are always shown in
 * Europe/Berlin, whatever the reader's or the server's zone.
 */

type Locale = 'de' | 'en';

type Titled = { titleDe: string; titleEn: string };
type Described = { descriptionDe: string; descriptionEn: string };
type Located = {
	locationKind: EventLocationKind;
	venueName: string;
	street: string;
	postalCode: string;
	city: string;
};

const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'de-DE');

/** The English title when there is one and the reader reads English; the German one otherwise. */
export function eventTitle(row: Titled, locale: Locale): string {
	return locale === 'en' && row.titleEn.trim() ? row.titleEn : row.titleDe;
}

export function eventDescription(row: Described, locale: Locale): string {
	return locale === 'en' && row.descriptionEn.trim() ? row.descriptionEn : row.descriptionDe;
}

/** Plain text split into paragraphs at blank lines (rendered as text, never as HTML). */
export function paragraphs(text: string): string[] {
	return text
		.replaceAll('\r\n', '\n')
		.split(/\n\s*\n/)
		.map((paragraph) => paragraph.trim())
		.filter(Boolean);
}

/** "Forum am Dom, Domhof 1, 49074 Osnabrück" · "Online" · "Forum am Dom, … · online too". */
export function eventLocationLine(row: Located, locale: Locale): string {
	const place = [row.venueName, row.street, [row.postalCode, row.city].filter(Boolean).join(' ')]
		.map((part) => part.trim())
		.filter(Boolean)
		.join(', ');
	if (row.locationKind === 'online') return m.events_location_online({}, { locale });
	if (row.locationKind === 'hybrid')
		return place ? m.events_location_hybrid({ place }, { locale }) : m.events_location_online({}, { locale });
	return place;
}

/** Address for a map search: street, postal code and city. */
export function eventAddressQuery(row: Located): string {
	return [row.street, row.postalCode, row.city].filter((part) => part.trim()).join(', ');
}

const rangeFormatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, options: Intl.DateTimeFormatOptions) {
	const key = `${locale}:${JSON.stringify(options)}`;
	let cached = rangeFormatters.get(key);
	if (!cached) {
		cached = new Intl.DateTimeFormat(intlLocale(locale), { timeZone: EVENT_TIME_ZONE, ...options });
		rangeFormatters.set(key, cached);
	}
	return cached;
}

/** "Dienstag, 8. Dezember 2026, 18:00–20:00" (one day) or a range across days. */
export function formatEventRange(startsAt: Date, endsAt: Date, locale: Locale): string {
	return formatter(locale, { dateStyle: 'full', timeStyle: 'short' }).formatRange(startsAt, endsAt);
}

/** "08.12.2026" (medium) or "8. Dezember 2026" (long): a day in the network's time zone. */
export function formatDate(instant: Date, locale: Locale, style: 'medium' | 'long' = 'medium'): string {
	return formatter(locale, { dateStyle: style }).format(instant);
}

/** "08.12.2026, 18:00" — compact, for lists and mails. */
export function formatEventStart(startsAt: Date, locale: Locale): string {
	return formatter(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(startsAt);
}

/** "18:00–20:00" for the list and the month grid. */
export function formatEventTimes(startsAt: Date, endsAt: Date, locale: Locale): string {
	return formatter(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatRange(
		startsAt,
		endsAt
	);
}

/** "Dezember 2026" for a month "2026-12". */
export function formatMonth(month: string, locale: Locale): string {
	const [year, index] = month.split('-').map(Number) as [number, number];
	// Noon UTC on the 15th is inside the month in every zone.
	return formatter(locale, { month: 'long', year: 'numeric' }).format(
		new Date(Date.UTC(year, index - 1, 15, 12))
	);
}

/** "Di., 8." — a day label for the list view. */
export function formatDayLabel(instant: Date, locale: Locale): string {
	return formatter(locale, { weekday: 'short', day: 'numeric', month: 'short' }).format(instant);
}
