import { authorize } from '#lib/server/guard.ts';
import { parseForm } from '#lib/server/forms.ts';
import { authCallFor, rateLimitedFailure } from '#lib/server/auth/http.ts';
import { emailOnlySchema } from '#lib/server/auth/schemas.ts';
import { requestPasswordReset } from '#lib/server/auth/password-reset.ts';

export const load = (event) => {
	authorize(event, 'public.view');
	return {};
};

export const actions = {
	default: async (event) => {
		authorize(event, 'public.view');
		const { locals } = event;
		const parsed = await parseForm(event.request, emailOnlySchema, locals.locale);
		if (!parsed.ok) return parsed.failure;
		const result = await requestPasswordReset(authCallFor(event), parsed.data);
		if (!result.ok) return rateLimitedFailure(result.retryAfterSeconds, locals.locale, parsed.form);
		// The same answer whether or not the address has an account.
		return { sent: parsed.data.email };
	}
};
