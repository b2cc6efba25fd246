import { recordAudit } from '../audit/mutations.ts';
import { attempt, auditContextOf, rateLimited, type AuthCall, type RateLimited } from '../auth/call.ts';
import type { Auth } from '../auth/auth.ts';
import { clearRateLimit, hitRateLimit, rateLimitRules } from '../rate-limit/mutations.ts';
import { findCredentialPasswordHash, findSessionToken } from './queries.ts';

/** The signed-in person, as the account pages know them. */
export type AccountOwner = { userId: string; email: string };

const passwordCheckKey = (userId: string) => `password-check:user:${userId}`;

export type PasswordCheck = { ok: true } | { ok: false; reason: 'wrong_password' } | RateLimited;

/**
 * Asks for the current password before a sensitive change. Wrong guesses count like wrong
 * sign-in passwords (five per window), so a borrowed session cannot try passwords freely.
 */
export async function checkCurrentPassword(
	auth: Auth,
	owner: AccountOwner,
	password: string
): Promise<PasswordCheck> {
	const limit = await hitRateLimit(passwordCheckKey(owner.userId), rateLimitRules.signInPerAccount);
	if (!limit.allowed) return rateLimited(limit.retryAfterSeconds);
	const hash = await findCredentialPasswordHash(owner.userId);
	const context = await auth.$context;
	const valid =
		hash !== null && password.length <= 128 && (await context.password.verify({ hash, password }));
	if (!valid) return { ok: false, reason: 'wrong_password' };
	await clearRateLimit(passwordCheckKey(owner.userId));
	return { ok: true };
}

export type ChangePasswordResult = PasswordCheck | { ok: false; reason: 'password_too_common' };

/** A new password; every other session of the account ends, this browser stays signed in. */
export async function changePassword(
	call: AuthCall,
	owner: AccountOwner,
	input: { currentPassword: string; newPassword: string }
): Promise<ChangePasswordResult> {
	const check = await checkCurrentPassword(call.auth, owner, input.currentPassword);
	if (!check.ok) return check;
	const result = await attempt(() =>
		call.auth.api.changePassword({
			body: {
				currentPassword: input.currentPassword,
				newPassword: input.newPassword,
				revokeOtherSessions: true
			},
			headers: call.headers
		})
	);
	if (!result.ok) {
		if (result.code === 'PASSWORD_TOO_COMMON') return { ok: false, reason: 'password_too_common' };
		if (result.code === 'INVALID_PASSWORD') return { ok: false, reason: 'wrong_password' };
		throw new Error(`Unexpected password change failure: ${result.code}`);
	}
	await recordAudit({
		networkId: call.networkId,
		actor: owner,
		action: 'auth.password_changed',
		targetType: 'user',
		targetId: owner.userId,
		details: { otherSessionsRevoked: true },
		context: auditContextOf(call)
	});
	return { ok: true };
}

export type ChangeEmailResult = PasswordCheck | { ok: false; reason: 'same_email' };

/**
 * Mails a confirmation link to the new address; the address changes when it is opened. If the new
 * address already belongs to another account, nothing is sent but the answer is the same.
 */
export async function requestEmailChange(
	call: AuthCall,
	owner: AccountOwner,
	input: { email: string; currentPassword: string }
): Promise<ChangeEmailResult> {
	const newEmail = input.email.trim().toLowerCase();
	if (newEmail === owner.email.toLowerCase()) return { ok: false, reason: 'same_email' };
	const check = await checkCurrentPassword(call.auth, owner, input.currentPassword);
	if (!check.ok) return check;
	await call.auth.api.changeEmail({ body: { newEmail }, headers: call.headers });
	await recordAudit({
		networkId: call.networkId,
		actor: owner,
		action: 'auth.email_change_requested',
		targetType: 'user',
		targetId: owner.userId,
		details: { to: newEmail },
		context: auditContextOf(call)
	});
	return { ok: true };
}

/** Ends one of one's own sessions (another device, or this one). Someone else's id finds nothing. */
export async function revokeSession(call: AuthCall, owner: AccountOwner, sessionId: string) {
	const token = await findSessionToken(owner.userId, sessionId);
	if (!token) return { ok: false as const, reason: 'not_found' as const };
	await call.auth.api.revokeSession({ body: { token }, headers: call.headers });
	await recordAudit({
		networkId: call.networkId,
		actor: owner,
		action: 'auth.session_revoked',
		targetType: 'session',
		targetId: sessionId,
		context: auditContextOf(call)
	});
	return { ok: true as const };
}

/** "Sign out everywhere": every session of the account ends, this one included. */
export async function signOutEverywhere(call: AuthCall, owner: AccountOwner) {
	await call.auth.api.revokeSessions({ headers: call.headers });
	await recordAudit({
		networkId: call.networkId,
		actor: owner,
		action: 'auth.sign_out_everywhere',
		targetType: 'user',
		targetId: owner.userId,
		context: auditContextOf(call)
	});
}
