import { fail } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { authorize } from '#lib/server/guard.ts';
import { echoValues, parseForm } from '#lib/server/forms.ts';
import { authCallFor } from '#lib/server/auth/http.ts';
import { isResetTokenValid, resetPassword } from '#lib/server/auth/password-reset.ts';
import { resetPasswordSchema } from '#lib/server/auth/schemas.ts';

export const load = async (event) => {
	authorize(event, 'public.view');
	const token = event.url.searchParams.get('token');
	const usable = !!token && token.length <= 500 && (await isResetTokenValid(token));
	return { token: usable ? token : null };
};

export const actions = {
	default: async (event) => {
		authorize(event, 'public.view');
		const { locals } = event;
		const parsed = await parseForm(event.request, resetPasswordSchema, locals.locale);
		if (!parsed.ok) return parsed.failure;
		const result = await resetPassword(authCallFor(event), parsed.data);
		if (!result.ok) {
			if (result.reason === 'password_too_common') {
				return fail(400, {
					errors: { password: m.validation_password_too_common({}, { locale: locals.locale }) },
					values: echoValues(parsed.form)
				});
			}
			return fail(400, {
				errors: { _form: m.auth_reset_invalid({}, { locale: locals.locale }) },
				invalid: true
			});
		}
		return { done: true };
	}
};
