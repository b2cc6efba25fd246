import { authorize } from '#lib/server/guard.ts';
import { eventTitle, formatEventRange } from '#lib/events/format.ts';
import {
	confirmGuestRegistration,
	findPendingByConfirmToken
} from '#lib/server/events/registration/index.ts';
import { closedReason } from '#lib/server/events/registration/window.ts';
import { secretLinkHeaders } from '#lib/server/events/secret-link-headers.ts';

/**
 * The guest's double opt-in. GET only shows a button, so mail scanners that open every link
 * confirm nothing; the POST confirms (once).
 */

// The page after an action is rendered by load, which sets these headers (once).
export const load = async (event) => {
	// Anyone holding the link may confirm; the token itself is the permission.
	authorize(event, 'events.calendar');
	event.setHeaders(secretLinkHeaders);
	const { locals } = event;
	const pending = await findPendingByConfirmToken(locals.network.id, event.params.token);
	if (!pending) return { state: 'invalid' as const, event: null };
	const view = {
		id: pending.event.id,
		title: eventTitle(pending.event, locals.locale),
		when: formatEventRange(pending.event.startsAt, pending.event.endsAt, locals.locale),
		name: pending.name
	};
	if (pending.expired) return { state: 'expired' as const, event: view };
	const reason = closedReason(pending.event);
	if (reason === 'cancelled' || reason === 'past') return { state: 'not_open' as const, event: view };
	return { state: 'ready' as const, event: view };
};

export const actions = {
	default: async (event) => {
		authorize(event, 'events.calendar');
		const { locals } = event;
		const result = await confirmGuestRegistration({
			networkId: locals.network.id,
			token: event.params.token,
			origin: locals.origin
		});
		if (result.ok) return { confirmed: result.status };
		return { refused: result.reason };
	}
};
