import { fail, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { authorize } from '#lib/server/guard.ts';
import { echoValues } from '#lib/server/forms.ts';
import { createEvent } from '#lib/server/events/mutations.ts';
import {
	eventFormOptions,
	newEventFormValues,
	parseEventForm,
	translateKeys
} from '#lib/server/events/authoring/form.ts';

/** A new event (or series): the office for anyone, circle leads and organisation admins for their own. */
export const load = async (event) => {
	authorize(event, 'event.create');
	const { actor, locale } = event.locals;
	const options = await eventFormOptions(actor, locale);
	const organiser = event.url.searchParams.get('organiser');
	return { options, values: newEventFormValues(options.organisers, organiser) };
};

export const actions = {
	default: async (event) => {
		authorize(event, 'event.create');
		const { locals, request } = event;
		const { actor, locale } = locals;
		const form = await request.formData();
		const summary = m.event_authoring_error_form({}, { locale });
		const parsed = parseEventForm(form, locale, true);
		if (!parsed.ok)
			return fail(400, { errors: { _form: summary, ...parsed.errors }, values: echoValues(form) });
		const result = await createEvent(actor, parsed.input, locals.origin, {
			series: parsed.series,
			context: { ipAddress: locals.clientAddress, userAgent: request.headers.get('user-agent') }
		});
		if (!result.ok) {
			if (result.reason === 'INVALID')
				return fail(400, {
					errors: { _form: summary, ...translateKeys(result.fieldErrors, locale) },
					values: echoValues(form)
				});
			return fail(403, {
				errors: {
					_form: m.event_authoring_error_not_allowed({}, { locale }),
					organiser: m.event_authoring_error_not_allowed({}, { locale })
				},
				values: echoValues(form)
			});
		}
		redirect(303, `/events/${result.event.id}/edit?created=${result.seriesEvents.length}`);
	}
};
