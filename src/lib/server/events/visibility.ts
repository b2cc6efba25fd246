import { sql, type SQL } from 'drizzle-orm';
import { events } from '../db/schema/index.ts';
import { hasNetworkRole, isBoard, isOffice, type Actor } from '../policy/actor.ts';

/**
 * The policy's 'event.view' and 'event.manage' as SQL conditions over `events`, so lists and feeds
 * filter in the database exactly as `can()` decides for one event (events-calendar.test.ts compares
 * the two for every role). Built from the actor's memberships, which the request already loaded.
 */
const uuidList = (ids: string[]) =>
	sql.join(
		ids.map((id) => sql`${id}::uuid`),
		sql`, `
	);

export function managedEventsSql(actor: Actor): SQL {
	if (isOffice(actor)) return sql`true`;
	const ledCircles = actor.circles.filter((m) => m.role === 'lead').map((m) => m.circleId);
	const adminOrganisations = actor.organisations
		.filter((m) => m.role === 'org_admin')
		.map((m) => m.organisationId);
	const conditions: SQL[] = [];
	if (ledCircles.length)
		conditions.push(
			sql`(${events.organiserKind} = 'circle' AND ${events.organiserCircleId} IN (${uuidList(ledCircles)}))`
		);
	if (adminOrganisations.length)
		conditions.push(
			sql`(${events.organiserKind} = 'organisation' AND ${events.organiserOrganisationId} IN (${uuidList(adminOrganisations)}))`
		);
	return conditions.length ? sql`(${sql.join(conditions, sql` OR `)})` : sql`false`;
}

export function visibleEventsSql(actor: Actor): SQL {
	const officeOrBoard = isOffice(actor) || isBoard(actor);
	const networkMember = officeOrBoard || hasNetworkRole(actor, 'member') || hasNetworkRole(actor, 'partner');
	const circles = actor.circles.map((m) => m.circleId);
	const audience: SQL[] = [sql`${events.audience} = 'public'`];
	if (networkMember) audience.push(sql`${events.audience} = 'members'`);
	if (officeOrBoard) audience.push(sql`${events.audience} = 'circle'`);
	else if (circles.length)
		audience.push(
			sql`(${events.audience} = 'circle' AND ${events.audienceCircleId} IN (${uuidList(circles)}))`
		);
	return sql`(${events.networkId} = ${actor.networkId} AND (${managedEventsSql(actor)} OR (${events.status} <> 'draft' AND (${sql.join(audience, sql` OR `)}))))`;
}
