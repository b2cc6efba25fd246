import { berlinDay } from '../../circles/meetings/dates.ts';

/**
 * The ISO week ("2026-W48") an instant falls in, in Europe/Berlin: a digest run at 06:00 UTC on a
 * Monday is in the Monday's week in Berlin, whatever the server's zone.
 */
export function berlinIsoWeek(now: Date): string {
	const [year, month, date] = berlinDay(now).split('-').map(Number) as [number, number, number];
	const day = new Date(Date.UTC(year, month - 1, date));
	// The week belongs to the year of its Thursday (ISO 8601).
	const weekday = day.getUTCDay() || 7;
	day.setUTCDate(day.getUTCDate() + 4 - weekday);
	const weekYear = day.getUTCFullYear();
	const week = Math.ceil(((day.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7);
	return `${weekYear}-W${String(week).padStart(2, '0')}`;
}
