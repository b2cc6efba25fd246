import { isAPIError } from 'better-auth/api';
import type { AuditContext } from '../audit/mutations.ts';
import type { Auth } from './auth.ts';

/**
 * What a use case needs to call better-auth on behalf of one browser request: the auth instance,
 * the request's headers (its cookies identify the session; better-auth reads the client address
 * from X-Forwarded-For and the browser from User-Agent), and where the request came from for the
 * audit log and the rate limits.
 */
export type AuthCall = {
	auth: Auth;
	headers: Headers;
	networkId: string | null;
	ipAddress: string;
	userAgent: string | null;
};

export const auditContextOf = (call: AuthCall): AuditContext => ({
	ipAddress: call.ipAddress,
	userAgent: call.userAgent
});

/** The error code better-auth attached to a failed call (e.g. INVALID_EMAIL_OR_PASSWORD), or null. */
export function authErrorCode(error: unknown): string | null {
	if (!isAPIError(error)) return null;
	const body = (error as { body?: { code?: unknown; message?: unknown } }).body;
	if (typeof body?.code === 'string') return body.code;
	return typeof body?.message === 'string' ? body.message : null;
}

/** Runs a better-auth call; its APIError becomes a code, anything else is a real failure. */
export async function attempt<T>(
	run: () => Promise<T>
): Promise<{ ok: true; value: T } | { ok: false; code: string }> {
	try {
		return { ok: true, value: await run() };
	} catch (error) {
		const code = authErrorCode(error);
		if (code === null) throw error;
		return { ok: false, code };
	}
}

export type RateLimited = { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

export const rateLimited = (retryAfterSeconds: number): RateLimited => ({
	ok: false,
	reason: 'rate_limited',
	retryAfterSeconds
});
