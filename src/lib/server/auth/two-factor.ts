import QRCode from 'qrcode';
import { symmetricDecrypt } from 'better-auth/crypto';
import { recordAudit } from '../audit/mutations.ts';
import { deletePendingTwoFactor } from '../account/mutations.ts';
import { findPendingTwoFactorSecret } from '../account/queries.ts';
import { checkCurrentPassword, type AccountOwner, type PasswordCheck } from '../account/security.ts';
import type { Auth } from './auth.ts';
import { attempt, auditContextOf, type AuthCall } from './call.ts';

/**
 * TOTP two-factor authentication in three steps: confirm the password (a secret is created but
 * not yet active), scan the QR code and confirm with a code (now active; the backup codes are
 * shown once), and later, with the password, switch it off again.
 */
export async function beginTwoFactorSetup(
	call: AuthCall,
	owner: AccountOwner,
	input: { currentPassword: string; issuer: string }
): Promise<PasswordCheck | { ok: false; reason: 'already_enabled' }> {
	const check = await checkCurrentPassword(call.auth, owner, input.currentPassword);
	if (!check.ok) return check;
	const result = await attempt(() =>
		call.auth.api.enableTwoFactor({
			body: { password: input.currentPassword, issuer: input.issuer },
			headers: call.headers
		})
	);
	if (!result.ok) {
		if (result.code === 'TOTP_ALREADY_ENABLED') return { ok: false, reason: 'already_enabled' };
		if (result.code === 'INVALID_PASSWORD') return { ok: false, reason: 'wrong_password' };
		throw new Error(`Unexpected two-factor setup failure: ${result.code}`);
	}
	return { ok: true };
}

export type PendingSetup = { uri: string; secret: string; qrSvg: string };

/**
 * The setup that was started but not confirmed yet, for showing the QR code again (e.g. after a
 * mistyped code). Only the account's own signed-in pages ask for it.
 */
export async function findPendingSetup(
	auth: Auth,
	owner: AccountOwner,
	issuer: string
): Promise<PendingSetup | null> {
	const encrypted = await findPendingTwoFactorSecret(owner.userId);
	if (!encrypted) return null;
	const context = await auth.$context;
	const raw = await symmetricDecrypt({ key: context.secretConfig, data: encrypted });
	const secret = base32(new TextEncoder().encode(raw));
	const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(owner.email)}`;
	const params = new URLSearchParams({ secret, issuer, digits: '6', period: '30' });
	const uri = `otpauth://totp/${label}?${params}`;
	const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
	return { uri, secret: secret.replace(/(.{4})/g, '$1 ').trim(), qrSvg };
}

export type ConfirmSetupResult =
	{ ok: true; backupCodes: string[] } | { ok: false; reason: 'invalid_code' | 'no_pending_setup' };

export async function confirmTwoFactorSetup(
	call: AuthCall,
	owner: AccountOwner,
	input: { code: string }
): Promise<ConfirmSetupResult> {
	if (!(await findPendingTwoFactorSecret(owner.userId))) return { ok: false, reason: 'no_pending_setup' };
	const result = await attempt(() =>
		call.auth.api.verifyTOTP({ body: { code: input.code }, headers: call.headers })
	);
	if (!result.ok) {
		if (result.code === 'INVALID_CODE') return { ok: false, reason: 'invalid_code' };
		throw new Error(`Unexpected two-factor confirmation failure: ${result.code}`);
	}
	const codes = await call.auth.api.viewBackupCodes({ body: { userId: owner.userId } });
	await recordAudit({
		networkId: call.networkId,
		actor: owner,
		action: 'auth.two_factor_enabled',
		targetType: 'user',
		targetId: owner.userId,
		details: { method: 'totp' },
		context: auditContextOf(call)
	});
	return { ok: true, backupCodes: codes.backupCodes };
}

export async function cancelTwoFactorSetup(owner: AccountOwner) {
	await deletePendingTwoFactor(owner.userId);
}

export async function disableTwoFactor(
	call: AuthCall,
	owner: AccountOwner,
	input: { currentPassword: string }
): Promise<PasswordCheck> {
	const check = await checkCurrentPassword(call.auth, owner, input.currentPassword);
	if (!check.ok) return check;
	const result = await attempt(() =>
		call.auth.api.disableTwoFactor({ body: { password: input.currentPassword }, headers: call.headers })
	);
	if (!result.ok) {
		if (result.code === 'INVALID_PASSWORD') return { ok: false, reason: 'wrong_password' };
		throw new Error(`Unexpected two-factor removal failure: ${result.code}`);
	}
	await recordAudit({
		networkId: call.networkId,
		actor: owner,
		action: 'auth.two_factor_disabled',
		targetType: 'user',
		targetId: owner.userId,
		context: auditContextOf(call)
	});
	return { ok: true };
}

/** RFC 4648 base32 without padding, as authenticator apps expect the secret. */
function base32(bytes: Uint8Array) {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	let bits = 0;
	let value = 0;
	let out = '';
	for (const byte of bytes) {
		value = (value << 8) | byte;
		bits += 8;
		while (bits >= 5) {
			out += alphabet[(value >>> (bits - 5)) & 31];
			bits -= 5;
		}
		value &= (1 << bits) - 1;
	}
	if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
	return out;
}
