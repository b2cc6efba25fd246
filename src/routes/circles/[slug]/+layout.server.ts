import { requireCircle } from '#lib/server/circles/guard.ts';
import { circleName, circleResource } from '#lib/server/circles/scope.ts';
import { can } from '#lib/server/policy/policy.ts';

/**
 * The frame of every circle page: name and tabs. Each page below checks its own permission
 * (requireCircle) — this layout only decides which tabs to show.
 */
export const load = async (event) => {
	const circle = await requireCircle(event, 'circle.view');
	const { actor, locale } = event.locals;
	const resource = circleResource(circle);
	return {
		circle: {
			id: circle.id,
			slug: circle.slug,
			name: circleName(circle, locale),
			confidential: circle.confidential,
			joinPolicy: circle.joinPolicy
		},
		circleAccess: {
			read: can(actor, 'circle.read', resource),
			contribute: can(actor, 'circle.contribute', resource),
			lead: can(actor, 'circle.lead', resource),
			manage: can(actor, 'circle.manage', resource),
			member: can(actor, 'circle.notifications', resource)
		}
	};
};
