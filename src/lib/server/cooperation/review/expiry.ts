import { MAX_PROFILE_RUNTIME_DAYS, PROFILE_RUNTIME_DAYS } from '../../../cooperation/vocabulary.ts';

const DAY_MS = 86_400_000;

/**
 * When an approved profile expires: the date its owner chose, if that is still ahead and within
 * MAX_PROFILE_RUNTIME_DAYS, otherwise PROFILE_RUNTIME_DAYS from now.
 */
export function approvalExpiry(chosen: Date | null, now = new Date()): Date {
	const latest = now.getTime() + MAX_PROFILE_RUNTIME_DAYS * DAY_MS;
	if (chosen && chosen.getTime() > now.getTime() && chosen.getTime() <= latest) return chosen;
	return new Date(now.getTime() + PROFILE_RUNTIME_DAYS * DAY_MS);
}
