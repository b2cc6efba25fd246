import { EVENT_TIME_ZONE } from './vocabulary.ts';

/**
 * Wall-clock time in the network's time zone (Europe/Berlin) ⇄ instants (UTC). Forms take a local
 * date and time; the database stores instants. Around the daylight-saving switch a wall-clock time
 * can be missing (29 March 2026, 02:30 never happens) or happen twice (25 October 2026, 02:30
 * happens at +02:00 and again at +01:00): both are refused with a reason rather than guessed.
 */

export type LocalDateTime = { date: string; time: string };
export type LocalToUtcResult =
	{ ok: true; value: Date } | { ok: false; reason: 'INVALID' | 'NONEXISTENT' | 'AMBIGUOUS' };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const HOUR = 60 * 60 * 1000;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string) {
	let formatter = partsFormatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-GB', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		});
		partsFormatters.set(timeZone, formatter);
	}
	return formatter;
}

/** The wall-clock fields of an instant in the zone. */
function wallClock(instant: Date, timeZone: string) {
	const parts = Object.fromEntries(
		partsFormatter(timeZone)
			.formatToParts(instant)
			.map((part) => [part.type, part.value])
	);
	return {
		year: Number(parts.year),
		month: Number(parts.month),
		day: Number(parts.day),
		hour: Number(parts.hour),
		minute: Number(parts.minute),
		second: Number(parts.second)
	};
}

/** Offset of the zone from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function offsetAt(instantMs: number, timeZone: string) {
	const w = wallClock(new Date(instantMs), timeZone);
	const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
	return asUtc - Math.floor(instantMs / 1000) * 1000;
}

function validDate(year: number, month: number, day: number) {
	if (month < 1 || month > 12 || day < 1) return false;
	return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "2026-12-08" + "18:30" in Europe/Berlin → the instant. */
export function localToUtc(input: LocalDateTime, timeZone: string = EVENT_TIME_ZONE): LocalToUtcResult {
	const d = DATE.exec(input.date.trim());
	const t = TIME.exec(input.time.trim());
	if (!d || !t) return { ok: false, reason: 'INVALID' };
	const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
	const [hour, minute] = [Number(t[1]), Number(t[2])];
	if (!validDate(year, month, day) || hour > 23 || minute > 59) return { ok: false, reason: 'INVALID' };
	const naive = Date.UTC(year, month - 1, day, hour, minute);
	// The zone's offsets half a day either side cover both sides of any switch.
	const offsets = new Set([offsetAt(naive - 12 * HOUR, timeZone), offsetAt(naive + 12 * HOUR, timeZone)]);
	const matches = [...offsets]
		.map((offset) => naive - offset)
		.filter((candidate) => {
			const w = wallClock(new Date(candidate), timeZone);
			return w.year === year && w.month === month && w.day === day && w.hour === hour && w.minute === minute;
		})
		.sort((a, b) => a - b);
	if (matches.length === 0) return { ok: false, reason: 'NONEXISTENT' };
	if (matches.length > 1) return { ok: false, reason: 'AMBIGUOUS' };
	return { ok: true, value: new Date(matches[0]!) };
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** The instant as the date and time fields of a form, in Europe/Berlin. */
export function utcToLocal(instant: Date, timeZone: string = EVENT_TIME_ZONE): LocalDateTime {
	const w = wallClock(instant, timeZone);
	return { date: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/** "2026-12" → [first instant of the month, first instant of the next) in Europe/Berlin. */
export function monthRange(
	month: string,
	timeZone: string = EVENT_TIME_ZONE
): { from: Date; to: Date } | null {
	const match = MONTH.exec(month);
	if (!match) return null;
	const year = Number(match[1]);
	const index = Number(match[2]);
	if (index < 1 || index > 12 || year < 1970 || year > 9999) return null;
	const next = index === 12 ? { year: year + 1, index: 1 } : { year, index: index + 1 };
	// Midnight exists exactly once on every day in Europe/Berlin (the switches happen at 02:00/03:00).
	const from = localToUtc({ date: `${pad(year, 4)}-${pad(index)}-01`, time: '00:00' }, timeZone);
	const to = localToUtc({ date: `${pad(next.year, 4)}-${pad(next.index)}-01`, time: '00:00' }, timeZone);
	if (!from.ok || !to.ok) return null;
	return { from: from.value, to: to.value };
}

/** The month ("2026-12") an instant falls in, in Europe/Berlin. */
export function monthOf(instant: Date, timeZone: string = EVENT_TIME_ZONE) {
	return utcToLocal(instant, timeZone).date.slice(0, 7);
}

/** The month before or after "2026-12". */
export function shiftMonth(month: string, delta: number) {
	const [year, index] = month.split('-').map(Number) as [number, number];
	const total = year * 12 + (index - 1) + delta;
	return `${pad(Math.floor(total / 12), 4)}-${pad((total % 12) + 1)}`;
}

export function isMonth(value: string) {
	return monthRange(value) !== null;
}
