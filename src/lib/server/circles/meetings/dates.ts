import { utcToLocal } from '../../../events/time.ts';
import type { ActionItemStatus } from '../../../circles/vocabulary.ts';

/**
 * Due dates of action items are calendar days in Europe/Berlin: an item due on the 8th is overdue
 * from midnight of the 9th in Berlin, whatever the server's zone.
 */

/** The calendar day ("2026-12-08") an instant falls on in Europe/Berlin. */
export function berlinDay(now: Date): string {
	return utcToLocal(now).date;
}

/** A calendar day shifted by whole days ("2026-12-31" + 1 → "2027-01-01"). */
export function addDays(day: string, days: number): string {
	const [year, month, date] = day.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** Open and due before today. */
export function isOverdue(item: { status: ActionItemStatus; dueOn: string | null }, today: string): boolean {
	return item.status === 'open' && item.dueOn !== null && item.dueOn < today;
}
