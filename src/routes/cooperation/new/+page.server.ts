import { fail, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { authorize } from '#lib/server/guard.ts';
import { auditContext } from '#lib/server/office/params.ts';
import { listTaxonomy } from '#lib/server/taxonomy/queries.ts';
import { listCreatableOrganisations } from '#lib/server/cooperation/authoring/queries.ts';
import { createCooperationProfile } from '#lib/server/cooperation/authoring/mutations.ts';
import { parseProfileForm, postedValues } from '#lib/server/cooperation/authoring/form.ts';
import { intentField } from '#lib/server/cooperation/authoring/schemas.ts';
import { profileDateRange } from '#lib/server/cooperation/authoring/dates.ts';

/**
 * A new cooperation profile: an organisation's admins for their organisation, the office for any
 * member. Which organisations are offered, and accepted, is 'cooperation.profile.create' for each.
 */
export const load = async (event) => {
	authorize(event, 'cooperation.profile.create');
	const { actor, network } = event.locals;
	const [organisations, taxonomy] = await Promise.all([
		listCreatableOrganisations(actor),
		listTaxonomy(network.id)
	]);
	const requested = event.url.searchParams.get('organisation');
	const organisationId =
		organisations.find((option) => option.value === requested)?.value ?? organisations[0]?.value ?? '';
	return {
		organisations,
		taxonomy,
		dateRange: profileDateRange(),
		values: { organisationId, type: 'technology_offer', visibility: 'members' }
	};
};

export const actions = {
	default: async (event) => {
		authorize(event, 'cooperation.profile.create');
		const { locals } = event;
		const { actor, locale } = locals;
		const form = await event.request.formData();
		const values = postedValues(form);
		const summary = m.cooperation_authoring_error_form({}, { locale });
		const organisations = await listCreatableOrganisations(actor);
		const organisationId = typeof values.organisationId === 'string' ? values.organisationId : '';
		const mayUse = organisations.some((option) => option.value === organisationId);
		const parsed = parseProfileForm(form, locale);
		if (!parsed.ok || !mayUse) {
			const errors = {
				_form: summary,
				...(mayUse ? {} : { organisationId: m.cooperation_authoring_error_organisation({}, { locale }) }),
				...(parsed.ok ? {} : parsed.errors)
			};
			// A foreign organisation's id is a refusal, not a typo.
			return fail(organisationId && !mayUse && parsed.ok ? 403 : 400, { errors, values });
		}
		const { intent } = intentField.parse({ intent: form.get('intent') });
		const result = await createCooperationProfile({
			actor,
			organisationId,
			input: parsed.input,
			submit: intent === 'submit',
			network: { name: locals.network.name, origin: locals.origin },
			context: auditContext(event)
		});
		if (!result.ok) {
			const field =
				result.reason === 'COMPETENCIES'
					? { competencies: m.cooperation_authoring_error_competencies({}, { locale }) }
					: { organisationId: m.cooperation_authoring_error_organisation({}, { locale }) };
			return fail(result.reason === 'COMPETENCIES' ? 400 : 403, {
				errors: { _form: summary, ...field },
				values
			});
		}
		redirect(303, `/cooperation/${result.profileId}?done=${intent === 'submit' ? 'submitted' : 'created'}`);
	}
};
