import { recordAudit } from '../audit/mutations.ts';
import { findUserOfVerification } from '../account/queries.ts';
import { hitRateLimit, rateLimitRules } from '../rate-limit/mutations.ts';
import { attempt, auditContextOf, rateLimited, type AuthCall, type RateLimited } from './call.ts';

/**
 * Mails a reset link when the address has an account. The answer is the same either way (no
 * account enumeration); both the client address and the address asked for are rate limited.
 */
export async function requestPasswordReset(
	call: AuthCall,
	input: { email: string }
): Promise<{ ok: true } | RateLimited> {
	const email = input.email.trim().toLowerCase();
	for (const [key, rule] of [
		[`password-reset:ip:${call.ipAddress}`, rateLimitRules.passwordResetPerIp],
		[`password-reset:account:${email}`, rateLimitRules.passwordResetPerAccount]
	] as const) {
		const limit = await hitRateLimit(key, rule);
		if (!limit.allowed) return rateLimited(limit.retryAfterSeconds);
	}
	await call.auth.api.requestPasswordReset({ body: { email } });
	return { ok: true };
}

export type ResetPasswordResult =
	{ ok: true } | { ok: false; reason: 'invalid_token' | 'password_too_common' };

/** Sets a new password from a mailed link (single use); every session of the account ends. */
export async function resetPassword(
	call: AuthCall,
	input: { token: string; password: string }
): Promise<ResetPasswordResult> {
	const owner = await findUserOfVerification(`reset-password:${input.token}`);
	if (!owner) return { ok: false, reason: 'invalid_token' };
	const result = await attempt(() =>
		call.auth.api.resetPassword({ body: { token: input.token, newPassword: input.password } })
	);
	if (!result.ok) {
		if (result.code === 'PASSWORD_TOO_COMMON') return { ok: false, reason: 'password_too_common' };
		if (result.code === 'INVALID_TOKEN' || result.code === 'USER_NOT_FOUND')
			return { ok: false, reason: 'invalid_token' };
		throw new Error(`Unexpected password reset failure: ${result.code}`);
	}
	await recordAudit({
		networkId: call.networkId,
		actor: { userId: owner.id, email: owner.email },
		action: 'auth.password_reset',
		targetType: 'user',
		targetId: owner.id,
		context: auditContextOf(call)
	});
	return { ok: true };
}

/** Does this reset link still work? (The page asks before showing the form.) */
export async function isResetTokenValid(token: string) {
	return (await findUserOfVerification(`reset-password:${token}`)) !== null;
}
