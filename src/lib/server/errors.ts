/** Failures (not expected outcomes) carry a small code union, mapped to HTTP in one place. */
export type AppErrorCode =
	'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'VALIDATION' | 'CONFLICT' | 'RATE_LIMITED' | 'INTERNAL';

export class AppError extends Error {
	readonly code: AppErrorCode;
	readonly details?: Record<string, unknown>;
	constructor(code: AppErrorCode, message: string, details?: Record<string, unknown>) {
		super(message);
		this.code = code;
		this.details = details;
	}
}

export const httpStatusOf: Record<AppErrorCode, number> = {
	UNAUTHENTICATED: 401,
	FORBIDDEN: 403,
	NOT_FOUND: 404,
	VALIDATION: 400,
	CONFLICT: 409,
	RATE_LIMITED: 429,
	INTERNAL: 500
};

/** Postgres' unique_violation, mapped once so callers can let the constraint decide races. */
export function isUniqueViolation(error: unknown): boolean {
	let current: unknown = error;
	for (let depth = 0; current && depth < 4; depth++) {
		if (typeof current === 'object' && 'code' in current && (current as { code: unknown }).code === '23505')
			return true;
		current = (current as { cause?: unknown }).cause;
	}
	return false;
}
