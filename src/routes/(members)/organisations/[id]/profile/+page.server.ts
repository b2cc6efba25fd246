import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { authorize, notFound } from '#lib/server/guard.ts';
import { formFailure, parseForm } from '#lib/server/forms.ts';
import { auditContext, isUuid } from '#lib/server/office/params.ts';
import { isOffice } from '#lib/server/policy/actor.ts';
import { findEditableProfile } from '#lib/server/profiles/queries.ts';
import { updateOrganisationProfile } from '#lib/server/profiles/mutations.ts';
import { removeLogo, uploadLogo } from '#lib/server/profiles/logo/mutations.ts';
import { logoSchema, profileSchema } from '#lib/server/profiles/schemas.ts';
import { logoFailureMessage } from './logo.ts';
import { listTaxonomy } from '#lib/server/taxonomy/queries.ts';
import { m } from '#lib/paraglide/messages.js';

/** The resource of this page: one organisation of the current network. */
const resourceOf = (event: RequestEvent<{ id: string }>) => ({
	networkId: event.locals.network.id,
	organisationId: event.params.id
});

/** The organisation's admins and the office; an unknown id or another network's answers 404. */
export const load = async (event) => {
	authorize(event, 'organisation.edit_profile', resourceOf(event));
	const { params, locals, url } = event;
	if (!isUuid(params.id)) notFound();
	const [profile, taxonomy] = await Promise.all([
		findEditableProfile(locals.network.id, params.id),
		listTaxonomy(locals.network.id)
	]);
	if (!profile) notFound();
	return {
		profile,
		taxonomy,
		districts: locals.network.settings.districts,
		isOffice: isOffice(locals.actor),
		saved: url.searchParams.get('saved')
	};
};

/** Multi-valued fields, echoed back on failure so checked boxes stay checked. */
const listsOf = (form: FormData) => ({
	drivetrains: form.getAll('drivetrains').map(String),
	competencies: form.getAll('competencies').map(String)
});

export const actions = {
	save: async (event) => {
		authorize(event, 'organisation.edit_profile', resourceOf(event));
		const { locals, params } = event;
		if (!isUuid(params.id)) return formFailure(404, m.profiles_error_not_found());
		const copy = event.request.clone();
		const parsed = await parseForm(event.request, profileSchema, locals.locale);
		if (!parsed.ok) {
			const data = parsed.failure.data as Record<string, unknown>;
			const errors = { _form: m.profiles_error_form(), ...(data.errors as object) };
			return fail(400, { ...data, errors, lists: listsOf(await copy.formData()) });
		}
		const result = await updateOrganisationProfile({
			actor: locals.actor,
			networkId: locals.network.id,
			organisationId: params.id,
			profile: parsed.data,
			context: auditContext(event)
		});
		if (!result.ok) {
			const lists = listsOf(parsed.form);
			if (result.reason === 'NOT_FOUND') return formFailure(404, m.profiles_error_not_found());
			if (result.reason === 'STALE') {
				return fail(409, { ...failureOf(409, m.profiles_error_stale(), parsed.form), lists, stale: true });
			}
			const message =
				result.field === 'district' ? m.profiles_error_district() : m.profiles_error_competencies();
			return fail(400, {
				...failureOf(400, m.profiles_error_form(), parsed.form, { [result.field]: message }),
				lists
			});
		}
		redirect(303, `/organisations/${params.id}/profile?saved=${result.changed.length ? 'profile' : 'none'}`);
	},
	uploadLogo: async (event) => {
		authorize(event, 'organisation.edit_profile', resourceOf(event));
		const { locals, params } = event;
		if (!isUuid(params.id)) return formFailure(404, m.profiles_error_not_found());
		const parsed = await parseForm(event.request, logoSchema, locals.locale);
		if (!parsed.ok) return parsed.failure;
		const result = await uploadLogo({
			actor: locals.actor,
			networkId: locals.network.id,
			organisationId: params.id,
			bytes: await parsed.data.logo.bytes(),
			context: auditContext(event)
		});
		if (!result.ok) {
			const message = logoFailureMessage(result.reason);
			return formFailure(result.reason === 'NOT_FOUND' ? 404 : 400, message, undefined, { logo: message });
		}
		redirect(303, `/organisations/${params.id}/profile?saved=logo`);
	},
	removeLogo: async (event) => {
		authorize(event, 'organisation.edit_profile', resourceOf(event));
		const { locals, params } = event;
		if (!isUuid(params.id)) return formFailure(404, m.profiles_error_not_found());
		const result = await removeLogo({
			actor: locals.actor,
			networkId: locals.network.id,
			organisationId: params.id,
			context: auditContext(event)
		});
		if (!result.ok) return formFailure(404, m.profiles_error_not_found());
		redirect(303, `/organisations/${params.id}/profile?saved=logo_removed`);
	}
};

function failureOf(status: number, message: string, form: FormData, fieldErrors = {}) {
	return formFailure(status, message, form, fieldErrors).data;
}
