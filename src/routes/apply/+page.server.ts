import { fail, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { authorize } from '#lib/server/guard.ts';
import { parseForm, type FieldErrors } from '#lib/server/forms.ts';
import { rateLimitedFailure } from '#lib/server/auth/http.ts';
import { applicationFormFor } from '#lib/server/applications/schemas.ts';
import { submitApplication } from '#lib/server/applications/mutations.ts';

export const load = (event) => {
	authorize(event, 'application.submit');
	return { districts: event.locals.network.settings.districts };
};

export const actions = {
	default: async (event) => {
		authorize(event, 'application.submit');
		const { locals } = event;
		const schema = applicationFormFor(locals.network.settings.districts);
		const parsed = await parseForm(event.request, schema, locals.locale);
		if (!parsed.ok) {
			// A long form: a summary on top says that something below needs attention.
			const { errors, values } = parsed.failure.data as { errors: FieldErrors; values: FieldErrors };
			const summary = m.applications_error_form({}, { locale: locals.locale });
			return fail(400, { errors: { _form: summary, ...errors }, values });
		}
		const { consentStatutes, consentPrivacy, fax, ...fields } = parsed.data;
		const result = await submitApplication({
			network: { id: locals.network.id, name: locals.network.name },
			fields,
			consents: { statutes: consentStatutes, privacy: consentPrivacy },
			honeypot: fax,
			ipAddress: locals.clientAddress,
			locale: locals.locale,
			origin: locals.origin
		});
		if (!result.ok) return rateLimitedFailure(result.retryAfterSeconds, locals.locale, parsed.form);
		redirect(303, '/apply/thanks');
	}
};
