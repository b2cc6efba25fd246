import { z } from 'zod';

/**
 * Building blocks for the shared zod schemas. Messages are catalogue keys; `localizeIssues`
 * (server/forms.ts) turns them into sentences in the user's language.
 */
export const requiredText = (max = 200) =>
	z
		.string({ message: 'validation_required' })
		.trim()
		.min(1, 'validation_required')
		.max(max, 'validation_too_long');

export const optionalText = (max = 2000) =>
	z
		.string()
		.trim()
		.max(max, 'validation_too_long')
		.optional()
		.transform((value) => (value ? value : undefined));

export const emailAddress = () =>
	z
		.string({ message: 'validation_required' })
		.trim()
		.toLowerCase()
		.min(1, 'validation_required')
		.max(254, 'validation_too_long')
		.pipe(z.email('validation_email'));

/** Length only; the common-password check runs on the server (password-policy.ts). */
export const newPassword = () =>
	z
		.string({ message: 'validation_required' })
		.min(10, 'validation_password_too_short')
		.max(128, 'validation_password_too_long');

export const checkbox = () =>
	z
		.enum(['on', 'true'])
		.optional()
		.transform((value) => value !== undefined);
