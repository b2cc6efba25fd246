import { recordAudit } from '../audit/mutations.ts';
import { findUserOfVerification } from '../account/queries.ts';
import { clearRateLimit, hitRateLimit, rateLimitRules } from '../rate-limit/mutations.ts';
import { attempt, auditContextOf, rateLimited, type AuthCall, type RateLimited } from './call.ts';

export type SignedInUser = {
	id: string;
	email: string;
	name: string;
	emailVerified: boolean;
	locale: 'de' | 'en';
};

export type SignInResult =
	| { ok: true; user: SignedInUser }
	| { ok: true; twoFactorRequired: true }
	| { ok: false; reason: 'invalid_credentials' | 'email_not_verified' }
	| RateLimited;

export type SecondFactorResult =
	| { ok: true; user: SignedInUser }
	| { ok: false; reason: 'invalid_code' | 'challenge_expired' }
	| RateLimited;

export const signInIpKey = (ip: string) => `sign-in:ip:${ip}`;
export const signInAccountKey = (email: string) => `sign-in:account:${email.trim().toLowerCase()}`;

/**
 * Email + password sign-in. Every attempt counts against the client address (a success does not
 * reset that counter) and against the account (a success clears it), so the sixth attempt after
 * five wrong passwords is refused even with the right one. Both outcomes are audited, without
 * the password.
 */
export async function signIn(
	call: AuthCall,
	input: { email: string; password: string }
): Promise<SignInResult> {
	const email = input.email.trim().toLowerCase();
	const failed = (reason: string) =>
		recordAudit({
			networkId: call.networkId,
			actor: { userId: null, email },
			action: 'auth.sign_in_failed',
			details: { email, reason },
			context: auditContextOf(call)
		});

	const perIp = await hitRateLimit(signInIpKey(call.ipAddress), rateLimitRules.signInPerIp);
	if (!perIp.allowed) {
		await failed('rate_limited_ip');
		return rateLimited(perIp.retryAfterSeconds);
	}
	const perAccount = await hitRateLimit(signInAccountKey(email), rateLimitRules.signInPerAccount);
	if (!perAccount.allowed) {
		await failed('rate_limited_account');
		return rateLimited(perAccount.retryAfterSeconds);
	}

	const result = await attempt(() =>
		call.auth.api.signInEmail({
			body: { email, password: input.password, rememberMe: true },
			headers: call.headers
		})
	);
	if (!result.ok) {
		if (result.code === 'EMAIL_NOT_VERIFIED') {
			// The password was right; only the address is unconfirmed.
			await clearRateLimit(signInAccountKey(email));
			await failed('email_not_verified');
			return { ok: false, reason: 'email_not_verified' };
		}
		if (
			result.code === 'INVALID_EMAIL_OR_PASSWORD' ||
			result.code === 'INVALID_EMAIL' ||
			result.code === 'PASSWORD_TOO_LONG'
		) {
			await failed('invalid_credentials');
			return { ok: false, reason: 'invalid_credentials' };
		}
		throw new Error(`Unexpected sign-in failure: ${result.code}`);
	}
	const value = result.value as { twoFactorRedirect?: boolean; user?: Record<string, unknown> };
	if (value.twoFactorRedirect) {
		// Not signed in yet: the second step audits the outcome.
		return { ok: true, twoFactorRequired: true };
	}
	const user = toSignedInUser(value.user!);
	await clearRateLimit(signInAccountKey(email));
	await recordAudit({
		networkId: call.networkId,
		actor: { userId: user.id, email: user.email },
		action: 'auth.sign_in',
		targetType: 'user',
		targetId: user.id,
		details: { method: 'password' },
		context: auditContextOf(call)
	});
	return { ok: true, user };
}

/**
 * The second step for accounts with two-factor authentication: a six-digit code from the app, or
 * one of the backup codes. better-auth limits the tries per challenge (5) and locks the second
 * factor after ten failures in a row; the client address counts as for the first step.
 */
export async function completeSecondFactor(
	call: AuthCall,
	input: { code: string }
): Promise<SecondFactorResult> {
	const owner = await challengeOwner(call.headers);
	const audit = (action: string, details: Record<string, unknown>) =>
		recordAudit({
			networkId: call.networkId,
			actor: owner ? { userId: owner.id, email: owner.email } : null,
			action,
			targetType: owner ? 'user' : undefined,
			targetId: owner?.id,
			details: { email: owner?.email ?? null, ...details },
			context: auditContextOf(call)
		});

	const perIp = await hitRateLimit(signInIpKey(call.ipAddress), rateLimitRules.signInPerIp);
	if (!perIp.allowed) {
		await audit('auth.sign_in_failed', { reason: 'rate_limited_ip', step: 'second_factor' });
		return rateLimited(perIp.retryAfterSeconds);
	}
	const code = input.code.replace(/\s+/g, '');
	const isTotp = /^\d{6}$/.test(code);
	const method = isTotp ? 'totp' : 'backup_code';
	const result = await attempt(() =>
		isTotp
			? call.auth.api.verifyTOTP({ body: { code }, headers: call.headers })
			: call.auth.api.verifyBackupCode({ body: { code }, headers: call.headers })
	);
	if (!result.ok) {
		const reason = secondFactorFailure(result.code);
		await audit('auth.sign_in_failed', {
			reason: reason.reason === 'rate_limited' ? 'second_factor_locked' : reason.reason,
			step: 'second_factor',
			method
		});
		return reason;
	}
	const user = toSignedInUser((result.value as { user: Record<string, unknown> }).user);
	await clearRateLimit(signInAccountKey(user.email));
	await recordAudit({
		networkId: call.networkId,
		actor: { userId: user.id, email: user.email },
		action: 'auth.sign_in',
		targetType: 'user',
		targetId: user.id,
		details: { method: `password+${method}` },
		context: auditContextOf(call)
	});
	return { ok: true, user };
}

function secondFactorFailure(code: string): Exclude<SecondFactorResult, { ok: true }> {
	switch (code) {
		case 'INVALID_CODE':
		case 'INVALID_BACKUP_CODE':
			return { ok: false, reason: 'invalid_code' };
		case 'ACCOUNT_TEMPORARILY_LOCKED':
			return rateLimited(15 * 60);
		case 'INVALID_TWO_FACTOR_COOKIE':
		case 'TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE':
		case 'TOTP_NOT_ENABLED':
		case 'BACKUP_CODES_NOT_ENABLED':
			return { ok: false, reason: 'challenge_expired' };
		default:
			throw new Error(`Unexpected second-factor failure: ${code}`);
	}
}

/** Is a second-factor challenge pending for this browser (set by the first step)? */
export function hasSecondFactorChallenge(headers: Headers) {
	return challengeIdentifier(headers) !== null;
}

/**
 * better-auth keeps the pending challenge in a signed cookie whose value names a verification
 * row. Reading it (without trusting it for anything but the audit entry) tells us whose
 * sign-in this is.
 */
function challengeIdentifier(headers: Headers) {
	for (const part of (headers.get('cookie') ?? '').split(';')) {
		const [name, ...rest] = part.trim().split('=');
		if (!name || !/^(__Secure-)?kp\.two_factor$/.test(name)) continue;
		const value = decodeURIComponent(rest.join('='));
		const identifier = value.slice(0, value.lastIndexOf('.'));
		if (/^2fa-[\w-]+$/.test(identifier)) return identifier;
	}
	return null;
}

async function challengeOwner(headers: Headers) {
	const identifier = challengeIdentifier(headers);
	return identifier ? findUserOfVerification(identifier) : null;
}

function toSignedInUser(raw: Record<string, unknown>): SignedInUser {
	return {
		id: String(raw.id),
		email: String(raw.email),
		name: String(raw.name ?? ''),
		emailVerified: raw.emailVerified === true,
		locale: raw.locale === 'en' ? 'en' : 'de'
	};
}

/** Ends this browser's session. */
export async function signOut(call: AuthCall, actor: { userId: string; email: string } | null) {
	await call.auth.api.signOut({ headers: call.headers });
	if (actor) {
		await recordAudit({
			networkId: call.networkId,
			actor,
			action: 'auth.sign_out',
			targetType: 'user',
			targetId: actor.userId,
			context: auditContextOf(call)
		});
	}
}
