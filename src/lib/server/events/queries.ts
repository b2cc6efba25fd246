import { and, asc, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { db } from '../db/index.ts';
import {
	circles,
	eventAttachments,
	eventFormats,
	eventQuestions,
	events,
	organisations,
	storedFiles
} from '../db/schema/index.ts';
import type { Actor } from '../policy/actor.ts';
import type { EventAudience } from '../../events/vocabulary.ts';
import { visibleEventsSql } from './visibility.ts';
import type { EventRow } from './scope.ts';

export type { EventRow } from './scope.ts';
export type EventFormat = typeof eventFormats.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The event with this id in this network, or null (also for malformed ids). No policy: callers authorize. */
export async function findEvent(networkId: string, id: string): Promise<EventRow | null> {
	if (!UUID.test(id)) return null;
	const [row] = await (
		await db()
	)
		.select()
		.from(events)
		.where(and(eq(events.networkId, networkId), eq(events.id, id)));
	return row ?? null;
}

/** The network's event formats in their order. */
export async function listFormats(networkId: string): Promise<EventFormat[]> {
	return (await db())
		.select()
		.from(eventFormats)
		.where(eq(eventFormats.networkId, networkId))
		.orderBy(asc(eventFormats.position), asc(eventFormats.nameDe));
}

export type EventFilters = {
	when?: 'upcoming' | 'past' | 'all';
	/** Start and end of a range (the month view): events overlapping [from, to). */
	from?: Date;
	to?: Date;
	formatKey?: string | null;
	circleId?: string | null;
	audience?: EventAudience | null;
	organiserOrganisationId?: string | null;
	text?: string;
	limit?: number;
	offset?: number;
	/** Defaults to now; tests pass a fixed instant. */
	now?: Date;
};

export type EventListItem = Pick<
	EventRow,
	| 'id'
	| 'networkId'
	| 'status'
	| 'titleDe'
	| 'titleEn'
	| 'startsAt'
	| 'endsAt'
	| 'locationKind'
	| 'venueName'
	| 'street'
	| 'postalCode'
	| 'city'
	| 'audience'
	| 'audienceCircleId'
	| 'organiserKind'
	| 'organiserCircleId'
	| 'organiserOrganisationId'
	| 'hostOrganisationId'
	| 'capacity'
	| 'seatsTaken'
	| 'seriesId'
	| 'sequence'
	| 'updatedAt'
> & { formatKey: string; formatNameDe: string; formatNameEn: string };

const listColumns = {
	id: events.id,
	networkId: events.networkId,
	status: events.status,
	titleDe: events.titleDe,
	titleEn: events.titleEn,
	startsAt: events.startsAt,
	endsAt: events.endsAt,
	locationKind: events.locationKind,
	venueName: events.venueName,
	street: events.street,
	postalCode: events.postalCode,
	city: events.city,
	audience: events.audience,
	audienceCircleId: events.audienceCircleId,
	organiserKind: events.organiserKind,
	organiserCircleId: events.organiserCircleId,
	organiserOrganisationId: events.organiserOrganisationId,
	hostOrganisationId: events.hostOrganisationId,
	capacity: events.capacity,
	seatsTaken: events.seatsTaken,
	seriesId: events.seriesId,
	sequence: events.sequence,
	updatedAt: events.updatedAt,
	formatKey: eventFormats.key,
	formatNameDe: eventFormats.nameDe,
	formatNameEn: eventFormats.nameEn
};

/** Escapes LIKE wildcards so a search for "100%" means the text. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filterConditions(actor: Actor, filters: EventFilters): SQL[] {
	const now = filters.now ?? new Date();
	const conditions: SQL[] = [visibleEventsSql(actor)];
	// An event is upcoming until it has ended; the archive holds those that have.
	if (filters.when === 'upcoming' || filters.when === undefined) conditions.push(gte(events.endsAt, now));
	if (filters.when === 'past') conditions.push(lt(events.endsAt, now));
	if (filters.from) conditions.push(gte(events.endsAt, filters.from));
	if (filters.to) conditions.push(lt(events.startsAt, filters.to));
	if (filters.formatKey) conditions.push(eq(eventFormats.key, filters.formatKey));
	if (filters.circleId)
		conditions.push(
			or(eq(events.organiserCircleId, filters.circleId), eq(events.audienceCircleId, filters.circleId))!
		);
	if (filters.audience) conditions.push(eq(events.audience, filters.audience));
	if (filters.organiserOrganisationId)
		conditions.push(eq(events.organiserOrganisationId, filters.organiserOrganisationId));
	const text = filters.text?.trim();
	if (text)
		conditions.push(or(ilike(events.titleDe, likePattern(text)), ilike(events.titleEn, likePattern(text)))!);
	return conditions;
}

/**
 * The events the actor may see ('event.view', applied in SQL), filtered. Upcoming ones soonest
 * first; the archive newest first.
 */
export async function listVisibleEvents(actor: Actor, filters: EventFilters = {}): Promise<EventListItem[]> {
	const order =
		filters.when === 'past'
			? [desc(events.startsAt), desc(events.id)]
			: [asc(events.startsAt), asc(events.id)];
	return (await db())
		.select(listColumns)
		.from(events)
		.innerJoin(eventFormats, eq(eventFormats.id, events.formatId))
		.where(and(...filterConditions(actor, filters)))
		.orderBy(...order)
		.limit(Math.min(filters.limit ?? 200, 1000))
		.offset(filters.offset ?? 0);
}

/** How many events the filters match, for the archive's pages. */
export async function countVisibleEvents(actor: Actor, filters: EventFilters = {}): Promise<number> {
	const [row] = await (
		await db()
	)
		.select({ count: sql<number>`count(*)::int` })
		.from(events)
		.innerJoin(eventFormats, eq(eventFormats.id, events.formatId))
		.where(and(...filterConditions(actor, filters)));
	return Number(row?.count ?? 0);
}

export type NamedOption = { id: string; nameDe: string; nameEn: string };

/** The network's circles (for filters and the organiser/audience choices). */
export async function listCircles(networkId: string): Promise<NamedOption[]> {
	return (await db())
		.select({ id: circles.id, nameDe: circles.nameDe, nameEn: circles.nameEn })
		.from(circles)
		.where(eq(circles.networkId, networkId))
		.orderBy(asc(circles.nameDe));
}

/** The network's organisations that can host or organise events: members and partners. */
export async function listEventOrganisations(networkId: string): Promise<{ id: string; name: string }[]> {
	return (await db())
		.select({ id: organisations.id, name: organisations.name })
		.from(organisations)
		.where(and(eq(organisations.networkId, networkId), inArray(organisations.status, ['member', 'partner'])))
		.orderBy(asc(organisations.name));
}

export type EventAttachmentItem = { id: string; fileName: string; contentType: string; byteSize: number };

export async function listAttachments(networkId: string, eventId: string): Promise<EventAttachmentItem[]> {
	return (await db())
		.select({
			id: eventAttachments.id,
			fileName: eventAttachments.fileName,
			contentType: storedFiles.contentType,
			byteSize: storedFiles.byteSize
		})
		.from(eventAttachments)
		.innerJoin(storedFiles, eq(storedFiles.id, eventAttachments.fileId))
		.where(and(eq(eventAttachments.networkId, networkId), eq(eventAttachments.eventId, eventId)))
		.orderBy(asc(eventAttachments.position), asc(eventAttachments.createdAt));
}

export type EventQuestion = typeof eventQuestions.$inferSelect;

export async function listQuestions(networkId: string, eventId: string): Promise<EventQuestion[]> {
	return (await db())
		.select()
		.from(eventQuestions)
		.where(and(eq(eventQuestions.networkId, networkId), eq(eventQuestions.eventId, eventId)))
		.orderBy(asc(eventQuestions.position), asc(eventQuestions.id));
}
