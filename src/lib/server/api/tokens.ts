import { generateSecretToken, hashSecretToken } from '../secrets.ts';

/**
 * API tokens look like `kp_` + 43 base64url characters (32 random bytes). The recognisable prefix
 * lets secret scanners and people spot them; only the sha256 hash is stored, so a leaked table
 * reveals no usable token. A hash lookup suffices (no slow hash): the token is random, not a password.
 */
export const tokenPrefix = 'kp_';
const tokenPattern = /^kp_[A-Za-z0-9_-]{43}$/;
/** How much of the token the office list shows, to tell tokens apart. */
const displayedLength = tokenPrefix.length + 8;

export type GeneratedToken = { token: string; hash: string; displayPrefix: string };

export function generateApiToken(): GeneratedToken {
	const token = tokenPrefix + generateSecretToken();
	return { token, hash: hashApiToken(token), displayPrefix: token.slice(0, displayedLength) };
}

export function hashApiToken(token: string): string {
	return hashSecretToken(token);
}

export function isWellFormedToken(token: string): boolean {
	return tokenPattern.test(token);
}

export type BearerCredential = { kind: 'none' } | { kind: 'malformed' } | { kind: 'token'; token: string };

/**
 * Reads `Authorization: Bearer <token>`. No header means anonymous; any other scheme, or a
 * value that cannot be one of our tokens, is malformed (answered 401, without a database read).
 */
export function readBearer(header: string | null): BearerCredential {
	if (header === null || header.trim() === '') return { kind: 'none' };
	const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header.trim());
	if (!match || !isWellFormedToken(match[1]!)) return { kind: 'malformed' };
	return { kind: 'token', token: match[1]! };
}
