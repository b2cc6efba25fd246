import { authorize } from '#lib/server/guard.ts';
import { can } from '#lib/server/policy/policy.ts';
import { isExpired, profileResource } from '#lib/server/cooperation/scope.ts';
import { listOrganisationProfiles } from '#lib/server/cooperation/authoring/queries.ts';

/**
 * The profiles of the actor's organisations in every state, with what the owner may know of them:
 * the office's note, views, matches and expressions of interest. Each row is the policy's
 * 'cooperation.profile.stats'; editing links only where 'cooperation.profile.edit' holds.
 */
export const load = async (event) => {
	authorize(event, 'cooperation.notifications');
	const { actor, network } = event.locals;
	const organisationIds = actor.organisations.map((membership) => membership.organisationId);
	const rows = await listOrganisationProfiles(network.id, organisationIds);
	const profiles = rows
		.filter((row) => can(actor, 'cooperation.profile.stats', profileResource(row.profile)))
		.map(({ profile, organisationName, viewers, matches, interests }) => ({
			id: profile.id,
			title: profile.title,
			type: profile.type,
			visibility: profile.visibility,
			status: isExpired(profile) ? ('expired' as const) : profile.status,
			expiresAt: profile.expiresAt,
			organisationName,
			reviewNote:
				profile.status === 'changes_requested' || profile.status === 'rejected' ? profile.reviewNote : '',
			canEdit: can(actor, 'cooperation.profile.edit', profileResource(profile)),
			figures: { viewers, anonymousViews: profile.anonymousViews, matches, interests }
		}));
	return {
		profiles,
		hasOrganisation: organisationIds.length > 0,
		canCreate: can(actor, 'cooperation.profile.create')
	};
};
