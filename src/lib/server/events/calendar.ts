import {
	eventLocationLine,
	eventTitle,
	formatDayLabel,
	formatEventStart,
	formatEventTimes,
	formatMonth
} from '../../events/format.ts';
import { localToUtc, monthOf, utcToLocal } from '../../events/time.ts';
import type { EventListItem } from './queries.ts';

/**
 * The calendar page's view model: events as display strings (formatted once, on the server, in
 * Europe/Berlin), grouped by month for the list and laid out in weeks for the month grid.
 */
type Locale = 'de' | 'en';

export type CalendarEntry = {
	id: string;
	title: string;
	format: string;
	formatKey: string;
	when: string;
	day: string;
	times: string;
	place: string;
	audience: EventListItem['audience'];
	status: EventListItem['status'];
	isoStart: string;
	seatsLeft: number | null;
};

export function toEntry(event: EventListItem, locale: Locale): CalendarEntry {
	return {
		id: event.id,
		title: eventTitle(event, locale),
		format: locale === 'en' ? event.formatNameEn : event.formatNameDe,
		formatKey: event.formatKey,
		when: formatEventStart(event.startsAt, locale),
		day: formatDayLabel(event.startsAt, locale),
		times: formatEventTimes(event.startsAt, event.endsAt, locale),
		place: eventLocationLine(event, locale),
		audience: event.audience,
		status: event.status,
		isoStart: event.startsAt.toISOString(),
		seatsLeft: event.capacity === null ? null : Math.max(0, event.capacity - event.seatsTaken)
	};
}

export type MonthGroup = { month: string; label: string; entries: CalendarEntry[] };

/** Upcoming events by month ("Dezember 2026"), in the order given. */
export function groupByMonth(items: EventListItem[], locale: Locale): MonthGroup[] {
	const groups: MonthGroup[] = [];
	for (const item of items) {
		const month = monthOf(item.startsAt);
		let group = groups.at(-1);
		if (!group || group.month !== month) {
			group = { month, label: formatMonth(month, locale), entries: [] };
			groups.push(group);
		}
		group.entries.push(toEntry(item, locale));
	}
	return groups;
}

export type GridDay = {
	date: string;
	day: number;
	inMonth: boolean;
	isToday: boolean;
	entries: CalendarEntry[];
};

const DAY = 24 * 60 * 60 * 1000;

function addDays(date: string, days: number) {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(y, m - 1, d) + days * DAY).toISOString().slice(0, 10);
}

/** Midnight in Europe/Berlin of a local date (midnight always exists there exactly once). */
function startOfDay(date: string) {
	const result = localToUtc({ date, time: '00:00' });
	if (!result.ok) throw new Error(`No midnight on ${date}`);
	return result.value;
}

/**
 * Weeks (Monday first) covering the month; each day lists the events overlapping it, so an event
 * across midnight shows on both days.
 */
export function monthGrid(
	month: string,
	items: EventListItem[],
	locale: Locale,
	now = new Date()
): GridDay[][] {
	const first = `${month}-01`;
	const [y, m] = month.split('-').map(Number) as [number, number];
	const weekday = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
	const today = utcToLocal(now).date;
	const weeks: GridDay[][] = [];
	let date = addDays(first, -weekday);
	const entries = items.map((item) => ({ item, entry: toEntry(item, locale) }));
	do {
		const week: GridDay[] = [];
		for (let i = 0; i < 7; i++) {
			const from = startOfDay(date);
			const to = startOfDay(addDays(date, 1));
			week.push({
				date,
				day: Number(date.slice(8)),
				inMonth: date.startsWith(month),
				isToday: date === today,
				entries: entries
					.filter(({ item }) => item.startsAt < to && (item.endsAt > from || item.startsAt >= from))
					.map(({ entry }) => entry)
			});
			date = addDays(date, 1);
		}
		weeks.push(week);
	} while (date.startsWith(month));
	return weeks;
}

/** Weekday names, Monday first, long and short, for the grid's header. */
export function weekdayNames(locale: Locale) {
	const long = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'de-DE', {
		weekday: 'long',
		timeZone: 'UTC'
	});
	const short = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'de-DE', {
		weekday: 'short',
		timeZone: 'UTC'
	});
	// 2024-01-01 was a Monday.
	return Array.from({ length: 7 }, (_, i) => {
		const day = new Date(Date.UTC(2024, 0, 1 + i));
		return { long: long.format(day), short: short.format(day) };
	});
}
