import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireProfile } from '#lib/server/cooperation/guard.ts';
import { profileOwner } from '#lib/server/cooperation/owner.ts';
import { profileResource } from '#lib/server/cooperation/scope.ts';
import type { LoadedProfile } from '#lib/server/cooperation/queries.ts';
import { findOrganisationNames, findOwnerOrganisation } from '#lib/server/cooperation/interests/queries.ts';
import { sendInterest } from '#lib/server/cooperation/interests/mutations.ts';
import { interestSchema } from '#lib/server/cooperation/interests/schemas.ts';
import { interestRefused } from '#lib/server/cooperation/interests/outcomes.ts';
import { authorize, notFound } from '#lib/server/guard.ts';
import { parseForm, echoValues } from '#lib/server/forms.ts';
import { auditContext } from '#lib/server/office/params.ts';
import { can } from '#lib/server/policy/policy.ts';

/** The actor's organisations that may send for this profile ('cooperation.interest.send' for each). */
function sendingOrganisations(event: RequestEvent, { profile, revealedTo }: LoadedProfile) {
	const { actor } = event.locals;
	const allowed = actor.organisations
		.map((membership) => membership.organisationId)
		.filter((id) => can(actor, 'cooperation.interest.send', profileResource(profile, revealedTo, id)));
	// Nobody to send for: the policy answers (sign-in for visitors, 403 for the rest).
	if (allowed.length === 0)
		authorize(
			event,
			'cooperation.interest.send',
			profileResource(profile, revealedTo, actor.organisations[0]?.organisationId)
		);
	return allowed;
}

/**
 * The form of an expression of interest: a short message and the standard questions, sent for
 * one of the actor's organisations (never the owner's own). The owner is shown only as far as the
 * actor may know it.
 */
export const load = async (event) => {
	const loaded = await requireProfile(event, 'cooperation.profile.view');
	const { profile, revealedTo } = loaded;
	const allowed = sendingOrganisations(event, loaded);
	const [organisations, owner] = await Promise.all([
		findOrganisationNames(profile.networkId, allowed),
		findOwnerOrganisation(profile.networkId, profile.organisationId)
	]);
	if (!owner) notFound();
	return {
		profile: {
			id: profile.id,
			title: profile.title,
			type: profile.type,
			partnershipKinds: profile.partnershipKinds
		},
		owner: profileOwner(event.locals.actor, profile, revealedTo, owner),
		organisations
	};
};

export const actions = {
	default: async (event) => {
		const loaded = await requireProfile(event, 'cooperation.profile.view');
		const { profile, revealedTo } = loaded;
		const parsed = await parseForm(event.request, interestSchema, event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		authorize(
			event,
			'cooperation.interest.send',
			profileResource(profile, revealedTo, parsed.data.organisationId)
		);
		const result = await sendInterest({
			actor: event.locals.actor,
			context: auditContext(event),
			network: { name: event.locals.network.name, origin: event.locals.origin },
			profile,
			revealedTo,
			input: parsed.data
		});
		if (!result.ok) {
			const refused = interestRefused(result.reason, 'interest');
			return fail(refused.status, { ...refused.data, values: echoValues(parsed.form) });
		}
		redirect(303, `/cooperation/${profile.id}?notice=interest_sent`);
	}
};
