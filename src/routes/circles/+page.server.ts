import { authorize } from '#lib/server/guard.ts';
import { listCircles } from '#lib/server/circles/queries.ts';
import { circleName, circleResource } from '#lib/server/circles/scope.ts';
import { can } from '#lib/server/policy/policy.ts';

/** Every circle of the network with its purpose, leads and how to join. */
export const load = async (event) => {
	authorize(event, 'circles.list');
	const { actor, locale } = event.locals;
	const rows = await listCircles(actor);
	return {
		circles: rows
			.filter((circle) => can(actor, 'circle.view', circleResource(circle)))
			.map((circle) => ({
				slug: circle.slug,
				name: circleName(circle, locale),
				description: locale === 'en' ? circle.descriptionEn || circle.descriptionDe : circle.descriptionDe,
				joinPolicy: circle.joinPolicy,
				confidential: circle.confidential,
				memberCount: circle.memberCount,
				leads: circle.leads.map(({ name, organisation }) => ({ name, organisation })),
				ownRole: circle.ownRole
			}))
	};
};
