import { authorize } from '#lib/server/guard.ts';
import { loadMatchPreference } from '#lib/server/cooperation/notifications/account.ts';

/**
 * The cooperation exchange's section of the notifications page (the page's own load is the
 * circles'): the person's choice for new matching profiles, or null when they have none to make.
 */
export const load = async (event) => {
	authorize(event, 'account.manage');
	return { cooperationNotifications: await loadMatchPreference(event) };
};
