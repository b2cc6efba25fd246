import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { config } from '../../config.ts';

/**
 * The feedback link of a registration: `<registrationId>.<signature>`. Only the hash of a
 * registration's personal access token is stored, so the raw token cannot go into a mail sent
 * later. Instead the link is signed — HMAC-SHA256 keyed by the application secret and the stored
 * access-token hash, over the purpose and the registration id. Without the database row nobody can
 * compute it (even where no AUTH_SECRET is configured); a new access token invalidates old links.
 */
const PURPOSE = 'event-feedback:v1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Same derivation as the session secret (auth.ts), separated by purpose below. */
function applicationSecret() {
	const { AUTH_SECRET, DATA_DIR, DATABASE_URL } = config();
	if (AUTH_SECRET) return AUTH_SECRET;
	return createHash('sha256')
		.update(`knotenpunkt-demo-secret:${DATABASE_URL ?? DATA_DIR}`)
		.digest('hex');
}

function signature(registrationId: string, accessTokenHash: string, secret: string) {
	return createHmac('sha256', `${secret}\u0000${accessTokenHash}`)
		.update(`${PURPOSE}\u0000${registrationId}`)
		.digest('base64url');
}

export function feedbackToken(
	registration: { id: string; accessTokenHash: string },
	secret = applicationSecret()
) {
	return `${registration.id}.${signature(registration.id, registration.accessTokenHash, secret)}`;
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
	secret = applicationSecret()
): boolean {
	if (registrationIdOfToken(token) !== registration.id) return false;
	const given = Buffer.from(token.slice(registration.id.length + 1));
	const expected = Buffer.from(signature(registration.id, registration.accessTokenHash, secret));
	return given.length === expected.length && timingSafeEqual(given, expected);
}
