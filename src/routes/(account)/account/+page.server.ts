import { error, redirect } from '@sveltejs/kit';
import { authorize } from '#lib/server/guard.ts';
import { parseForm } from '#lib/server/forms.ts';
import { ownerOf, setLocaleCookie } from '#lib/server/auth/http.ts';
import { findAccountProfile } from '#lib/server/account/queries.ts';
import { updateProfile } from '#lib/server/account/mutations.ts';
import { profileSchema } from '#lib/server/account/schemas.ts';

export const load = async (event) => {
	authorize(event, 'account.manage');
	const profile = await findAccountProfile(ownerOf(event.locals).userId);
	if (!profile) error(404, 'Not found');
	return {
		profile: {
			name: profile.name,
			email: profile.email,
			locale: profile.locale,
			notificationEmail: profile.notificationEmail ?? ''
		},
		saved: event.url.searchParams.get('saved') === '1'
	};
};

export const actions = {
	default: async (event) => {
		authorize(event, 'account.manage');
		const { locals, cookies, url } = event;
		const parsed = await parseForm(event.request, profileSchema, locals.locale);
		if (!parsed.ok) return parsed.failure;
		await updateProfile(ownerOf(locals).userId, parsed.data);
		setLocaleCookie(cookies, parsed.data.locale, url);
		// A fresh request, so a changed language shows at once.
		redirect(303, '/account?saved=1');
	}
};
