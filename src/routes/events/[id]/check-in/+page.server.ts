import { fail } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { notFound } from '#lib/server/guard.ts';
import { parseForm } from '#lib/server/forms.ts';
import { auditContext, readText } from '#lib/server/office/params.ts';
import { eventFor } from '#lib/server/events/organiser/access.ts';
import { doorCounter, doorList } from '#lib/server/events/check-in/queries.ts';
import { checkIn, type CheckInResult } from '#lib/server/events/check-in/mutations.ts';
import { isCheckInOpen } from '#lib/server/events/check-in/window.ts';
import { registrationForm, ticketForm } from '#lib/server/events/organiser/schemas.ts';
import { doorTime } from '#lib/components/events/organiser/door.ts';

export const load = async (event) => {
	const row = await eventFor(event, 'event.check_in');
	const networkId = event.locals.network.id;
	const [people, counter] = await Promise.all([doorList(networkId, row.id), doorCounter(networkId, row.id)]);
	return {
		event: {
			id: row.id,
			titleDe: row.titleDe,
			titleEn: row.titleEn,
			startsAt: row.startsAt,
			endsAt: row.endsAt,
			status: row.status
		},
		isOpen: isCheckInOpen(row),
		people,
		counter,
		q: readText(event.url, 'q', 100) ?? ''
	};
};

/** Every outcome as one sentence for the live region; refusals answer 409 (404: not this event's). */
function answer(result: CheckInResult, locale: 'de' | 'en') {
	if (result.ok) {
		const params = { name: result.name, time: doorTime(result.checkedInAt, locale) };
		return {
			checkIn: {
				ok: true,
				registrationId: result.registrationId,
				message: result.already
					? m.event_organiser_check_in_already(params)
					: m.event_organiser_check_in_done(params)
			}
		};
	}
	const name = result.name ?? '';
	const messages = {
		NOT_FOUND: m.event_organiser_check_in_not_found,
		UNKNOWN_TICKET: m.event_organiser_check_in_unknown_ticket,
		OTHER_EVENT: m.event_organiser_check_in_other_event,
		NOT_OPEN: m.event_organiser_check_in_not_open,
		WAITLISTED: () => m.event_organiser_check_in_waitlisted({ name }),
		PENDING: () => m.event_organiser_check_in_pending({ name }),
		CANCELLED: m.event_organiser_check_in_cancelled
	} as const;
	const status = result.reason === 'NOT_FOUND' || result.reason === 'UNKNOWN_TICKET' ? 404 : 409;
	return fail(status, { checkIn: { ok: false, registrationId: null, message: messages[result.reason]() } });
}

export const actions = {
	checkIn: async (event) => {
		const row = await eventFor(event, 'event.check_in');
		const { locals } = event;
		const parsed = await parseForm(event.request, registrationForm, locals.locale);
		if (!parsed.ok) notFound();
		const result = await checkIn({
			actor: locals.actor,
			networkId: locals.network.id,
			event: row,
			registrationId: parsed.data.registrationId,
			context: auditContext(event)
		});
		// A registration id of another event is refused like a foreign URL.
		if (!result.ok && result.reason === 'NOT_FOUND') notFound();
		return answer(result, locals.locale);
	},

	ticket: async (event) => {
		const row = await eventFor(event, 'event.check_in');
		const { locals } = event;
		const parsed = await parseForm(event.request, ticketForm, locals.locale);
		if (!parsed.ok)
			return fail(400, {
				checkIn: { ok: false, registrationId: null, message: m.event_organiser_check_in_unknown_ticket() }
			});
		const result = await checkIn({
			actor: locals.actor,
			networkId: locals.network.id,
			event: row,
			ticketCode: parsed.data.code,
			context: auditContext(event)
		});
		return answer(result, locals.locale);
	}
};
