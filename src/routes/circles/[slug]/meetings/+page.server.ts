import { requireCircle } from '#lib/server/circles/guard.ts';
import { circleResource } from '#lib/server/circles/scope.ts';
import { can } from '#lib/server/policy/policy.ts';
import { readChoice } from '#lib/server/office/params.ts';
import { berlinDay } from '#lib/server/circles/meetings/dates.ts';
import {
	actionItemFilters,
	listActionItems,
	listCircleMeetings,
	type MeetingListItem
} from '#lib/server/circles/meetings/queries.ts';
import { actionItemViews, changeActionItemStatus } from '#lib/server/circles/meetings/route-actions.ts';

/** The circle's meetings (those the actor may see) and its action items. */
export const load = async (event) => {
	const circle = await requireCircle(event, 'circle.read');
	const { actor } = event.locals;
	const lead = can(actor, 'circle.lead', circleResource(circle));
	const filter = readChoice(event.url, 'items', actionItemFilters) ?? 'open';
	const now = new Date();
	const today = berlinDay(now);
	const [meetings, items] = await Promise.all([
		listCircleMeetings(actor, circle, now),
		listActionItems(circle, { filter, userId: actor.userId, today })
	]);
	// Draft minutes are the leads' business; to everyone else a meeting has minutes once approved.
	const shown = (meeting: MeetingListItem) => ({
		...meeting,
		minutesStatus: meeting.minutesStatus === 'approved' || lead ? meeting.minutesStatus : null
	});
	return {
		upcoming: meetings.upcoming.map(shown),
		past: meetings.past.map(shown),
		items: actionItemViews(actor, circle, items, today),
		filter,
		planHref: lead ? `/events/new?organiser=circle:${circle.id}` : null
	};
};

export const actions = {
	status: changeActionItemStatus
};
