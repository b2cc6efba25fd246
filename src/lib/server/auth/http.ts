import { fail, type Cookies } from '@sveltejs/kit';
import { m } from '../../paraglide/messages.js';
import { echoValues } from '../forms.ts';
import { can } from '../policy/policy.ts';
import { loadActor } from '../policy/queries.ts';
import { getAuth } from '../runtime.ts';
import type { AccountOwner } from '../account/security.ts';
import type { AuthCall } from './call.ts';
import type { SignedInUser } from './sign-in.ts';

/**
 * Glue between SvelteKit form actions and the account use cases. better-auth's own HTTP handler
 * is not mounted: actions call it server-side with the browser's headers, and its SvelteKit
 * plugin writes the cookies into the action's response.
 */
type ActionEvent = { request: Request; locals: App.Locals };

export function authCallFor(event: ActionEvent): AuthCall {
	const headers = new Headers(event.request.headers);
	// better-auth records the address of each session from this header; give it the one the
	// server resolved (adapter-node's address header), not whatever the client sent.
	headers.set('x-forwarded-for', event.locals.clientAddress);
	return {
		auth: getAuth(),
		headers,
		networkId: event.locals.network.id,
		ipAddress: event.locals.clientAddress,
		userAgent: event.request.headers.get('user-agent')
	};
}

export function ownerOf(locals: App.Locals): AccountOwner {
	if (!locals.user) throw new Error('ownerOf needs a signed-in user (authorize first).');
	return { userId: locals.user.id, email: locals.user.email };
}

/** 429 with a sentence in the user's language saying how long to wait. */
export function rateLimitedFailure(
	retryAfterSeconds: number,
	locale: 'de' | 'en',
	form?: FormData,
	extra: Record<string, unknown> = {}
) {
	const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
	return fail(429, {
		errors: { _form: m.error_rate_limited({ minutes }, { locale }) },
		values: form ? echoValues(form) : {},
		...extra
	});
}

/** Where a signed-in person starts: the members' area if any role lets them in, else home. */
export async function homePathFor(
	networkId: string,
	user: Pick<SignedInUser, 'id' | 'email' | 'name' | 'emailVerified'>
) {
	const actor = await loadActor(networkId, user);
	return can(actor, 'members.view') ? '/members' : '/';
}

/** The account's language becomes the site's language in this browser. */
export function setLocaleCookie(cookies: Cookies, locale: 'de' | 'en', url: URL) {
	cookies.set('kp_locale', locale, {
		path: '/',
		maxAge: 60 * 60 * 24 * 365,
		httpOnly: false,
		sameSite: 'lax',
		secure: url.protocol === 'https:'
	});
}

/** Marks which of several forms on a page a failure belongs to. */
export function forForm(name: string, failure: { status: number; data: unknown }) {
	return fail(failure.status, { ...(failure.data as Record<string, unknown>), form: name });
}
