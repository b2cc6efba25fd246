import { fail, type RequestEvent } from '@sveltejs/kit';
import { requireProfile } from '#lib/server/cooperation/guard.ts';
import { profileResource } from '#lib/server/cooperation/scope.ts';
import type { LoadedProfile } from '#lib/server/cooperation/queries.ts';
import { countInterests, listProfileInterests } from '#lib/server/cooperation/interests/queries.ts';
import {
	decideInterest,
	recordOutcome,
	type InterestResult
} from '#lib/server/cooperation/interests/mutations.ts';
import { interestIdSchema, outcomeSchema } from '#lib/server/cooperation/interests/schemas.ts';
import { interestRefused } from '#lib/server/cooperation/interests/outcomes.ts';
import { parseForm } from '#lib/server/forms.ts';
import { auditContext } from '#lib/server/office/params.ts';
import { can } from '#lib/server/policy/policy.ts';
import { m } from '#lib/paraglide/messages.js';

/**
 * A profile's expressions of interest, for its organisation's people, the office and the board
 * ('cooperation.profile.stats'). The owner's admins accept (the introduction) or decline; they
 * and the office record what became of an accepted one.
 */
export const load = async (event) => {
	const { profile, revealedTo } = await requireProfile(event, 'cooperation.profile.stats');
	const { actor } = event.locals;
	const resource = profileResource(profile, revealedTo);
	const [interests, counts] = await Promise.all([
		listProfileInterests(profile.networkId, profile.id),
		countInterests(profile.networkId, profile.id)
	]);
	return {
		profile: { id: profile.id, title: profile.title, anonymous: profile.visibility === 'public_anonymous' },
		interests,
		counts,
		canDecide: can(actor, 'cooperation.interest.decide', resource),
		canRecordOutcome: can(actor, 'cooperation.outcome.record', resource)
	};
};

const change = (event: RequestEvent, loaded: LoadedProfile) => ({
	actor: event.locals.actor,
	context: auditContext(event),
	network: { name: event.locals.network.name, origin: event.locals.origin },
	profile: loaded.profile
});

/** A failed form is answered for its interest: formName is the posted interest id. */
function invalid(failure: { data: unknown }) {
	const data = failure.data as { values?: Record<string, string> };
	return fail(400, { ...data, formName: data.values?.interestId ?? '' });
}

function answer(result: InterestResult, formName: string, success: string) {
	if (!result.ok) return interestRefused(result.reason, formName);
	return { success, formName };
}

async function decide(event: RequestEvent, accept: boolean) {
	const loaded = await requireProfile(event, 'cooperation.interest.decide');
	const parsed = await parseForm(event.request, interestIdSchema, event.locals.locale);
	if (!parsed.ok) return invalid(parsed.failure);
	const result = await decideInterest({
		...change(event, loaded),
		interestId: parsed.data.interestId,
		accept
	});
	return answer(
		result,
		parsed.data.interestId,
		accept ? m.cooperation_interests_accepted_notice() : m.cooperation_interests_declined_notice()
	);
}

export const actions = {
	accept: (event) => decide(event, true),
	decline: (event) => decide(event, false),
	outcome: async (event) => {
		const loaded = await requireProfile(event, 'cooperation.outcome.record');
		const parsed = await parseForm(event.request, outcomeSchema, event.locals.locale);
		if (!parsed.ok) return invalid(parsed.failure);
		const result = await recordOutcome({ ...change(event, loaded), input: parsed.data });
		return answer(result, parsed.data.interestId, m.cooperation_interests_outcome_saved());
	}
};
