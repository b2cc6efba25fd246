import { error, redirect } from '@sveltejs/kit';
import { authorize } from '#lib/server/guard.ts';
import { formFailure, parseForm } from '#lib/server/forms.ts';
import { ownerOf, setLocaleCookie } from '#lib/server/auth/http.ts';
import { findAccountProfile } from '#lib/server/account/queries.ts';
import { updateProfile } from '#lib/server/account/mutations.ts';
import { profileSchema } from '#lib/server/account/schemas.ts';
import { auditContext } from '#lib/server/office/params.ts';
import { findOwnContactEntry } from '#lib/server/profiles/queries.ts';
import { setDirectoryConsent } from '#lib/server/profiles/contacts/mutations.ts';
import { directoryConsentSchema } from '#lib/server/profiles/schemas.ts';
import { m } from '#lib/paraglide/messages.js';

export const load = async (event) => {
	authorize(event, 'account.manage');
	const { userId } = ownerOf(event.locals);
	const [profile, contact] = await Promise.all([
		findAccountProfile(userId),
		findOwnContactEntry(event.locals.network.id, userId)
	]);
	if (!profile) error(404, 'Not found');
	return {
		profile: {
			name: profile.name,
			email: profile.email,
			locale: profile.locale,
			notificationEmail: profile.notificationEmail ?? ''
		},
		// Whether this person is listed as a contact of their organisation: their own choice only.
		contact: contact && {
			organisationName: contact.organisationName,
			consentAt: contact.directoryConsentAt
		},
		saved: event.url.searchParams.get('saved') === '1'
	};
};

export const actions = {
	save: async (event) => {
		authorize(event, 'account.manage');
		const { locals, cookies, url } = event;
		const parsed = await parseForm(event.request, profileSchema, locals.locale);
		if (!parsed.ok) return parsed.failure;
		await updateProfile(ownerOf(locals).userId, parsed.data);
		setLocaleCookie(cookies, parsed.data.locale, url);
		// A fresh request, so a changed language shows at once.
		redirect(303, '/account?saved=1');
	},
	directoryConsent: async (event) => {
		authorize(event, 'account.manage');
		const { locals } = event;
		const parsed = await parseForm(event.request, directoryConsentSchema, locals.locale);
		if (!parsed.ok) return parsed.failure;
		const consent = parsed.data.consent === 'give';
		const result = await setDirectoryConsent({
			actor: locals.actor,
			networkId: locals.network.id,
			consent,
			context: auditContext(event)
		});
		if (!result.ok) return formFailure(404, m.profiles_consent_no_organisation());
		return {
			consentSaved: consent ? m.profiles_consent_saved_given() : m.profiles_consent_saved_withdrawn()
		};
	}
};
