import { requireCircle } from '#lib/server/circles/guard.ts';
import { readChoice } from '#lib/server/office/params.ts';
import { berlinDay } from '#lib/server/circles/meetings/dates.ts';
import { actionItemFilters, listActionItems } from '#lib/server/circles/meetings/queries.ts';
import { actionItemViews, changeActionItemStatus } from '#lib/server/circles/meetings/route-actions.ts';

/** The circle's action items, filtered ("Meine Aufgaben": open items the reader owns). */
export const load = async (event) => {
	const circle = await requireCircle(event, 'circle.read');
	const { actor } = event.locals;
	const filter = readChoice(event.url, 'filter', actionItemFilters) ?? 'open';
	const today = berlinDay(new Date());
	const items = await listActionItems(circle, { filter, userId: actor.userId, today });
	return { filter, items: actionItemViews(actor, circle, items, today) };
};

export const actions = {
	status: changeActionItemStatus
};
