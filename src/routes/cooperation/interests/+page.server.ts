import { fail } from '@sveltejs/kit';
import { authorize } from '#lib/server/guard.ts';
import { profileOwner } from '#lib/server/cooperation/owner.ts';
import { profileResource } from '#lib/server/cooperation/scope.ts';
import { listSentInterests } from '#lib/server/cooperation/interests/queries.ts';
import { withdrawInterest } from '#lib/server/cooperation/interests/mutations.ts';
import { interestIdSchema } from '#lib/server/cooperation/interests/schemas.ts';
import { interestRefused } from '#lib/server/cooperation/interests/outcomes.ts';
import { parseForm } from '#lib/server/forms.ts';
import { auditContext } from '#lib/server/office/params.ts';
import { can } from '#lib/server/policy/policy.ts';
import { m } from '#lib/paraglide/messages.js';

const ownOrganisations = (actor: App.Locals['actor']) =>
	actor.organisations.map((membership) => membership.organisationId);

/**
 * The expressions of interest the actor's organisations sent, with their status. The owner is
 * shown through `profileOwner`: an anonymous one only by kind, size and district until it accepts.
 * A pending one can be withdrawn where 'cooperation.interest.withdraw' allows it (the sender, or
 * the organisation's admins); the withdraw action checks it again per interest.
 */
export const load = async (event) => {
	authorize(event, 'cooperation.notifications');
	const { actor } = event.locals;
	const networkId = event.locals.network.id;
	const rows = await listSentInterests(networkId, ownOrganisations(actor));
	return {
		interests: rows.map((row) => ({
			id: row.id,
			status: row.status,
			canWithdraw:
				row.status === 'pending' &&
				can(actor, 'cooperation.interest.withdraw', {
					networkId,
					organisationId: row.sender.id,
					userId: row.senderUserId
				}),
			outcome: row.outcome,
			createdAt: row.createdAt,
			sender: row.sender.name,
			profile: {
				id: row.profile.id,
				title: row.profile.title,
				viewable: can(actor, 'cooperation.profile.view', profileResource(row.profile, row.revealedTo))
			},
			owner: profileOwner(actor, row.profile, row.revealedTo, row.owner)
		}))
	};
};

export const actions = {
	withdraw: async (event) => {
		authorize(event, 'cooperation.notifications');
		const parsed = await parseForm(event.request, interestIdSchema, event.locals.locale);
		if (!parsed.ok) return fail(400, { ...(parsed.failure.data as object), formName: '' });
		const { actor } = event.locals;
		const result = await withdrawInterest({
			actor,
			context: auditContext(event),
			networkId: event.locals.network.id,
			interestId: parsed.data.interestId,
			organisationIds: ownOrganisations(actor)
		});
		if (!result.ok) return interestRefused(result.reason, parsed.data.interestId);
		return { success: m.cooperation_interests_withdrawn_notice(), formName: parsed.data.interestId };
	}
};
