import { error } from '@sveltejs/kit';
import { singleEventCalendar } from '#lib/server/events/feeds/feeds.ts';
import { calendarResponse } from '#lib/server/events/feeds/calendar.ts';
import { isUuid } from '#lib/server/office/params.ts';

/**
 * "Add to calendar": one event as an .ics download, for whoever may see the event. A download
 * cannot send anyone to sign in, so anonymous visitors get 404 for members' events; signed-in
 * people who may not see it get 403, as on the event page.
 */
export const GET = async ({ params, locals, request }) => {
	if (!isUuid(params.id)) error(404, 'Not found');
	const { actor, network, locale, origin } = locals;
	const result = await singleEventCalendar(actor, network, params.id.toLowerCase(), locale, origin);
	if (!result.ok) {
		if (result.reason === 'FORBIDDEN' && actor.userId) error(403, 'Forbidden');
		error(404, 'Not found');
	}
	return calendarResponse(request, result.body, {
		lastModified: result.lastModified,
		fileName: result.fileName,
		// With a join link or behind a sign-in the file is the reader's own.
		cacheControl: result.personal || actor.userId ? 'private, no-store' : 'public, max-age=300',
		vary: 'Cookie, Accept-Language'
	});
};
