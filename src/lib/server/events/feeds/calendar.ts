import { createHash } from 'node:crypto';
import { m } from '../../../paraglide/messages.js';
import { eventDescription, eventLocationLine, eventTitle } from '../../../events/format.ts';
import { loadActor } from '../../policy/queries.ts';
import type { Actor } from '../../policy/actor.ts';
import { buildCalendar, networkOrganizer, type CalendarEntry } from '../ical.ts';
import type { FeedEvent } from './queries.ts';
import { findLiveFeedToken } from './queries.ts';
import { touchFeedToken } from './mutations.ts';
import { FEED_TOKEN_TOUCH_SECONDS, hashFeedToken, isFeedTokenFormat } from './tokens.ts';

type Locale = 'de' | 'en';

/** Subscribed clients are told to look again hourly; caches may keep an answer five minutes. */
export const FEED_REFRESH_SECONDS = 60 * 60;
export const FEED_CACHE_SECONDS = 5 * 60;

/**
 * One event as a calendar entry in the reader's language. The join link goes in only for people
 * holding a seat; the API and public feeds never pass it.
 */
export function feedEntry(
	row: FeedEvent,
	options: { locale: Locale; origin: string; joinLink?: boolean }
): CalendarEntry {
	const { event } = row;
	const { locale } = options;
	const url = `${options.origin}/events/${event.id}`;
	const parts = [eventDescription(event, locale).trim()];
	if (event.status === 'cancelled')
		parts.unshift(
			event.cancellationReason.trim()
				? m.feeds_cancelled_because({ reason: event.cancellationReason.trim() }, { locale })
				: m.feeds_cancelled({}, { locale })
		);
	const joinUrl = options.joinLink && event.locationKind !== 'onsite' ? event.onlineUrl : null;
	if (joinUrl) parts.push(m.feeds_join_link({ url: joinUrl }, { locale }));
	parts.push(url);
	return {
		id: event.id,
		startsAt: event.startsAt,
		endsAt: event.endsAt,
		sequence: event.sequence,
		status: event.status,
		createdAt: event.createdAt,
		updatedAt: event.updatedAt,
		title: eventTitle(event, locale),
		description: parts.filter(Boolean).join('\n\n'),
		location: joinUrl && event.locationKind === 'online' ? joinUrl : eventLocationLine(event, locale),
		url
	};
}

type NetworkLike = { name: string };

/** A feed document (METHOD:PUBLISH, refresh hints) of the rows. */
export function feedDocument(
	rows: FeedEvent[],
	options: { network: NetworkLike; name: string; locale: Locale; origin: string; joinLinks?: Set<string> }
) {
	return buildCalendar(
		rows.map((row) =>
			feedEntry(row, {
				locale: options.locale,
				origin: options.origin,
				joinLink: options.joinLinks?.has(row.event.id)
			})
		),
		{
			name: options.name,
			host: new URL(options.origin).hostname,
			method: 'PUBLISH',
			refreshSeconds: FEED_REFRESH_SECONDS,
			// The feed's name says what it holds; the organiser is the network.
			organizer: networkOrganizer(options.network.name)
		}
	);
}

/**
 * The HTTP answer for a calendar: ETag over the body, Last-Modified from the newest change, and a
 * 304 when the client already has this version (calendar apps poll, mostly for nothing new).
 */
export function calendarResponse(
	request: Request,
	body: string,
	options: {
		lastModified: Date | null;
		cacheControl: string;
		fileName?: string;
		vary?: string;
	}
): Response {
	const etag = `"${createHash('sha256').update(body, 'utf8').digest('base64url').slice(0, 32)}"`;
	const headers: Record<string, string> = {
		'content-type': 'text/calendar; charset=utf-8',
		'cache-control': options.cacheControl,
		etag,
		'x-content-type-options': 'nosniff'
	};
	if (options.lastModified) headers['last-modified'] = options.lastModified.toUTCString();
	if (options.vary) headers.vary = options.vary;
	if (options.fileName) headers['content-disposition'] = `attachment; filename="${options.fileName}"`;
	const match = request.headers.get('if-none-match');
	if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
		return new Response(null, { status: 304, headers });
	}
	return new Response(body, { status: 200, headers });
}

/** The newest change among the rows (for Last-Modified). */
export function newestChange(rows: FeedEvent[]): Date | null {
	let newest: Date | null = null;
	for (const { event } of rows) if (!newest || event.updatedAt > newest) newest = event.updatedAt;
	return newest;
}

export type FeedReader = { actor: Actor; locale: Locale };

/**
 * Who a feed URL's token acts for: the token's user, with their roles and memberships read now (a
 * circle left a minute ago no longer counts). Malformed, unknown, revoked or foreign tokens give
 * null — the route answers 404 and says nothing more.
 */
export async function resolveFeedToken(
	networkId: string,
	token: string,
	now = new Date()
): Promise<FeedReader | null> {
	if (!isFeedTokenFormat(token)) return null;
	const row = await findLiveFeedToken(networkId, hashFeedToken(token));
	if (!row) return null;
	const stale =
		!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= FEED_TOKEN_TOUCH_SECONDS * 1000;
	const [actor] = await Promise.all([
		loadActor(networkId, row.user),
		stale ? touchFeedToken(row.id, now) : null
	]);
	return { actor, locale: row.user.locale === 'en' ? 'en' : 'de' };
}
