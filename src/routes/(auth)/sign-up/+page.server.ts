import { fail, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { authorize } from '#lib/server/guard.ts';
import { echoValues, parseForm } from '#lib/server/forms.ts';
import { authCallFor, homePathFor, rateLimitedFailure } from '#lib/server/auth/http.ts';
import { signUpSchema } from '#lib/server/auth/schemas.ts';
import { signUp } from '#lib/server/auth/sign-up.ts';

export const load = async (event) => {
	authorize(event, 'public.view');
	const { locals } = event;
	if (locals.user) redirect(303, await homePathFor(locals.network.id, locals.user));
	return {};
};

export const actions = {
	default: async (event) => {
		authorize(event, 'public.view');
		const { locals } = event;
		const parsed = await parseForm(event.request, signUpSchema, locals.locale);
		if (!parsed.ok) return parsed.failure;
		const { name, email, password } = parsed.data;
		const result = await signUp(authCallFor(event), { name, email, password, locale: locals.locale });
		if (!result.ok) {
			if (result.reason === 'rate_limited')
				return rateLimitedFailure(result.retryAfterSeconds, locals.locale, parsed.form);
			return fail(400, {
				errors: { password: m.validation_password_too_common({}, { locale: locals.locale }) },
				values: echoValues(parsed.form)
			});
		}
		// The same answer whether or not the address already had an account.
		return { sent: email };
	}
};
