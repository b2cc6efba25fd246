import { fail, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { authorize, notFound } from '#lib/server/guard.ts';
import { formFailure, parseForm, type FieldErrors } from '#lib/server/forms.ts';
import { rateLimitedFailure } from '#lib/server/auth/http.ts';
import { isUuid } from '#lib/server/office/params.ts';
import { eventResource } from '#lib/server/events/scope.ts';
import { eventLocationLine, eventTitle, formatEventRange } from '#lib/events/format.ts';
import {
	answersFromForm,
	cancelOwnRegistration,
	hitGuestRegistrationLimit,
	registerGuest,
	registerMember,
	registrationState,
	type CancelResult,
	type RegisterResult
} from '#lib/server/events/registration/index.ts';
import { findEventRow } from '#lib/server/events/registration/queries.ts';
import { closedReasonText } from '#lib/components/events/registration/closed-reason.ts';
import { confirmTickSchema, guestRegistrationSchema } from '#lib/server/events/registration/schemas.ts';

type Event = { params: { id: string }; locals: App.Locals; url: URL };

async function loadEvent(event: Event) {
	if (!isUuid(event.params.id)) notFound();
	const row = await findEventRow(event.locals.network.id, event.params.id);
	if (!row) notFound();
	return row;
}

/** A refused registration as a form failure with a sentence in the user's language. */
function refusal(result: Exclude<RegisterResult, { ok: true }>, locale: 'de' | 'en', form: FormData) {
	if (result.reason === 'INVALID_ANSWERS')
		return formFailure(400, m.event_mails_error_answers({}, { locale }), form, result.fieldErrors);
	if (result.reason === 'NOT_OPEN' && result.closedReason)
		return formFailure(409, closedReasonText(result.closedReason, null, locale), form);
	if (result.reason === 'ALREADY_REGISTERED')
		return formFailure(409, m.event_mails_error_already({}, { locale }), form);
	return formFailure(403, m.event_mails_error_not_allowed({}, { locale }), form);
}

function cancelRefusal(result: Exclude<CancelResult, { ok: true }>, locale: 'de' | 'en') {
	const message =
		result.reason === 'PAST'
			? m.event_mails_error_past({}, { locale })
			: result.reason === 'ALREADY_CANCELLED'
				? m.event_mails_error_already_cancelled({}, { locale })
				: m.event_mails_error_not_found({}, { locale });
	return formFailure(409, message);
}

export const load = async (event) => {
	const row = await loadEvent(event);
	authorize(event, 'event.view', eventResource(row));
	const { locale, actor, user } = event.locals;
	return {
		event: {
			id: row.id,
			title: eventTitle(row, locale),
			when: formatEventRange(row.startsAt, row.endsAt, locale),
			where: eventLocationLine(row, locale)
		},
		registration: await registrationState(actor, row),
		member: user ? { name: user.name, email: user.email } : null,
		result: event.url.searchParams.get('result')
	};
};

export const actions = {
	member: async (event) => {
		const row = await loadEvent(event);
		authorize(event, 'event.register', eventResource(row));
		const { locals } = event;
		const form = await event.request.formData();
		const result = await registerMember({
			actor: locals.actor,
			eventId: row.id,
			answers: answersFromForm(form),
			locale: locals.locale,
			origin: locals.origin
		});
		if (!result.ok) return refusal(result, locals.locale, form);
		redirect(303, `/events/${row.id}?registered=${result.status}`);
	},
	guest: async (event) => {
		const row = await loadEvent(event);
		authorize(event, 'event.register_guest', eventResource(row));
		const { locals } = event;
		const parsed = await parseForm(event.request, guestRegistrationSchema, locals.locale);
		if (!parsed.ok) {
			const { errors, values } = parsed.failure.data as { errors: FieldErrors; values: FieldErrors };
			return fail(400, {
				errors: { _form: m.event_mails_error_answers({}, { locale: locals.locale }), ...errors },
				values
			});
		}
		const limit = await hitGuestRegistrationLimit(locals.clientAddress);
		if (!limit.allowed) return rateLimitedFailure(limit.retryAfterSeconds, locals.locale, parsed.form);
		const result = await registerGuest({
			networkId: locals.network.id,
			eventId: row.id,
			name: parsed.data.name,
			email: parsed.data.email,
			organisationName: parsed.data.organisationName ?? '',
			answers: answersFromForm(parsed.form),
			locale: locals.locale,
			origin: locals.origin
		});
		if (!result.ok) return refusal(result, locals.locale, parsed.form);
		redirect(303, `/events/${row.id}/register?result=pending`);
	},
	cancel: (event) => cancelOwn(event, 'cancelled'),
	leave: (event) => cancelOwn(event, 'left')
};

async function cancelOwn(event: Event & { request: Request }, outcome: 'cancelled' | 'left') {
	const row = await loadEvent(event);
	authorize(event, 'event.view', eventResource(row));
	const { locals } = event;
	if (!locals.actor.userId) redirect(303, `/sign-in?next=${encodeURIComponent(`/events/${row.id}`)}`);
	const parsed = await parseForm(event.request, confirmTickSchema, locals.locale);
	if (!parsed.ok)
		return formFailure(400, m.event_mails_error_confirm_required({}, { locale: locals.locale }));
	const result = await cancelOwnRegistration(locals.actor, row.id, locals.origin);
	if (!result.ok) return cancelRefusal(result, locals.locale);
	redirect(303, `/events/${row.id}?registered=${outcome}`);
}
