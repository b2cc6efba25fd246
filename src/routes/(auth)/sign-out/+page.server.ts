import { redirect } from '@sveltejs/kit';
import { authorize } from '#lib/server/guard.ts';
import { authCallFor } from '#lib/server/auth/http.ts';
import { signOut } from '#lib/server/auth/sign-in.ts';

/** GET shows a button (a link never signs anyone out); POST signs out. */
export const load = (event) => {
	authorize(event, 'public.view');
	if (!event.locals.user) redirect(303, '/');
	return {};
};

export const actions = {
	default: async (event) => {
		authorize(event, 'public.view');
		const { user } = event.locals;
		await signOut(authCallFor(event), user ? { userId: user.id, email: user.email } : null);
		redirect(303, '/');
	}
};
