import { and, asc, count, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, type Database } from '../../db/index.ts';
import {
	calendarFeedTokens,
	circles,
	eventFormats,
	eventRegistrations,
	events,
	organisations,
	user
} from '../../db/schema/index.ts';
import type { Actor } from '../../policy/actor.ts';
import type { EventRow } from '../scope.ts';
import { visibleEventsSql } from '../visibility.ts';

/** Feeds show what is coming and what happened lately; older events drop out of calendars. */
export const FEED_PAST_DAYS = 90;
const DAY = 24 * 60 * 60 * 1000;

const hostOrganisation = alias(organisations, 'host_organisation');
const organiserOrganisation = alias(organisations, 'organiser_organisation');
const organiserCircle = alias(circles, 'organiser_circle');

/** An event with the names a feed or the API shows next to it. */
const eventWithNames = {
	event: events,
	format: { key: eventFormats.key, nameDe: eventFormats.nameDe, nameEn: eventFormats.nameEn },
	hostName: hostOrganisation.name,
	organiserOrganisationName: organiserOrganisation.name,
	organiserCircleNameDe: organiserCircle.nameDe,
	organiserCircleNameEn: organiserCircle.nameEn
};

/** Not async: awaiting a query builder would run it before `.where()` is added. */
function selectEvents(database: Database) {
	return database
		.select(eventWithNames)
		.from(events)
		.innerJoin(eventFormats, eq(eventFormats.id, events.formatId))
		.leftJoin(hostOrganisation, eq(hostOrganisation.id, events.hostOrganisationId))
		.leftJoin(organiserOrganisation, eq(organiserOrganisation.id, events.organiserOrganisationId))
		.leftJoin(organiserCircle, eq(organiserCircle.id, events.organiserCircleId));
}

export type FeedEvent = {
	event: EventRow;
	format: { key: string; nameDe: string; nameEn: string };
	hostName: string | null;
	organiserOrganisationName: string | null;
	organiserCircleNameDe: string | null;
	organiserCircleNameEn: string | null;
};

const published = inArray(events.status, ['published', 'cancelled']);
const recent = (now: Date) => gte(events.endsAt, new Date(now.getTime() - FEED_PAST_DAYS * DAY));

/** One event of the network with its names, whoever may see it; callers authorize. */
export async function findFeedEvent(networkId: string, eventId: string): Promise<FeedEvent | null> {
	const [row] = await selectEvents(await db())
		.where(and(eq(events.networkId, networkId), eq(events.id, eventId)))
		.limit(1);
	return row ?? null;
}

/** The public feed: public events, published or cancelled, upcoming and of the last 90 days. */
export async function listPublicFeedEvents(networkId: string, now = new Date()) {
	return selectEvents(await db())
		.where(and(eq(events.networkId, networkId), eq(events.audience, 'public'), published, recent(now)))
		.orderBy(asc(events.startsAt), asc(events.id));
}

/**
 * "My events": what the user holds a seat or a waitlist place for, and cancelled events they were
 * still registered for when the event was called off — those stay in the feed with
 * STATUS:CANCELLED, so subscribed clients strike them instead of keeping a stale entry.
 */
export async function listMyFeedEvents(networkId: string, userId: string, now = new Date()) {
	const liveRegistration = sql`exists (select 1 from ${eventRegistrations} r
		where r.event_id = ${events.id} and r.network_id = ${networkId} and r.user_id = ${userId}
		and (r.status in ('registered', 'attended', 'no_show', 'waitlisted')
			or (${events.status} = 'cancelled' and r.status = 'cancelled'
				and r.cancelled_at >= coalesce(${events.cancelledAt}, r.cancelled_at))))`;
	return selectEvents(await db())
		.where(and(eq(events.networkId, networkId), published, recent(now), liveRegistration))
		.orderBy(asc(events.startsAt), asc(events.id));
}

/** A circle's feed: events for the circle or organised by it, as far as the reader may see them. */
export async function listCircleFeedEvents(actor: Actor, circleId: string, now = new Date()) {
	return selectEvents(await db())
		.where(
			and(
				visibleEventsSql(actor),
				published,
				recent(now),
				or(eq(events.audienceCircleId, circleId), eq(events.organiserCircleId, circleId))
			)
		)
		.orderBy(asc(events.startsAt), asc(events.id));
}

/** Whether the user's registration for the event holds a seat (only then the join link is shown). */
export async function holdsSeatFor(networkId: string, eventId: string, userId: string) {
	const [row] = await (
		await db()
	)
		.select({ id: eventRegistrations.id })
		.from(eventRegistrations)
		.where(
			and(
				eq(eventRegistrations.networkId, networkId),
				eq(eventRegistrations.eventId, eventId),
				eq(eventRegistrations.userId, userId),
				inArray(eventRegistrations.status, ['registered', 'attended', 'no_show'])
			)
		)
		.limit(1);
	return !!row;
}

/** Of these events, the ones where the user's registration holds a seat. */
export async function seatEventIds(networkId: string, userId: string, eventIds: string[]) {
	if (eventIds.length === 0) return new Set<string>();
	const rows = await (
		await db()
	)
		.select({ eventId: eventRegistrations.eventId })
		.from(eventRegistrations)
		.where(
			and(
				eq(eventRegistrations.networkId, networkId),
				eq(eventRegistrations.userId, userId),
				inArray(eventRegistrations.eventId, eventIds),
				inArray(eventRegistrations.status, ['registered', 'attended', 'no_show'])
			)
		);
	return new Set(rows.map((row) => row.eventId));
}

export async function findCircle(networkId: string, circleId: string) {
	const [row] = await (
		await db()
	)
		.select({ id: circles.id, nameDe: circles.nameDe, nameEn: circles.nameEn })
		.from(circles)
		.where(and(eq(circles.networkId, networkId), eq(circles.id, circleId)))
		.limit(1);
	return row ?? null;
}

/** The circles a person belongs to, for the links on the account page. */
export async function listCirclesByIds(networkId: string, circleIds: string[]) {
	if (circleIds.length === 0) return [];
	return (await db())
		.select({ id: circles.id, nameDe: circles.nameDe, nameEn: circles.nameEn })
		.from(circles)
		.where(and(eq(circles.networkId, networkId), inArray(circles.id, circleIds)))
		.orderBy(asc(circles.nameDe));
}

/** A live (not revoked) feed token of the network by its hash, with the user it acts for. */
export async function findLiveFeedToken(networkId: string, tokenHash: string) {
	const [row] = await (
		await db()
	)
		.select({
			id: calendarFeedTokens.id,
			lastUsedAt: calendarFeedTokens.lastUsedAt,
			user: {
				id: user.id,
				email: user.email,
				name: user.name,
				emailVerified: user.emailVerified,
				twoFactorEnabled: user.twoFactorEnabled,
				locale: user.locale
			}
		})
		.from(calendarFeedTokens)
		.innerJoin(user, eq(user.id, calendarFeedTokens.userId))
		.where(
			and(
				eq(calendarFeedTokens.networkId, networkId),
				eq(calendarFeedTokens.tokenHash, tokenHash),
				isNull(calendarFeedTokens.revokedAt)
			)
		)
		.limit(1);
	return row ?? null;
}

/** The user's live token (never its secret: only the hash is stored). */
export async function findFeedTokenOf(networkId: string, userId: string) {
	const [row] = await (
		await db()
	)
		.select({
			id: calendarFeedTokens.id,
			createdAt: calendarFeedTokens.createdAt,
			lastUsedAt: calendarFeedTokens.lastUsedAt
		})
		.from(calendarFeedTokens)
		.where(
			and(
				eq(calendarFeedTokens.networkId, networkId),
				eq(calendarFeedTokens.userId, userId),
				isNull(calendarFeedTokens.revokedAt)
			)
		)
		.limit(1);
	return row ?? null;
}

export type ApiEventFilters = {
	from: Date;
	to?: Date;
	formatKey?: string;
	circleId?: string;
	audience?: 'public' | 'members' | 'circle';
	page: number;
	pageSize: number;
};

/**
 * The API's list: what the actor may see (the calendar's rule, `visibleEventsSql`, the SQL form of
 * 'event.view' that the calendar's `listVisibleEvents` uses too), without drafts — an organiser's
 * unpublished work is not for programs reading the API — overlapping
 * [from, to), in start order; one page and the total.
 */
export async function listApiEvents(actor: Actor, filters: ApiEventFilters) {
	const conditions: SQL[] = [visibleEventsSql(actor), published, gte(events.endsAt, filters.from)];
	if (filters.to) conditions.push(lt(events.startsAt, filters.to));
	if (filters.formatKey) conditions.push(eq(eventFormats.key, filters.formatKey));
	if (filters.audience) conditions.push(eq(events.audience, filters.audience));
	if (filters.circleId)
		conditions.push(
			or(eq(events.audienceCircleId, filters.circleId), eq(events.organiserCircleId, filters.circleId))!
		);
	const where = and(...conditions);
	const database = await db();
	const [rows, [total]] = await Promise.all([
		selectEvents(await db())
			.where(where)
			.orderBy(asc(events.startsAt), asc(events.id))
			.limit(filters.pageSize)
			.offset((filters.page - 1) * filters.pageSize),
		database
			.select({ value: count() })
			.from(events)
			.innerJoin(eventFormats, eq(eventFormats.id, events.formatId))
			.where(where)
	]);
	return { rows, total: total?.value ?? 0 };
}

/** One event for the API, if the actor may see it (published or cancelled; drafts never). */
export async function findApiEvent(actor: Actor, eventId: string): Promise<FeedEvent | null> {
	const [row] = await selectEvents(await db())
		.where(and(visibleEventsSql(actor), published, eq(events.id, eventId)))
		.limit(1);
	return row ?? null;
}
