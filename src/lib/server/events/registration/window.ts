import type { EventRow } from '../scope.ts';

/** Why an event takes no registrations right now. */
export type ClosedReason =
	'disabled' | 'not_yet_open' | 'closed_window' | 'closed_by_organiser' | 'cancelled' | 'past';

type WindowFields = Pick<
	EventRow,
	| 'status'
	| 'registrationEnabled'
	| 'registrationClosed'
	| 'registrationOpensAt'
	| 'registrationClosesAt'
	| 'endsAt'
	| 'cancelledAt'
>;

/** Null when registration is open; otherwise the first reason that closes it. */
export function closedReason(event: WindowFields, now = new Date()): ClosedReason | null {
	if (event.status === 'cancelled' || event.cancelledAt) return 'cancelled';
	if (event.endsAt.getTime() <= now.getTime()) return 'past';
	if (!event.registrationEnabled) return 'disabled';
	if (event.registrationClosed) return 'closed_by_organiser';
	if (event.registrationOpensAt && event.registrationOpensAt.getTime() > now.getTime()) return 'not_yet_open';
	if (event.registrationClosesAt && event.registrationClosesAt.getTime() <= now.getTime())
		return 'closed_window';
	return null;
}
