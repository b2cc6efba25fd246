import { authorize } from '#lib/server/guard.ts';
import { can } from '#lib/server/policy/policy.ts';

export const load = (event) => {
	authorize(event, 'account.manage');
	// The calendar subscriptions are for the network's members; others are not shown the link.
	return {
		showCalendarFeeds: can(event.locals.actor, 'events.feed.personal'),
		// Notification settings: the circles' for people in at least one circle, the cooperation
		// exchange's for the network's people.
		showNotifications:
			event.locals.actor.circles.length > 0 || can(event.locals.actor, 'cooperation.notifications')
	};
};
