import { redirect, type RequestEvent } from '@sveltejs/kit';
import { authorize } from '#lib/server/guard.ts';
import { formFailure, parseForm } from '#lib/server/forms.ts';
import { hitRateLimit, rateLimitRules } from '#lib/server/rate-limit/mutations.ts';
import { findOfferedInvitation } from '#lib/server/invitations/queries.ts';
import { acceptInvitationAsUser, acceptInvitationWithNewAccount } from '#lib/server/invitations/mutations.ts';
import { auditContext } from '#lib/server/office/params.ts';
import { invitationAcceptForm, invitationRegisterForm } from '#lib/server/office/schemas.ts';
import { getAuth } from '#lib/server/runtime.ts';
import { logger } from '#lib/server/logger.ts';
import { recordAudit } from '#lib/server/audit/mutations.ts';
import { m } from '#lib/paraglide/messages.js';

/**
 * What an invitation link offers. Unknown, expired, used and revoked links all show the same
 * "not valid" message. Depending on whether an account exists for the invited address, the page
 * asks for a name and password, asks to sign in, or accepts with one click.
 */
export const load = async (event) => {
	authorize(event, 'public.view');
	const { url, locals } = event;
	// The page carries a secret in its URL: no caching anywhere.
	event.setHeaders({ 'cache-control': 'no-store' });
	const token = url.searchParams.get('token') ?? '';
	const offer = await findOfferedInvitation(locals.network.id, token);
	if (!offer)
		return { offer: null, token: '', step: 'invalid' as const, signedInAs: null, signInHref: '/sign-in' };
	const user = locals.user;
	const step = !offer.hasAccount
		? ('register' as const)
		: !user
			? ('sign_in' as const)
			: user.email.toLowerCase() === offer.email
				? ('accept' as const)
				: ('wrong_account' as const);
	const { hasAccount: _hasAccount, id: _id, ...shown } = offer;
	return {
		offer: shown,
		token,
		step,
		signedInAs: user?.email ?? null,
		signInHref: `/sign-in?next=${encodeURIComponent(`/invitation?token=${encodeURIComponent(token)}`)}`
	};
};

/** Counts every accept attempt per IP, so tokens cannot be guessed or sprayed. */
async function limited(event: RequestEvent) {
	const { allowed, retryAfterSeconds } = await hitRateLimit(
		`invitation-accept:ip:${event.locals.clientAddress}`,
		rateLimitRules.invitationAcceptPerIp
	);
	if (allowed) return null;
	event.setHeaders({ 'retry-after': String(retryAfterSeconds) });
	return formFailure(429, m.error_rate_limited({ minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) }));
}

export const actions = {
	register: async (event) => {
		authorize(event, 'public.view');
		const { locals } = event;
		const refused = await limited(event);
		if (refused) return refused;
		const parsed = await parseForm(event.request, invitationRegisterForm, locals.locale);
		if (!parsed.ok) return parsed.failure;
		const { token, name, password } = parsed.data;
		const result = await acceptInvitationWithNewAccount({
			networkId: locals.network.id,
			token,
			name,
			password,
			locale: locals.locale,
			context: auditContext(event)
		});
		if (!result.ok) {
			switch (result.reason) {
				case 'too_common':
					return formFailure(400, m.validation_password_too_common(), parsed.form, {
						password: m.validation_password_too_common()
					});
				case 'too_short':
					return formFailure(400, m.validation_password_too_short(), parsed.form, {
						password: m.validation_password_too_short()
					});
				case 'too_long':
					return formFailure(400, m.validation_password_too_long(), parsed.form, {
						password: m.validation_password_too_long()
					});
				case 'ACCOUNT_EXISTS':
					return formFailure(409, m.office_invitation_account_exists(), parsed.form);
				default:
					return formFailure(410, m.office_invitation_invalid(), parsed.form);
			}
		}
		// The account is verified and ready: sign in (the cookie is set on this response).
		try {
			await getAuth().api.signInEmail({
				body: { email: result.email, password },
				headers: event.request.headers
			});
			await recordAudit({
				networkId: locals.network.id,
				actor: { userId: result.userId, email: result.email },
				action: 'auth.sign_in',
				targetType: 'user',
				targetId: result.userId,
				details: { method: 'invitation' },
				context: auditContext(event)
			});
		} catch (error) {
			logger.warn(
				{ err: error, requestId: locals.requestId },
				'sign-in after accepting an invitation failed'
			);
			redirect(303, `/sign-in?next=${encodeURIComponent('/members')}`);
		}
		redirect(303, '/members');
	},
	accept: async (event) => {
		authorize(event, 'public.view');
		const { locals } = event;
		const refused = await limited(event);
		if (refused) return refused;
		const parsed = await parseForm(event.request, invitationAcceptForm, locals.locale);
		if (!parsed.ok) return parsed.failure;
		if (!locals.user) {
			redirect(
				303,
				`/sign-in?next=${encodeURIComponent(`/invitation?token=${encodeURIComponent(parsed.data.token)}`)}`
			);
		}
		const result = await acceptInvitationAsUser({
			networkId: locals.network.id,
			token: parsed.data.token,
			user: { id: locals.user.id, email: locals.user.email, name: locals.user.name },
			context: auditContext(event)
		});
		if (!result.ok) {
			if (result.reason === 'WRONG_ACCOUNT') return formFailure(403, m.office_error_forbidden());
			return formFailure(410, m.office_invitation_invalid());
		}
		redirect(303, '/members');
	}
};
