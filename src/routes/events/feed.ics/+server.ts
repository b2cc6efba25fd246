import { authorize } from '#lib/server/guard.ts';
import { publicFeed } from '#lib/server/events/feeds/feeds.ts';
import { calendarResponse, FEED_CACHE_SECONDS } from '#lib/server/events/feeds/calendar.ts';

/**
 * The subscribable feed of all public events. It is the same for everyone (no join links), so
 * caches may keep it briefly; `?lang=en` asks for English titles whatever the cookie says.
 */
export const GET = async (event) => {
	authorize(event, 'events.calendar');
	const { locals, url, request } = event;
	const lang = url.searchParams.get('lang');
	const locale = lang === 'en' || lang === 'de' ? lang : locals.locale;
	const feed = await publicFeed(locals.network, locale, locals.origin);
	return calendarResponse(request, feed.body, {
		lastModified: feed.lastModified,
		cacheControl: `public, max-age=${FEED_CACHE_SECONDS}`,
		vary: lang ? undefined : 'Cookie, Accept-Language'
	});
};
