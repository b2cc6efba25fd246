import { error } from '@sveltejs/kit';
import { authorize } from '#lib/server/guard.ts';
import { findCircleById, listCircleLeads, listMemberPersons } from '#lib/server/circles/queries.ts';
import { updateCircle } from '#lib/server/circles/mutations.ts';
import { circleFormRefused, parseCircleForm } from '#lib/server/circles/schemas.ts';
import { auditContext } from '#lib/server/office/params.ts';
import { m } from '#lib/paraglide/messages.js';

/** The office edits a circle's settings and leads ('circle.manage'). */
export const load = async (event) => {
	authorize(event, 'circle.manage');
	const networkId = event.locals.network.id;
	const circle = await findCircleById(networkId, event.params.id);
	if (!circle) error(404, 'Not found');
	const [leads, people] = await Promise.all([
		listCircleLeads(networkId, [circle.id]),
		listMemberPersons(networkId)
	]);
	return {
		circle: {
			id: circle.id,
			slug: circle.slug,
			nameDe: circle.nameDe,
			nameEn: circle.nameEn,
			descriptionDe: circle.descriptionDe,
			descriptionEn: circle.descriptionEn,
			joinPolicy: circle.joinPolicy as string,
			confidential: circle.confidential,
			leadIds: (leads.get(circle.id) ?? []).map((lead) => lead.userId)
		},
		people,
		created: event.url.searchParams.has('created')
	};
};

export const actions = {
	save: async (event) => {
		authorize(event, 'circle.manage');
		const networkId = event.locals.network.id;
		const circle = await findCircleById(networkId, event.params.id);
		if (!circle) error(404, 'Not found');
		const parsed = await parseCircleForm(event.request, event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		const result = await updateCircle({
			actor: event.locals.actor,
			networkId,
			circleId: circle.id,
			context: auditContext(event),
			settings: parsed.settings
		});
		if (!result.ok) return circleFormRefused(result, parsed.form);
		return { success: m.circles_office_saved(), slug: result.slug };
	}
};
