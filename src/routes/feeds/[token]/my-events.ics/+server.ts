import { error } from '@sveltejs/kit';
import { myEventsFeed } from '#lib/server/events/feeds/feeds.ts';
import { calendarResponse, FEED_CACHE_SECONDS, resolveFeedToken } from '#lib/server/events/feeds/calendar.ts';

/**
 * The personal "my events" feed behind a secret token URL. The token's user is the actor, read
 * afresh on every request; an unknown, revoked or malformed token is a plain 404.
 */
export const GET = async ({ params, locals, request }) => {
	const reader = await resolveFeedToken(locals.network.id, params.token);
	const feed = reader ? await myEventsFeed(reader, locals.network, locals.origin) : null;
	if (!feed) error(404, 'Not found');
	return calendarResponse(request, feed.body, {
		lastModified: feed.lastModified,
		cacheControl: `private, max-age=${FEED_CACHE_SECONDS}`
	});
};
