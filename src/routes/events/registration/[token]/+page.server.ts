import { m } from '#lib/paraglide/messages.js';
import { authorize, notFound } from '#lib/server/guard.ts';
import { formFailure, parseForm } from '#lib/server/forms.ts';
import { eventLocationLine, eventTitle, formatEventRange } from '#lib/events/format.ts';
import { holdsSeat } from '#lib/events/vocabulary.ts';
import {
	cancelByAccessToken,
	findRegistrationByAccessToken,
	ticketQrPng
} from '#lib/server/events/registration/index.ts';
import { confirmTickSchema } from '#lib/server/events/registration/schemas.ts';
import { secretLinkHeaders } from '#lib/server/events/secret-link-headers.ts';

/**
 * The personal page behind the link in every registration mail: status, waitlist place, the QR
 * ticket, and cancelling or leaving the waitlist. The token is the permission (members and guests
 * alike); the page is never cached nor indexed and sends no referrer.
 */

// The page after an action is rendered by load, which sets these headers (once).
export const load = async (event) => {
	authorize(event, 'events.calendar');
	event.setHeaders(secretLinkHeaders);
	const { locals } = event;
	const found = await findRegistrationByAccessToken(locals.network.id, event.params.token);
	if (!found) notFound();
	const { registration, event: row } = found;
	const seat = holdsSeat(registration.status) && row.status !== 'cancelled';
	const png = seat ? await ticketQrPng(registration.ticketCode) : null;
	return {
		registration: {
			name: registration.name,
			status: registration.status,
			waitlistPosition: found.waitlistPosition,
			ticketCode: seat ? registration.ticketCode : null,
			qrDataUrl: png ? `data:image/png;base64,${Buffer.from(png).toString('base64')}` : null
		},
		event: {
			id: row.id,
			title: eventTitle(row, locals.locale),
			when: formatEventRange(row.startsAt, row.endsAt, locals.locale),
			where: eventLocationLine(row, locals.locale),
			joinUrl: seat && row.locationKind !== 'onsite' ? row.onlineUrl : null,
			cancelled: row.status === 'cancelled',
			over: row.endsAt.getTime() <= Date.now()
		}
	};
};

export const actions = {
	cancel: async (event) => {
		authorize(event, 'events.calendar');
		const { locals } = event;
		const parsed = await parseForm(event.request, confirmTickSchema, locals.locale);
		if (!parsed.ok)
			return formFailure(400, m.event_mails_error_confirm_required({}, { locale: locals.locale }));
		const result = await cancelByAccessToken(locals.network.id, event.params.token, locals.origin);
		if (!result.ok) {
			const message =
				result.reason === 'PAST'
					? m.event_mails_error_past({}, { locale: locals.locale })
					: m.event_mails_error_already_cancelled({}, { locale: locals.locale });
			return formFailure(409, message);
		}
		return { done: result.previousStatus === 'waitlisted' ? 'left' : 'cancelled' };
	}
};
