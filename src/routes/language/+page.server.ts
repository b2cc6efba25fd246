import { redirect } from '@sveltejs/kit';
import { authorize } from '#lib/server/guard.ts';
import { setUserLocale } from '#lib/server/account/mutations.ts';

/** Switching the language works without JavaScript: a form post that sets the cookie. */
export const actions = {
	default: async (event) => {
		authorize(event, 'public.view');
		const { request, cookies, locals, url } = event;
		const form = await request.formData();
		const locale = form.get('locale') === 'en' ? 'en' : 'de';
		cookies.set('kp_locale', locale, {
			path: '/',
			maxAge: 60 * 60 * 24 * 365,
			httpOnly: false,
			sameSite: 'lax',
			secure: url.protocol === 'https:'
		});
		if (locals.user) await setUserLocale(locals.user.id, locale);
		const target = String(form.get('redirectTo') ?? '/');
		// Only same-site paths: never an open redirect.
		redirect(303, target.startsWith('/') && !target.startsWith('//') ? target : '/');
	}
};
