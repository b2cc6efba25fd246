import { eventFor } from '#lib/server/events/organiser/access.ts';
import { signInSheet } from '#lib/server/events/organiser/sign-in-sheet.ts';

export const load = async (event) => {
	const row = await eventFor(event, 'event.manage');
	return { event: row, people: await signInSheet(event.locals.network.id, row.id) };
};
