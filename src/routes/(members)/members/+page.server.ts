import { authorize } from '#lib/server/guard.ts';
import { findStartPage } from '#lib/server/members/queries.ts';
import { can } from '#lib/server/policy/policy.ts';

export const load = async (event) => {
	authorize(event, 'members.view');
	const { actor } = event.locals;
	const start = await findStartPage(actor);
	return {
		start,
		roles: actor.networkRoles,
		canSeeOffice: can(actor, 'office.view')
	};
};
