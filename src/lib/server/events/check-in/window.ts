import type { EventRow } from '../scope.ts';

/** People arrive early: the door opens for check-in this long before the start. */
export const CHECK_IN_OPENS_BEFORE_MS = 24 * 60 * 60 * 1000;

type Timed = Pick<EventRow, 'startsAt' | 'status'>;

/** Check-in (marking someone attended) is possible from a day before the start on, unless cancelled. */
export function isCheckInOpen(event: Timed, now = new Date()) {
	return event.status !== 'cancelled' && now.getTime() >= event.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MS;
}

/** No-show can only be said once the event has started. */
export function hasStarted(event: Timed, now = new Date()) {
	return now.getTime() >= event.startsAt.getTime();
}
