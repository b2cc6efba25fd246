import { fail, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { authorize } from '#lib/server/guard.ts';
import { parseForm } from '#lib/server/forms.ts';
import { authCallFor, homePathFor, rateLimitedFailure, setLocaleCookie } from '#lib/server/auth/http.ts';
import { safeNextPath } from '#lib/server/auth/redirect.ts';
import { secondFactorSchema } from '#lib/server/auth/schemas.ts';
import { completeSecondFactor, hasSecondFactorChallenge } from '#lib/server/auth/sign-in.ts';

export const load = async (event) => {
	authorize(event, 'public.view');
	const { locals, url, request } = event;
	if (locals.user) redirect(303, await homePathFor(locals.network.id, locals.user));
	const next = safeNextPath(url.searchParams.get('next'));
	// Only reachable right after the password step (better-auth's challenge cookie).
	if (!hasSecondFactorChallenge(request.headers))
		redirect(303, `/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`);
	return { next };
};

export const actions = {
	default: async (event) => {
		authorize(event, 'public.view');
		const { locals, cookies, url } = event;
		const parsed = await parseForm(event.request, secondFactorSchema, locals.locale);
		if (!parsed.ok) return parsed.failure;
		const next = safeNextPath(String(parsed.form.get('next') ?? ''));
		const result = await completeSecondFactor(authCallFor(event), parsed.data);
		if (!result.ok) {
			if (result.reason === 'rate_limited')
				return rateLimitedFailure(result.retryAfterSeconds, locals.locale);
			if (result.reason === 'challenge_expired') {
				return fail(400, {
					errors: { _form: m.auth_two_factor_expired({}, { locale: locals.locale }) },
					expired: true
				});
			}
			return fail(400, { errors: { code: m.auth_two_factor_invalid({}, { locale: locals.locale }) } });
		}
		setLocaleCookie(cookies, result.user.locale, url);
		redirect(303, next ?? (await homePathFor(locals.network.id, result.user)));
	}
};
