import { MAX_PROFILE_RUNTIME_DAYS } from '../../../cooperation/vocabulary.ts';
import { addDays, berlinDay } from '../../circles/meetings/dates.ts';

/** The desired end date's range for the date picker: tomorrow up to the longest runtime. */
export function profileDateRange(now = new Date()) {
	const today = berlinDay(now);
	return { min: addDays(today, 1), max: addDays(today, MAX_PROFILE_RUNTIME_DAYS) };
}
