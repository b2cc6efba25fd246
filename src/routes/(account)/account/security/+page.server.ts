import { error, fail } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { authorize } from '#lib/server/guard.ts';
import { echoValues, parseForm } from '#lib/server/forms.ts';
import { isOffice } from '#lib/server/policy/actor.ts';
import { authCallFor, forForm, ownerOf, rateLimitedFailure } from '#lib/server/auth/http.ts';
import {
	changeEmailSchema,
	changePasswordSchema,
	confirmPasswordSchema,
	totpCodeSchema
} from '#lib/server/auth/schemas.ts';
import { getAuth } from '#lib/server/runtime.ts';
import { findAccountProfile } from '#lib/server/account/queries.ts';
import { changePassword, requestEmailChange, type PasswordCheck } from '#lib/server/account/security.ts';
import {
	beginTwoFactorSetup,
	cancelTwoFactorSetup,
	confirmTwoFactorSetup,
	disableTwoFactor,
	findPendingSetup
} from '#lib/server/auth/two-factor.ts';

type Locale = 'de' | 'en';

export const load = async (event) => {
	authorize(event, 'account.manage');
	const { locals } = event;
	const owner = ownerOf(locals);
	const profile = await findAccountProfile(owner.userId);
	if (!profile) error(404, 'Not found');
	const pending = profile.twoFactorEnabled
		? null
		: await findPendingSetup(getAuth(), { ...owner, email: profile.email }, locals.network.shortName);
	return {
		email: profile.email,
		twoFactorEnabled: profile.twoFactorEnabled,
		pendingSetup: pending ? { secret: pending.secret, qrSvg: pending.qrSvg } : null,
		isOffice: isOffice(locals.actor)
	};
};

/** Failures of a "current password" check, in the user's language, attached to one form. */
function passwordFailure(
	form: string,
	result: Exclude<PasswordCheck, { ok: true }>,
	locale: Locale,
	data: FormData
) {
	if (result.reason === 'rate_limited')
		return rateLimitedFailure(result.retryAfterSeconds, locale, data, { form });
	return fail(400, {
		form,
		errors: { currentPassword: m.account_wrong_password({}, { locale }) },
		values: echoValues(data)
	});
}

export const actions = {
	password: async (event) => {
		authorize(event, 'account.manage');
		const { locals } = event;
		const parsed = await parseForm(event.request, changePasswordSchema, locals.locale);
		if (!parsed.ok) return forForm('password', parsed.failure);
		const result = await changePassword(authCallFor(event), ownerOf(locals), parsed.data);
		if (!result.ok) {
			if (result.reason === 'password_too_common') {
				return fail(400, {
					form: 'password',
					errors: { newPassword: m.validation_password_too_common({}, { locale: locals.locale }) }
				});
			}
			return passwordFailure('password', result, locals.locale, parsed.form);
		}
		return { form: 'password', success: m.account_password_changed({}, { locale: locals.locale }) };
	},

	email: async (event) => {
		authorize(event, 'account.manage');
		const { locals } = event;
		const parsed = await parseForm(event.request, changeEmailSchema, locals.locale);
		if (!parsed.ok) return forForm('email', parsed.failure);
		const result = await requestEmailChange(authCallFor(event), ownerOf(locals), parsed.data);
		if (!result.ok) {
			if (result.reason === 'same_email') {
				return fail(400, {
					form: 'email',
					errors: { email: m.account_email_same({}, { locale: locals.locale }) },
					values: echoValues(parsed.form)
				});
			}
			return passwordFailure('email', result, locals.locale, parsed.form);
		}
		return {
			form: 'email',
			success: m.account_email_sent({ email: parsed.data.email }, { locale: locals.locale })
		};
	},

	enableTwoFactor: async (event) => {
		authorize(event, 'account.manage');
		const { locals } = event;
		const parsed = await parseForm(event.request, confirmPasswordSchema, locals.locale);
		if (!parsed.ok) return forForm('enableTwoFactor', parsed.failure);
		const result = await beginTwoFactorSetup(authCallFor(event), ownerOf(locals), {
			currentPassword: parsed.data.currentPassword,
			issuer: locals.network.shortName
		});
		if (!result.ok) {
			if (result.reason === 'already_enabled') {
				return fail(400, {
					form: 'enableTwoFactor',
					errors: { _form: m.account_two_factor_already({}, { locale: locals.locale }) }
				});
			}
			return passwordFailure('enableTwoFactor', result, locals.locale, parsed.form);
		}
		// The page now shows the QR code of the pending setup (see load).
		return { form: 'enableTwoFactor', started: true };
	},

	confirmTwoFactor: async (event) => {
		authorize(event, 'account.manage');
		const { locals } = event;
		const parsed = await parseForm(event.request, totpCodeSchema, locals.locale);
		if (!parsed.ok) return forForm('confirmTwoFactor', parsed.failure);
		const result = await confirmTwoFactorSetup(authCallFor(event), ownerOf(locals), parsed.data);
		if (!result.ok) {
			const message =
				result.reason === 'invalid_code' ? m.account_two_factor_invalid_code : m.account_two_factor_no_setup;
			return fail(400, {
				form: 'confirmTwoFactor',
				errors: { code: message({}, { locale: locals.locale }) }
			});
		}
		// Shown once: not stored anywhere the page could show it again.
		return {
			form: 'confirmTwoFactor',
			success: m.account_two_factor_enabled({}, { locale: locals.locale }),
			backupCodes: result.backupCodes
		};
	},

	cancelTwoFactor: async (event) => {
		authorize(event, 'account.manage');
		await cancelTwoFactorSetup(ownerOf(event.locals));
		return {
			form: 'enableTwoFactor',
			success: m.account_two_factor_cancelled({}, { locale: event.locals.locale })
		};
	},

	disableTwoFactor: async (event) => {
		authorize(event, 'account.manage');
		const { locals } = event;
		const parsed = await parseForm(event.request, confirmPasswordSchema, locals.locale);
		if (!parsed.ok) return forForm('disableTwoFactor', parsed.failure);
		const result = await disableTwoFactor(authCallFor(event), ownerOf(locals), parsed.data);
		if (!result.ok) return passwordFailure('disableTwoFactor', result, locals.locale, parsed.form);
		return { form: 'enableTwoFactor', success: m.account_two_factor_disabled({}, { locale: locals.locale }) };
	}
};
