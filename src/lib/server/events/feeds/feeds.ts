import { m } from '../../../paraglide/messages.js';
import { can } from '../../policy/policy.ts';
import type { Actor } from '../../policy/actor.ts';
import { eventResource } from '../scope.ts';
import { buildCalendar } from '../ical.ts';
import { feedDocument, feedEntry, newestChange, type FeedReader } from './calendar.ts';
import {
	findCircle,
	findFeedEvent,
	holdsSeatFor,
	listCircleFeedEvents,
	listMyFeedEvents,
	listPublicFeedEvents,
	seatEventIds
} from './queries.ts';

type Locale = 'de' | 'en';
type NetworkLike = { id: string; name: string };
export type FeedResult = { body: string; lastModified: Date | null };

/** All public events (published or cancelled, upcoming and of the last 90 days): the same for everyone. */
export async function publicFeed(network: NetworkLike, locale: Locale, origin: string): Promise<FeedResult> {
	const rows = await listPublicFeedEvents(network.id);
	const name = m.feeds_calendar_public({ network: network.name }, { locale });
	return { body: feedDocument(rows, { network, name, locale, origin }), lastModified: newestChange(rows) };
}

/** The token user's registrations; null when the user may no longer have a personal feed. */
export async function myEventsFeed(
	reader: FeedReader,
	network: NetworkLike,
	origin: string
): Promise<FeedResult | null> {
	const { actor, locale } = reader;
	if (!actor.userId || !can(actor, 'events.feed.personal')) return null;
	const rows = await listMyFeedEvents(network.id, actor.userId);
	const joinLinks = await seatEventIds(
		network.id,
		actor.userId,
		rows.map((row) => row.event.id)
	);
	const name = m.feeds_calendar_mine({ network: network.name }, { locale });
	return {
		body: feedDocument(rows, { network, name, locale, origin, joinLinks }),
		lastModified: newestChange(rows)
	};
}

/** The policy's resource for "may read this circle's feed". */
export function circleFeedResource(networkId: string, circleId: string) {
	return {
		networkId,
		event: {
			status: 'published' as const,
			audience: 'circle' as const,
			audienceCircleId: circleId,
			organiserKind: 'circle' as const,
			organiserCircleId: circleId,
			organiserOrganisationId: null,
			hostOrganisationId: null
		}
	};
}

/**
 * A circle's events for a token whose user may read the circle's feed right now (decided on each
 * request, so leaving the circle ends access at once). Null for unknown or foreign circles too.
 */
export async function circleFeed(
	reader: FeedReader,
	network: NetworkLike,
	circleId: string,
	origin: string
): Promise<FeedResult | null> {
	const { actor, locale } = reader;
	if (!can(actor, 'events.feed.circle', circleFeedResource(network.id, circleId))) return null;
	const circle = await findCircle(network.id, circleId);
	if (!circle) return null;
	const rows = await listCircleFeedEvents(actor, circleId);
	const joinLinks = actor.userId
		? await seatEventIds(
				network.id,
				actor.userId,
				rows.map((row) => row.event.id)
			)
		: undefined;
	const circleName = locale === 'en' && circle.nameEn.trim() ? circle.nameEn : circle.nameDe;
	const name = m.feeds_calendar_circle({ circle: circleName, network: network.name }, { locale });
	return {
		body: feedDocument(rows, { network, name, locale, origin, joinLinks }),
		lastModified: newestChange(rows)
	};
}

export type SingleEventResult =
	| { ok: true; body: string; fileName: string; lastModified: Date; personal: boolean }
	| { ok: false; reason: 'NOT_FOUND' | 'FORBIDDEN' };

/**
 * "Add to calendar" for one event, for whoever may see it. The join link only for a seat holder;
 * such a file is personal (and must not be cached by anyone else).
 */
export async function singleEventCalendar(
	actor: Actor,
	network: NetworkLike,
	eventId: string,
	locale: Locale,
	origin: string
): Promise<SingleEventResult> {
	const row = await findFeedEvent(network.id, eventId);
	if (!row) return { ok: false, reason: 'NOT_FOUND' };
	if (!can(actor, 'event.view', eventResource(row.event))) return { ok: false, reason: 'FORBIDDEN' };
	const joinLink = actor.userId ? await holdsSeatFor(network.id, eventId, actor.userId) : false;
	const body = buildCalendar([feedEntry(row, { locale, origin, joinLink })], {
		name: network.name,
		host: new URL(origin).hostname,
		method: 'PUBLISH'
	});
	return {
		ok: true,
		body,
		fileName: `event-${row.event.startsAt.toISOString().slice(0, 10)}-${row.event.id.slice(0, 8)}.ics`,
		lastModified: row.event.updatedAt,
		personal: joinLink
	};
}
