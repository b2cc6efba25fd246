import { createHmac, timingSafeEqual } from 'node:crypto';
import { deriveSecret } from '../../secrets.ts';

/**
 * The feedback link of a registration: `<registrationId>.<signature>`. Only the hash of a
 * registration's personal access token is stored, so the raw token cannot go into a mail sent
 * later. Instead the link is signed — HMAC-SHA256 keyed by the application secret's key for this
 * purpose (deriveSecret), over the stored access-token hash and the registration id. Without the
 * database row nobody can compute it (even where no AUTH_SECRET is configured); a new access token
 * invalidates old links.
 */
const PURPOSE = 'event-feedback:v1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Tests pass their own key; the application signs with the key derived for this purpose. */
type Key = string | Buffer;
const purposeKey = (): Key => deriveSecret(PURPOSE);

function signature(registrationId: string, accessTokenHash: string, key: Key) {
	return createHmac('sha256', key).update(`${accessTokenHash}\u0000${registrationId}`).digest('base64url');
}

export function feedbackToken(
	registration: { id: string; accessTokenHash: string },
	key: Key = purposeKey()
) {
	return `${registration.id}.${signature(registration.id, registration.accessTokenHash, key)}`;
}

export function feedbackLink(origin: string, registration: { id: string; accessTokenHash: string }) {
	return `${origin}/events/feedback/${feedbackToken(registration)}`;
}

/** The registration id a token names, or null when it is not shaped like one of ours. */
export function registrationIdOfToken(token: string): string | null {
	const [id, mac, ...rest] = token.split('.');
	if (rest.length || !id || !mac || !UUID.test(id) || !/^[A-Za-z0-9_-]{43}$/.test(mac)) return null;
	return id;
}

/** Whether the token was issued for this registration (compared in constant time). */
export function verifyFeedbackToken(
	token: string,
	registration: { id: string; accessTokenHash: string },
	key: Key = purposeKey()
): boolean {
	if (registrationIdOfToken(token) !== registration.id) return false;
	const given = Buffer.from(token.slice(registration.id.length + 1));
	const expected = Buffer.from(signature(registration.id, registration.accessTokenHash, key));
	return given.length === expected.length && timingSafeEqual(given, expected);
}
