import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { config } from './config.ts';

/**
 * The application secret: AUTH_SECRET in production. Without it (a demo, a development checkout)
 * it is derived from where the data lives, so that sessions and mailed links survive a restart —
 * and differ between installations. Read through config() only, like every setting.
 *
 * better-auth takes this value as it is (it signs session cookies with it and encrypts two-factor
 * secrets with it, so it must not change under existing accounts); everything of our own uses a
 * key derived for its purpose with deriveSecret below.
 */
export function applicationSecret(): string {
	const { AUTH_SECRET, DATA_DIR, DATABASE_URL } = config();
	if (AUTH_SECRET) return AUTH_SECRET;
	return createHash('sha256')
		.update(`knotenpunkt-demo-secret:${DATABASE_URL ?? DATA_DIR}`)
		.digest('hex');
}

const SALT = 'knotenpunkt';

/**
 * A 32-byte key for one purpose (e.g. 'event-registration-access:v1'), derived from the
 * application secret with HKDF-SHA256 (RFC 5869; the purpose is HKDF's info). Different purposes
 * give independent keys, so a value signed for one purpose is worthless for another, and no key
 * reveals the secret. Changing the secret (or the purpose's version) invalidates everything signed
 * with the old key.
 */
export function deriveSecret(purpose: string): Buffer {
	if (!purpose) throw new Error('deriveSecret needs a purpose');
	return Buffer.from(hkdfSync('sha256', applicationSecret(), SALT, purpose, 32));
}

/**
 * A secret token for a link or URL (invitations, registration and feed links, API tokens): 32
 * random bytes, base64url (43 characters). Only its hash is stored — see hashSecretToken.
 */
export function generateSecretToken(): string {
	return randomBytes(32).toString('base64url');
}

/**
 * What is stored of a secret token, so a leaked database hands out no valid link. A plain sha256
 * suffices (no slow hash): the token is random, not a password.
 */
export function hashSecretToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}
