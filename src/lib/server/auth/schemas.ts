import { z } from 'zod';
import { emailAddress, newPassword, requiredText } from '../../validation.ts';
import { isCommonPassword } from './password-policy.ts';

/**
 * Form schemas of the account pages. Server-only: the common-password list is large and stays
 * off the client. Messages are catalogue keys (see server/forms.ts).
 */
const chosenPassword = () =>
	newPassword().refine((value) => !isCommonPassword(value), 'validation_password_too_common');

const typedPassword = () =>
	z
		.string({ message: 'validation_required' })
		.min(1, 'validation_required')
		.max(128, 'validation_password_too_long');

const differ = { path: ['passwordConfirm'], message: 'validation_passwords_differ' };

export const signInSchema = z.object({
	email: emailAddress(),
	password: typedPassword(),
	next: z.string().max(2000).optional()
});

export const emailOnlySchema = z.object({ email: emailAddress() });

export const signUpSchema = z
	.object({
		name: requiredText(120),
		email: emailAddress(),
		password: chosenPassword(),
		passwordConfirm: z.string({ message: 'validation_required' })
	})
	.refine((value) => value.password === value.passwordConfirm, differ);

export const resetPasswordSchema = z
	.object({
		token: requiredText(500),
		password: chosenPassword(),
		passwordConfirm: z.string({ message: 'validation_required' })
	})
	.refine((value) => value.password === value.passwordConfirm, differ);

export const tokenSchema = z.object({ token: requiredText(2000) });

/** A six-digit code from the app or a backup code (xxxxx-xxxxx); spaces are forgiven. */
export const secondFactorSchema = z.object({
	code: z
		.string({ message: 'validation_required' })
		.transform((value) => value.replace(/\s+/g, ''))
		.pipe(z.string().min(1, 'validation_required').max(40, 'validation_invalid'))
});

export const changePasswordSchema = z
	.object({
		currentPassword: typedPassword(),
		newPassword: chosenPassword(),
		passwordConfirm: z.string({ message: 'validation_required' })
	})
	.refine((value) => value.newPassword === value.passwordConfirm, differ);

export const changeEmailSchema = z.object({
	email: emailAddress(),
	currentPassword: typedPassword()
});

export const confirmPasswordSchema = z.object({ currentPassword: typedPassword() });

export const totpCodeSchema = z.object({
	code: z
		.string({ message: 'validation_required' })
		.transform((value) => value.replace(/\s+/g, ''))
		.pipe(z.string().regex(/^\d{6}$/, 'auth_two_factor_code_format'))
});
