import { recordAudit } from '../audit/mutations.ts';
import { hitRateLimit, rateLimitRules, type RateLimitRule } from '../rate-limit/mutations.ts';
import { attempt, auditContextOf, rateLimited, type AuthCall, type RateLimited } from './call.ts';

export type SignUpResult = { ok: true } | { ok: false; reason: 'password_too_common' } | RateLimited;

/**
 * Creates an account and mails the verification link. An address that already has an account
 * gets the same answer ("check your mail"), so the form tells nobody who is registered.
 */
export async function signUp(
	call: AuthCall,
	input: { name: string; email: string; password: string; locale: 'de' | 'en' }
): Promise<SignUpResult> {
	const limit = await hitRateLimit(`sign-up:ip:${call.ipAddress}`, rateLimitRules.signUpPerIp);
	if (!limit.allowed) return rateLimited(limit.retryAfterSeconds);
	const result = await attempt(() =>
		call.auth.api.signUpEmail({
			body: { name: input.name, email: input.email, password: input.password, locale: input.locale },
			headers: call.headers
		})
	);
	if (!result.ok) {
		if (result.code === 'PASSWORD_TOO_COMMON') return { ok: false, reason: 'password_too_common' };
		throw new Error(`Unexpected sign-up failure: ${result.code}`);
	}
	return { ok: true };
}

/** Sending the link again is limited like a password reset, per address and per client. */
const resendPerIp: RateLimitRule = rateLimitRules.passwordResetPerIp;
const resendPerAccount: RateLimitRule = rateLimitRules.passwordResetPerAccount;

/** Mails a new verification link if the address belongs to an unconfirmed account; answers the same either way. */
export async function resendVerification(
	call: AuthCall,
	input: { email: string }
): Promise<{ ok: true } | RateLimited> {
	const email = input.email.trim().toLowerCase();
	for (const [key, rule] of [
		[`verify-resend:ip:${call.ipAddress}`, resendPerIp],
		[`verify-resend:account:${email}`, resendPerAccount]
	] as const) {
		const limit = await hitRateLimit(key, rule);
		if (!limit.allowed) return rateLimited(limit.retryAfterSeconds);
	}
	// Without the browser's cookies better-auth takes the anonymous path, which answers alike for every address.
	await call.auth.api.sendVerificationEmail({ body: { email } });
	return { ok: true };
}

export type VerifyEmailResult =
	| { ok: true; kind: 'verified' | 'email_changed'; email: string | null }
	| { ok: false; reason: 'expired' | 'invalid' };

/** Opens a link from a verification mail: confirms the address, or switches to a new one. */
export async function verifyEmail(call: AuthCall, input: { token: string }): Promise<VerifyEmailResult> {
	const claims = readTokenClaims(input.token);
	const result = await attempt(() =>
		call.auth.api.verifyEmail({ query: { token: input.token }, headers: call.headers })
	);
	if (!result.ok) {
		return { ok: false, reason: result.code === 'TOKEN_EXPIRED' ? 'expired' : 'invalid' };
	}
	if (claims?.updateTo) {
		await recordAudit({
			networkId: call.networkId,
			actor: claims.userId ? { userId: claims.userId, email: claims.updateTo } : null,
			action: 'auth.email_changed',
			targetType: 'user',
			targetId: claims.userId,
			details: { from: claims.email, to: claims.updateTo },
			context: auditContextOf(call)
		});
		return { ok: true, kind: 'email_changed', email: claims.updateTo };
	}
	return { ok: true, kind: 'verified', email: claims?.email ?? null };
}

type TokenClaims = { email?: string; updateTo?: string; userId?: string };

/** The claims of a token better-auth signed; read only after (or for) its own verification. */
function readTokenClaims(token: string): TokenClaims | null {
	try {
		return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as TokenClaims;
	} catch {
		return null;
	}
}
