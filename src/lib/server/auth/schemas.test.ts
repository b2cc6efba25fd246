import { describe, expect, it } from 'vitest';
import { profileSchema } from '../account/schemas.ts';
import {
	changePasswordSchema,
	secondFactorSchema,
	signInSchema,
	signUpSchema,
	totpCodeSchema
} from './schemas.ts';

const messagesOf = (result: {
	success: boolean;
	error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('account form schemas', () => {
	it('sign-up: length, common passwords and the repetition each get a field message', () => {
		const base = { name: 'Erika', email: ' Erika@Example.TEST ', passwordConfirm: '' };
		expect(
			messagesOf(signUpSchema.safeParse({ ...base, password: 'kurz', passwordConfirm: 'kurz' }))
		).toEqual({
			password: 'validation_password_too_short'
		});
		expect(
			messagesOf(
				signUpSchema.safeParse({ ...base, password: 'x'.repeat(129), passwordConfirm: 'x'.repeat(129) })
			)
		).toEqual({
			password: 'validation_password_too_long'
		});
		expect(
			messagesOf(signUpSchema.safeParse({ ...base, password: 'Password123', passwordConfirm: 'Password123' }))
		).toEqual({
			password: 'validation_password_too_common'
		});
		expect(
			messagesOf(
				signUpSchema.safeParse({
					...base,
					password: 'Ruhige-See-am-Abend',
					passwordConfirm: 'Ruhige-See-am-Abend!'
				})
			)
		).toEqual({
			passwordConfirm: 'validation_passwords_differ'
		});
		const ok = signUpSchema.parse({
			...base,
			password: 'Ruhige-See-am-Abend',
			passwordConfirm: 'Ruhige-See-am-Abend'
		});
		expect(ok.email).toBe('erika@example.test');
	});

	it('sign-in does not judge the password, it only needs one', () => {
		expect(signInSchema.safeParse({ email: 'a@example.test', password: 'kurz' }).success).toBe(true);
		expect(messagesOf(signInSchema.safeParse({ email: 'kein-at', password: '' }))).toEqual({
			email: 'validation_email',
			password: 'validation_required'
		});
	});

	it('password change checks the new password and its repetition', () => {
		expect(
			messagesOf(
				changePasswordSchema.safeParse({
					currentPassword: 'alt',
					newPassword: 'qwertyuiop',
					passwordConfirm: 'qwertyuiop'
				})
			)
		).toEqual({ newPassword: 'validation_password_too_common' });
	});

	it('codes: spaces are forgiven; the setup code must be six digits', () => {
		expect(secondFactorSchema.parse({ code: ' 123 456 ' }).code).toBe('123456');
		expect(secondFactorSchema.parse({ code: 'AbCdE-12345' }).code).toBe('AbCdE-12345');
		expect(totpCodeSchema.parse({ code: '123 456' }).code).toBe('123456');
		expect(messagesOf(totpCodeSchema.safeParse({ code: '12345' }))).toEqual({
			code: 'auth_two_factor_code_format'
		});
	});

	it('profile: an empty notification address means none; a wrong one is refused', () => {
		expect(profileSchema.parse({ name: 'Uwe', locale: 'en', notificationEmail: '' })).toEqual({
			name: 'Uwe',
			locale: 'en',
			notificationEmail: null
		});
		expect(
			profileSchema.parse({ name: 'Uwe', locale: 'de', notificationEmail: ' Team@Example.test ' })
				.notificationEmail
		).toBe('team@example.test');
		expect(
			messagesOf(profileSchema.safeParse({ name: '', locale: 'fr', notificationEmail: 'kein-at' }))
		).toEqual({
			name: 'validation_required',
			locale: 'validation_choice',
			notificationEmail: 'validation_email'
		});
	});
});
