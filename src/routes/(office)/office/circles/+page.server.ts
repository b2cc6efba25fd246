import { redirect } from '@sveltejs/kit';
import { authorize } from '#lib/server/guard.ts';
import { listCirclesForOffice, listMemberPersons } from '#lib/server/circles/queries.ts';
import { createCircle } from '#lib/server/circles/mutations.ts';
import { circleFormRefused, parseCircleForm } from '#lib/server/circles/schemas.ts';
import { auditContext } from '#lib/server/office/params.ts';

/** The office's list of circles and the form to create one ('circle.manage'). */
export const load = async (event) => {
	authorize(event, 'circle.manage');
	const networkId = event.locals.network.id;
	const [circles, people] = await Promise.all([
		listCirclesForOffice(networkId),
		listMemberPersons(networkId)
	]);
	return {
		circles: circles.map((circle) => ({
			id: circle.id,
			slug: circle.slug,
			nameDe: circle.nameDe,
			nameEn: circle.nameEn,
			joinPolicy: circle.joinPolicy,
			confidential: circle.confidential,
			memberCount: circle.memberCount,
			leads: circle.leads.map(({ name }) => name)
		})),
		people
	};
};

export const actions = {
	create: async (event) => {
		authorize(event, 'circle.manage');
		const parsed = await parseCircleForm(event.request, event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		const result = await createCircle({
			actor: event.locals.actor,
			networkId: event.locals.network.id,
			context: auditContext(event),
			settings: parsed.settings
		});
		if (!result.ok) return circleFormRefused(result, parsed.form);
		redirect(303, `/office/circles/${result.id}?created=1`);
	}
};
