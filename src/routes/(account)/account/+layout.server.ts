import { authorize } from '#lib/server/guard.ts';
import { can } from '#lib/server/policy/policy.ts';

export const load = (event) => {
	authorize(event, 'account.manage');
	// The calendar subscriptions are for the network's members; others are not shown the link.
	return {
		showCalendarFeeds: can(event.locals.actor, 'events.feed.personal'),
		// The circles' notification settings, for people who are in at least one circle.
		showCircleNotifications: event.locals.actor.circles.length > 0
	};
};
