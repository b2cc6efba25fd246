import { fail } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { authorize } from '#lib/server/guard.ts';
import { parseForm } from '#lib/server/forms.ts';
import { authCallFor, rateLimitedFailure } from '#lib/server/auth/http.ts';
import { emailOnlySchema, tokenSchema } from '#lib/server/auth/schemas.ts';
import { resendVerification, verifyEmail } from '#lib/server/auth/sign-up.ts';

/**
 * The link from a verification mail shows a button; the address is confirmed by the POST, so
 * that mail scanners that open links do not use the token up.
 */
export const load = (event) => {
	authorize(event, 'public.view');
	const token = event.url.searchParams.get('token');
	return { token: token && token.length <= 2000 ? token : null };
};

export const actions = {
	verify: async (event) => {
		authorize(event, 'public.view');
		const { locals } = event;
		const parsed = await parseForm(event.request, tokenSchema, locals.locale);
		if (!parsed.ok)
			return fail(400, { errors: { _form: m.auth_verify_missing({}, { locale: locals.locale }) } });
		const result = await verifyEmail(authCallFor(event), parsed.data);
		if (!result.ok) {
			const message = result.reason === 'expired' ? m.auth_verify_expired : m.auth_verify_invalid;
			return fail(400, { errors: { _form: message({}, { locale: locals.locale }) } });
		}
		return { verified: result.kind, email: result.email };
	},

	resend: async (event) => {
		authorize(event, 'public.view');
		const { locals } = event;
		const parsed = await parseForm(event.request, emailOnlySchema, locals.locale);
		if (!parsed.ok) return parsed.failure;
		const result = await resendVerification(authCallFor(event), parsed.data);
		if (!result.ok) return rateLimitedFailure(result.retryAfterSeconds, locals.locale, parsed.form);
		return { resent: parsed.data.email };
	}
};
