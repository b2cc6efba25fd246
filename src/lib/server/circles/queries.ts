import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { db } from '../db/index.ts';
import {
	circleActionItems,
	circleActivities,
	circleMemberships,
	circles,
	eventRegistrations,
	events,
	networkRoleAssignments,
	organisations,
	user
} from '../db/schema/index.ts';
import type { Actor } from '../policy/actor.ts';
import { visibleEventsSql } from '../events/visibility.ts';
import { readableMeetingSql } from './meetings/queries.ts';
import { utcToLocal } from '../../events/time.ts';
import type { CircleRole } from '../db/schema/roles.ts';
import { isUuid } from '../office/params.ts';

/** The circle with this slug in this network, or null. */
export async function findCircleBySlug(networkId: string, slug: string) {
	const database = await db();
	const [row] = await database
		.select()
		.from(circles)
		.where(and(eq(circles.networkId, networkId), eq(circles.slug, slug)))
		.limit(1);
	return row ?? null;
}

/** The circle with this id in this network, or null (also for malformed ids). */
export async function findCircleById(networkId: string, id: string) {
	if (!isUuid(id)) return null;
	const [row] = await (
		await db()
	)
		.select()
		.from(circles)
		.where(and(eq(circles.networkId, networkId), eq(circles.id, id)))
		.limit(1);
	return row ?? null;
}

/**
 * A person's organisation in this network, for lists of people: the first by name. Select lists
 * render bare column names, so the correlated subquery names its tables itself.
 */
const organisationOf = (networkId: string, userColumn: ReturnType<typeof sql>) =>
	sql<string>`coalesce((select o.name from organisation_memberships om
		join organisations o on o.id = om.organisation_id
		where om.network_id = ${networkId} and om.user_id = ${userColumn}
		order by o.name limit 1), '')`;

export type CircleLead = { userId: string; name: string; organisation: string };

/** The leads of these circles, by circle, sorted by name. */
export async function listCircleLeads(networkId: string, circleIds: string[]) {
	const byCircle = new Map<string, CircleLead[]>();
	if (circleIds.length === 0) return byCircle;
	const rows = await (
		await db()
	)
		.select({
			circleId: circleMemberships.circleId,
			userId: user.id,
			name: user.name,
			organisation: organisationOf(networkId, sql`"user".id`)
		})
		.from(circleMemberships)
		.innerJoin(user, eq(user.id, circleMemberships.userId))
		.where(
			and(
				eq(circleMemberships.networkId, networkId),
				inArray(circleMemberships.circleId, circleIds),
				eq(circleMemberships.role, 'lead')
			)
		)
		.orderBy(asc(user.name));
	for (const { circleId, ...lead } of rows) byCircle.set(circleId, [...(byCircle.get(circleId) ?? []), lead]);
	return byCircle;
}

const memberCount = sql<number>`(select count(*)::int from circle_memberships cm where cm.circle_id = "circles".id)`;

export type CircleListItem = typeof circles.$inferSelect & {
	memberCount: number;
	leads: CircleLead[];
	/** The actor's role in the circle, if they are in it. */
	ownRole: CircleRole | null;
};

/** Every circle of the network with its member count and leads, by German name. */
export async function listCircles(actor: Actor): Promise<CircleListItem[]> {
	const rows = await (
		await db()
	)
		.select({ circle: circles, memberCount })
		.from(circles)
		.where(eq(circles.networkId, actor.networkId))
		.orderBy(asc(circles.nameDe));
	const leads = await listCircleLeads(
		actor.networkId,
		rows.map((row) => row.circle.id)
	);
	return rows.map(({ circle, memberCount }) => ({
		...circle,
		memberCount: Number(memberCount),
		leads: leads.get(circle.id) ?? [],
		ownRole: actor.circles.find((m) => m.circleId === circle.id)?.role ?? null
	}));
}

export async function countCircleMembers(networkId: string, circleId: string) {
	const [row] = await (
		await db()
	)
		.select({ count: sql<number>`count(*)::int` })
		.from(circleMemberships)
		.where(and(eq(circleMemberships.networkId, networkId), eq(circleMemberships.circleId, circleId)));
	return Number(row?.count ?? 0);
}

/**
 * The circle's meetings that have not ended yet, as a reader of the circle sees them (no drafts
 * unless the actor organises them); `eventVisible`: whether the event page is theirs to open.
 */
export async function listUpcomingCircleMeetings(
	actor: Actor,
	circleId: string,
	now = new Date(),
	limit = 5
) {
	return (await db())
		.select({
			id: events.id,
			titleDe: events.titleDe,
			titleEn: events.titleEn,
			startsAt: events.startsAt,
			endsAt: events.endsAt,
			status: events.status,
			eventVisible: sql<boolean>`(${visibleEventsSql(actor)})`
		})
		.from(events)
		.where(
			and(
				readableMeetingSql(actor),
				eq(events.organiserKind, 'circle'),
				eq(events.organiserCircleId, circleId),
				gte(events.endsAt, now)
			)
		)
		.orderBy(asc(events.startsAt), asc(events.id))
		.limit(limit);
}

/** The latest happenings in the circle, newest first. */
export async function listRecentActivity(networkId: string, circleId: string, limit = 10) {
	return (await db())
		.select({
			id: circleActivities.id,
			kind: circleActivities.kind,
			title: circleActivities.title,
			path: circleActivities.path,
			createdAt: circleActivities.createdAt,
			actorName: user.name
		})
		.from(circleActivities)
		.leftJoin(user, eq(user.id, circleActivities.actorUserId))
		.where(and(eq(circleActivities.networkId, networkId), eq(circleActivities.circleId, circleId)))
		.orderBy(desc(circleActivities.createdAt), desc(circleActivities.id))
		.limit(limit);
}

/** Open action items whose due date (a Berlin day) is before today in Berlin, oldest first. */
export async function listOverdueActionItems(networkId: string, circleId: string, now = new Date()) {
	const today = utcToLocal(now).date;
	return (await db())
		.select({
			id: circleActionItems.id,
			title: circleActionItems.title,
			dueOn: circleActionItems.dueOn,
			eventId: circleActionItems.eventId,
			ownerName: user.name
		})
		.from(circleActionItems)
		.leftJoin(user, eq(user.id, circleActionItems.ownerUserId))
		.where(
			and(
				eq(circleActionItems.networkId, networkId),
				eq(circleActionItems.circleId, circleId),
				eq(circleActionItems.status, 'open'),
				lt(circleActionItems.dueOn, today)
			)
		)
		.orderBy(asc(circleActionItems.dueOn), asc(circleActionItems.title));
}

export type OrganisationAttendance = {
	organisationId: string;
	organisation: string;
	/** Past meetings at which at least one of its people was checked in. */
	meetings: number;
	/** Check-ins across those meetings (a person at three meetings counts three times). */
	people: number;
};

/**
 * Attendance per organisation at the circle's past meetings (published events organised by the
 * circle that have ended): registrations marked attended, by the organisation stored with them.
 * Also used by the network's reports.
 */
export async function circleAttendanceByOrganisation(
	networkId: string,
	circleId: string,
	now = new Date()
): Promise<{ pastMeetings: number; organisations: OrganisationAttendance[] }> {
	const database = await db();
	const pastMeeting = and(
		eq(events.networkId, networkId),
		eq(events.organiserKind, 'circle'),
		eq(events.organiserCircleId, circleId),
		eq(events.status, 'published'),
		lt(events.endsAt, now)
	);
	const [meetings] = await database
		.select({ count: sql<number>`count(*)::int` })
		.from(events)
		.where(pastMeeting);
	const rows = await database
		.select({
			organisationId: organisations.id,
			organisation: organisations.name,
			meetings: sql<number>`count(distinct ${eventRegistrations.eventId})::int`,
			people: sql<number>`count(*)::int`
		})
		.from(eventRegistrations)
		.innerJoin(events, eq(events.id, eventRegistrations.eventId))
		.innerJoin(organisations, eq(organisations.id, eventRegistrations.organisationId))
		.where(
			and(
				pastMeeting,
				eq(eventRegistrations.networkId, networkId),
				eq(eventRegistrations.status, 'attended'),
				eq(organisations.networkId, networkId)
			)
		)
		.groupBy(organisations.id, organisations.name)
		.orderBy(desc(sql`count(distinct ${eventRegistrations.eventId})`), asc(organisations.name));
	return {
		pastMeetings: Number(meetings?.count ?? 0),
		organisations: rows.map((row) => ({ ...row, meetings: Number(row.meetings), people: Number(row.people) }))
	};
}

/** The office's list: every circle with its member count and leads. */
export async function listCirclesForOffice(networkId: string) {
	const rows = await (
		await db()
	)
		.select({ circle: circles, memberCount })
		.from(circles)
		.where(eq(circles.networkId, networkId))
		.orderBy(asc(circles.nameDe));
	const leads = await listCircleLeads(
		networkId,
		rows.map((row) => row.circle.id)
	);
	return rows.map(({ circle, memberCount }) => ({
		...circle,
		memberCount: Number(memberCount),
		leads: leads.get(circle.id) ?? []
	}));
}

export type PersonOption = { userId: string; name: string; email: string; organisation: string };

/** The network's member persons (role member or partner): who may lead, join and be invited. */
export async function listMemberPersons(networkId: string): Promise<PersonOption[]> {
	return (await db())
		.selectDistinct({
			userId: user.id,
			name: user.name,
			email: user.email,
			organisation: organisationOf(networkId, sql`"user".id`)
		})
		.from(user)
		.innerJoin(networkRoleAssignments, eq(networkRoleAssignments.userId, user.id))
		.where(
			and(
				eq(networkRoleAssignments.networkId, networkId),
				inArray(networkRoleAssignments.role, ['member', 'partner'])
			)
		)
		.orderBy(asc(user.name), asc(user.email))
		.limit(2000);
}
