import { fail, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { authorize } from '#lib/server/guard.ts';
import { echoValues, parseForm } from '#lib/server/forms.ts';
import { authCallFor, homePathFor, rateLimitedFailure, setLocaleCookie } from '#lib/server/auth/http.ts';
import { safeNextPath } from '#lib/server/auth/redirect.ts';
import { emailOnlySchema, signInSchema } from '#lib/server/auth/schemas.ts';
import { signIn } from '#lib/server/auth/sign-in.ts';
import { resendVerification } from '#lib/server/auth/sign-up.ts';

export const load = async (event) => {
	authorize(event, 'public.view');
	const { locals, url } = event;
	if (locals.user) redirect(303, await homePathFor(locals.network.id, locals.user));
	return {
		next: safeNextPath(url.searchParams.get('next')),
		signedOutEverywhere: url.searchParams.get('signed_out') === 'everywhere'
	};
};

export const actions = {
	signIn: async (event) => {
		authorize(event, 'public.view');
		const { locals, cookies, url } = event;
		const parsed = await parseForm(event.request, signInSchema, locals.locale);
		if (!parsed.ok) return parsed.failure;
		const result = await signIn(authCallFor(event), parsed.data);
		const next = safeNextPath(parsed.data.next);
		if (!result.ok) {
			if (result.reason === 'rate_limited')
				return rateLimitedFailure(result.retryAfterSeconds, locals.locale, parsed.form);
			const message =
				result.reason === 'email_not_verified'
					? m.auth_sign_in_not_verified({}, { locale: locals.locale })
					: m.auth_sign_in_invalid({}, { locale: locals.locale });
			return fail(400, {
				errors: { _form: message },
				values: echoValues(parsed.form),
				unverifiedEmail: result.reason === 'email_not_verified' ? parsed.data.email : undefined
			});
		}
		if ('twoFactorRequired' in result) {
			redirect(303, `/sign-in/two-factor${next ? `?next=${encodeURIComponent(next)}` : ''}`);
		}
		setLocaleCookie(cookies, result.user.locale, url);
		redirect(303, next ?? (await homePathFor(locals.network.id, result.user)));
	},

	/** "Send the confirmation link again", offered when an unconfirmed account tried to sign in. */
	resend: async (event) => {
		authorize(event, 'public.view');
		const { locals } = event;
		const parsed = await parseForm(event.request, emailOnlySchema, locals.locale);
		if (!parsed.ok) return parsed.failure;
		const result = await resendVerification(authCallFor(event), parsed.data);
		if (!result.ok) return rateLimitedFailure(result.retryAfterSeconds, locals.locale, parsed.form);
		return { resent: parsed.data.email, values: { email: parsed.data.email } };
	}
};
