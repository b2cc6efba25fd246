import { fail, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { authorize } from '#lib/server/guard.ts';
import { parseForm } from '#lib/server/forms.ts';
import { authCallFor, ownerOf } from '#lib/server/auth/http.ts';
import { listUserSessions } from '#lib/server/account/queries.ts';
import { sessionIdSchema } from '#lib/server/account/schemas.ts';
import { revokeSession, signOutEverywhere } from '#lib/server/account/security.ts';
import { describeUserAgent } from '#lib/server/account/user-agent.ts';

export const load = async (event) => {
	authorize(event, 'account.manage');
	const { locals } = event;
	const sessions = await listUserSessions(ownerOf(locals).userId);
	return {
		sessions: sessions.map((s) => ({
			id: s.id,
			...describeUserAgent(s.userAgent),
			ipAddress: s.ipAddress,
			createdAt: s.createdAt.toISOString(),
			lastActiveAt: s.updatedAt.toISOString(),
			isCurrent: s.id === locals.sessionId
		}))
	};
};

export const actions = {
	revoke: async (event) => {
		authorize(event, 'account.manage');
		const { locals } = event;
		const parsed = await parseForm(event.request, sessionIdSchema, locals.locale);
		if (!parsed.ok) return parsed.failure;
		const result = await revokeSession(authCallFor(event), ownerOf(locals), parsed.data.sessionId);
		if (!result.ok)
			return fail(404, { errors: { _form: m.account_sessions_not_found({}, { locale: locals.locale }) } });
		if (parsed.data.sessionId === locals.sessionId) redirect(303, '/sign-in');
		return { success: m.account_sessions_revoked({}, { locale: locals.locale }) };
	},

	everywhere: async (event) => {
		authorize(event, 'account.manage');
		await signOutEverywhere(authCallFor(event), ownerOf(event.locals));
		redirect(303, '/sign-in?signed_out=everywhere');
	}
};
