import type { RequestEvent } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { authorize, notFound } from '#lib/server/guard.ts';
import { can } from '#lib/server/policy/policy.ts';
import { formFailure, parseForm } from '#lib/server/forms.ts';
import { forForm } from '#lib/server/auth/http.ts';
import { auditContext, isUuid } from '#lib/server/office/params.ts';
import { findApplication } from '#lib/server/applications/queries.ts';
import { reviewApplication } from '#lib/server/applications/mutations.ts';
import { approveApplication, rejectApplication } from '#lib/server/applications/decisions/mutations.ts';
import { decisionForm, rejectionForm, reviewFormFor } from '#lib/server/applications/schemas.ts';

export const load = async (event) => {
	authorize(event, 'office.applications.read');
	const { params, locals } = event;
	if (!isUuid(params.id)) notFound();
	const found = await findApplication(locals.network.id, params.id);
	if (!found) notFound();
	return {
		...found,
		districts: locals.network.settings.districts,
		canReview: can(locals.actor, 'office.applications.review'),
		canDecide: can(locals.actor, 'office.applications.decide')
	};
};

type Event = RequestEvent<{ id: string }>;

/** Domain outcomes as form results; an unknown or foreign id is 404 like on the page. */
function outcome(
	result: { ok: true } | { ok: false; reason: 'NOT_FOUND' | 'ALREADY_DECIDED' },
	success: string
) {
	if (result.ok) return { success };
	if (result.reason === 'NOT_FOUND') return formFailure(404, m.applications_not_found());
	return formFailure(409, m.applications_already_decided());
}

async function decide(event: Event, decision: 'approve' | 'reject') {
	const { locals } = event;
	const schema = decision === 'approve' ? decisionForm : rejectionForm;
	const parsed = await parseForm(event.request, schema, locals.locale);
	if (!parsed.ok) return forForm('decision', parsed.failure);
	if (!isUuid(event.params.id)) return formFailure(404, m.applications_not_found());
	const input = {
		actor: locals.actor,
		network: { id: locals.network.id, name: locals.network.name },
		applicationId: event.params.id,
		note: parsed.data.decisionNote,
		origin: locals.origin,
		context: auditContext(event)
	};
	if (decision === 'approve') {
		return outcome(await approveApplication(input), m.applications_approved());
	}
	return outcome(await rejectApplication(input), m.applications_rejected());
}

export const actions = {
	review: async (event) => {
		authorize(event, 'office.applications.review');
		const { locals } = event;
		const parsed = await parseForm(
			event.request,
			reviewFormFor(locals.network.settings.districts),
			locals.locale
		);
		if (!parsed.ok) return forForm('review', parsed.failure);
		if (!isUuid(event.params.id)) return formFailure(404, m.applications_not_found());
		const { officeNote, ...fields } = parsed.data;
		const result = await reviewApplication({
			actor: locals.actor,
			networkId: locals.network.id,
			applicationId: event.params.id,
			fields,
			officeNote,
			context: auditContext(event)
		});
		return outcome(result, m.applications_reviewed());
	},
	approve: async (event) => {
		authorize(event, 'office.applications.decide');
		return decide(event, 'approve');
	},
	reject: async (event) => {
		authorize(event, 'office.applications.decide');
		return decide(event, 'reject');
	}
};
