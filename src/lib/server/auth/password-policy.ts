import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

let common: Set<string> | undefined;

/** The ~49,000 most common passwords of real leaks, compared case-insensitively. */
export function isCommonPassword(password: string): boolean {
	common ??= new Set(dictionary['passwords-common'] as string[]);
	return common.has(password.toLowerCase());
}

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common';

export function checkPassword(password: string): PasswordProblem | null {
	if (password.length < PASSWORD_MIN_LENGTH) return 'too_short';
	if (password.length > PASSWORD_MAX_LENGTH) return 'too_long';
	if (isCommonPassword(password)) return 'too_common';
	return null;
}
