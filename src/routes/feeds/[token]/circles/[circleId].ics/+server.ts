import { error } from '@sveltejs/kit';
import { circleFeed } from '#lib/server/events/feeds/feeds.ts';
import { calendarResponse, FEED_CACHE_SECONDS, resolveFeedToken } from '#lib/server/events/feeds/calendar.ts';
import { isUuid } from '#lib/server/office/params.ts';

/**
 * A circle's events behind the token URL, for as long as the token's user may read the circle's
 * feed (checked on every request). Unknown token, other circle or foreign id: the same 404.
 */
export const GET = async ({ params, locals, request }) => {
	if (!isUuid(params.circleId)) error(404, 'Not found');
	const reader = await resolveFeedToken(locals.network.id, params.token);
	const feed = reader
		? await circleFeed(reader, locals.network, params.circleId.toLowerCase(), locals.origin)
		: null;
	if (!feed) error(404, 'Not found');
	return calendarResponse(request, feed.body, {
		lastModified: feed.lastModified,
		cacheControl: `private, max-age=${FEED_CACHE_SECONDS}`
	});
};
