import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { db } from '../../db/index.ts';
import {
	circleActionItems,
	circleAgendaAttachments,
	circleAgendaItems,
	circleDocuments,
	circleMemberships,
	circleMinutes,
	eventRegistrations,
	events,
	user
} from '../../db/schema/index.ts';
import type { Actor } from '../../policy/actor.ts';
import { isUuid } from '../../office/params.ts';
import { visibleEventsSql } from '../../events/visibility.ts';
import type { EventRow } from '../../events/scope.ts';
import type { CircleRow } from '../scope.ts';
import type { ActionItemStatus } from '../../../circles/vocabulary.ts';

/**
 * Reads of the circle meetings: an event organised by the circle, its agenda, its minutes and
 * the circle's action items. Every query carries the network and the circle in its where clause,
 * so an id of another circle finds nothing.
 */

type CircleRef = Pick<CircleRow, 'id' | 'networkId'>;

/** Meetings: events organised by this circle. */
const meetingOf = (circle: CircleRef): SQL =>
	and(
		eq(events.networkId, circle.networkId),
		eq(events.organiserKind, 'circle'),
		eq(events.organiserCircleId, circle.id)
	)!;

/**
 * Which of a circle's meetings a reader of the circle sees (the caller has checked 'circle.read'):
 * all but drafts, which only their organisers see. The event's audience decides who finds it in the
 * calendar and may register, not who reads the circle's agenda and minutes.
 */
export const readableMeetingSql = (actor: Actor): SQL =>
	or(ne(events.status, 'draft'), visibleEventsSql(actor))!;

export type MeetingListItem = {
	id: string;
	titleDe: string;
	titleEn: string;
	startsAt: Date;
	endsAt: Date;
	status: EventRow['status'];
	/** The actor's own live registration, if any. */
	registrationStatus: string | null;
	minutesStatus: 'draft' | 'approved' | null;
};

/** The circle's meetings the actor may see ('event.view' in SQL): upcoming soonest first, past newest first. */
export async function listCircleMeetings(
	actor: Actor,
	circle: CircleRef,
	now: Date = new Date(),
	pastLimit = 50
): Promise<{ upcoming: MeetingListItem[]; past: MeetingListItem[] }> {
	const database = await db();
	const ownRegistration = actor.userId
		? sql<string | null>`(select ${eventRegistrations.status} from ${eventRegistrations}
			where ${eventRegistrations.eventId} = ${events.id} and ${eventRegistrations.userId} = ${actor.userId}
			and ${eventRegistrations.status} <> 'cancelled' limit 1)`
		: sql<string | null>`null::text`;
	const columns = {
		id: events.id,
		titleDe: events.titleDe,
		titleEn: events.titleEn,
		startsAt: events.startsAt,
		endsAt: events.endsAt,
		status: events.status,
		registrationStatus: ownRegistration,
		minutesStatus: circleMinutes.status
	};
	const base = () =>
		database
			.select(columns)
			.from(events)
			.leftJoin(
				circleMinutes,
				and(eq(circleMinutes.eventId, events.id), eq(circleMinutes.circleId, circle.id))
			);
	const visible = and(meetingOf(circle), readableMeetingSql(actor));
	const [upcoming, past] = await Promise.all([
		base()
			.where(and(visible, gte(events.endsAt, now)))
			.orderBy(asc(events.startsAt), asc(events.id)),
		base()
			.where(and(visible, lt(events.endsAt, now)))
			.orderBy(desc(events.startsAt), desc(events.id))
			.limit(pastLimit)
	]);
	return { upcoming, past };
}

/** The meeting (an event organised by this circle) if the actor may see it; null otherwise. */
export async function findCircleMeeting(
	actor: Actor,
	circle: CircleRef,
	eventId: string
): Promise<EventRow | null> {
	if (!isUuid(eventId)) return null;
	const [row] = await (
		await db()
	)
		.select()
		.from(events)
		.where(and(eq(events.id, eventId), meetingOf(circle), readableMeetingSql(actor)));
	return row ?? null;
}

/** The circle's next meeting the actor may see that has not ended (null when none is planned). */
export async function findNextMeetingId(actor: Actor, circle: CircleRef, now: Date = new Date()) {
	const [row] = await (
		await db()
	)
		.select({ id: events.id })
		.from(events)
		.where(
			and(
				meetingOf(circle),
				readableMeetingSql(actor),
				gte(events.endsAt, now),
				sql`${events.status} <> 'cancelled'`
			)
		)
		.orderBy(asc(events.startsAt), asc(events.id))
		.limit(1);
	return row?.id ?? null;
}

export type AgendaAttachment = { documentId: string; name: string };
export type AgendaItem = {
	id: string;
	position: number;
	title: string;
	notes: string;
	presenterUserId: string | null;
	presenterName: string;
	/** The member's name when the presenter is a member. */
	presenterUserName: string | null;
	durationMinutes: number | null;
	attachments: AgendaAttachment[];
};

/** The meeting's agenda in its order, with each item's attached (not deleted) circle documents. */
export async function listAgenda(circle: CircleRef, eventId: string): Promise<AgendaItem[]> {
	const database = await db();
	const items = await database
		.select({
			id: circleAgendaItems.id,
			position: circleAgendaItems.position,
			title: circleAgendaItems.title,
			notes: circleAgendaItems.notes,
			presenterUserId: circleAgendaItems.presenterUserId,
			presenterName: circleAgendaItems.presenterName,
			presenterUserName: user.name,
			durationMinutes: circleAgendaItems.durationMinutes
		})
		.from(circleAgendaItems)
		.leftJoin(user, eq(user.id, circleAgendaItems.presenterUserId))
		.where(
			and(
				eq(circleAgendaItems.networkId, circle.networkId),
				eq(circleAgendaItems.circleId, circle.id),
				eq(circleAgendaItems.eventId, eventId)
			)
		)
		.orderBy(asc(circleAgendaItems.position), asc(circleAgendaItems.createdAt));
	if (items.length === 0) return [];
	const attachments = await database
		.select({
			agendaItemId: circleAgendaAttachments.agendaItemId,
			documentId: circleDocuments.id,
			name: circleDocuments.name
		})
		.from(circleAgendaAttachments)
		.innerJoin(circleDocuments, eq(circleDocuments.id, circleAgendaAttachments.documentId))
		.where(
			and(
				eq(circleAgendaAttachments.networkId, circle.networkId),
				eq(circleDocuments.circleId, circle.id),
				isNull(circleDocuments.deletedAt),
				inArray(
					circleAgendaAttachments.agendaItemId,
					items.map((item) => item.id)
				)
			)
		)
		.orderBy(asc(circleAgendaAttachments.createdAt), asc(circleDocuments.name));
	return items.map((item) => ({
		...item,
		attachments: attachments
			.filter((attachment) => attachment.agendaItemId === item.id)
			.map(({ documentId, name }) => ({ documentId, name }))
	}));
}

export type MemberOption = { userId: string; name: string };

/** The circle's members (leads too) by name: the choices for presenters and owners. */
export async function listMemberOptions(circle: CircleRef): Promise<MemberOption[]> {
	return (await db())
		.select({ userId: circleMemberships.userId, name: user.name })
		.from(circleMemberships)
		.innerJoin(user, eq(user.id, circleMemberships.userId))
		.where(and(eq(circleMemberships.networkId, circle.networkId), eq(circleMemberships.circleId, circle.id)))
		.orderBy(asc(user.name), asc(user.id));
}

export type MinutesRow = typeof circleMinutes.$inferSelect & { approverName: string | null };

/** The meeting's minutes (draft or approved) or null. Callers decide who may see a draft. */
export async function findMinutes(circle: CircleRef, eventId: string): Promise<MinutesRow | null> {
	if (!isUuid(eventId)) return null;
	const [row] = await (
		await db()
	)
		.select({ minutes: circleMinutes, approverName: user.name })
		.from(circleMinutes)
		.leftJoin(user, eq(user.id, circleMinutes.approvedBy))
		.where(
			and(
				eq(circleMinutes.networkId, circle.networkId),
				eq(circleMinutes.circleId, circle.id),
				eq(circleMinutes.eventId, eventId)
			)
		);
	return row ? { ...row.minutes, approverName: row.approverName } : null;
}

export const actionItemFilters = ['open', 'overdue', 'done', 'dropped', 'mine', 'all'] as const;
export type ActionItemFilter = (typeof actionItemFilters)[number];

export type ActionItemListItem = {
	id: string;
	title: string;
	status: ActionItemStatus;
	dueOn: string | null;
	ownerUserId: string | null;
	ownerName: string | null;
	eventId: string | null;
	eventTitleDe: string | null;
	eventTitleEn: string | null;
	eventStartsAt: Date | null;
	minutesId: string | null;
	closedAt: Date | null;
};

export type ActionItemQuery = {
	filter?: ActionItemFilter;
	/** For 'mine'. */
	userId?: string | null;
	/** Today in Europe/Berlin ("YYYY-MM-DD"), for 'overdue'. */
	today: string;
	/** Only the items written with these minutes. */
	minutesId?: string;
	limit?: number;
};

/**
 * The circle's action items. Open ones by due date (undated last), closed ones newest first. Items
 * of minutes still in draft are left out unless `minutesId` asks for them (the minutes editor).
 */
export async function listActionItems(
	circle: CircleRef,
	query: ActionItemQuery
): Promise<ActionItemListItem[]> {
	const filter = query.filter ?? 'open';
	const conditions: (SQL | undefined)[] = [
		eq(circleActionItems.networkId, circle.networkId),
		eq(circleActionItems.circleId, circle.id)
	];
	if (query.minutesId) conditions.push(eq(circleActionItems.minutesId, query.minutesId));
	else
		conditions.push(
			or(
				isNull(circleActionItems.minutesId),
				sql`exists (select 1 from ${circleMinutes} where ${circleMinutes.id} = ${circleActionItems.minutesId}
					and ${circleMinutes.status} = 'approved')`
			)
		);
	if (filter === 'open') conditions.push(eq(circleActionItems.status, 'open'));
	if (filter === 'done') conditions.push(eq(circleActionItems.status, 'done'));
	if (filter === 'dropped') conditions.push(eq(circleActionItems.status, 'dropped'));
	if (filter === 'overdue')
		conditions.push(
			eq(circleActionItems.status, 'open'),
			isNotNull(circleActionItems.dueOn),
			lt(circleActionItems.dueOn, query.today)
		);
	if (filter === 'mine')
		conditions.push(
			query.userId ? eq(circleActionItems.ownerUserId, query.userId) : sql`false`,
			eq(circleActionItems.status, 'open')
		);
	const closed = filter === 'done' || filter === 'dropped';
	return (await db())
		.select({
			id: circleActionItems.id,
			title: circleActionItems.title,
			status: circleActionItems.status,
			dueOn: circleActionItems.dueOn,
			ownerUserId: circleActionItems.ownerUserId,
			ownerName: user.name,
			eventId: circleActionItems.eventId,
			eventTitleDe: events.titleDe,
			eventTitleEn: events.titleEn,
			eventStartsAt: events.startsAt,
			minutesId: circleActionItems.minutesId,
			closedAt: circleActionItems.closedAt
		})
		.from(circleActionItems)
		.leftJoin(user, eq(user.id, circleActionItems.ownerUserId))
		.leftJoin(events, eq(events.id, circleActionItems.eventId))
		.where(and(...conditions))
		.orderBy(
			...(closed
				? [desc(circleActionItems.closedAt), desc(circleActionItems.createdAt)]
				: [sql`${circleActionItems.dueOn} asc nulls last`, asc(circleActionItems.createdAt)]),
			asc(circleActionItems.id)
		)
		.limit(Math.min(query.limit ?? 300, 1000));
}

/** One action item of this circle, or null (also for another circle's item). */
export async function findActionItem(circle: CircleRef, itemId: string) {
	if (!isUuid(itemId)) return null;
	const [row] = await (
		await db()
	)
		.select()
		.from(circleActionItems)
		.where(
			and(
				eq(circleActionItems.networkId, circle.networkId),
				eq(circleActionItems.circleId, circle.id),
				eq(circleActionItems.id, itemId)
			)
		);
	return row ?? null;
}
