import { sql, type SQL } from 'drizzle-orm';
import { events } from '../../db/schema/index.ts';
import { hasNetworkRole, isBoard, isOffice, type Actor } from '../../policy/actor.ts';

/**
 * The policy's 'event.view' as a SQL condition over `events`, so feeds and the API filter in the
 * database exactly as `can()` decides for one event (events-feeds.test.ts compares both).
 * Stand-in until the calendar's own condition is committed; then this file re-exports it.
 */
const uuidList = (ids: string[]) =>
	sql.join(
		ids.map((id) => sql`${id}::uuid`),
		sql`, `
	);

function managedEventsSql(actor: Actor): SQL {
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
	const circleIds = actor.circles.map((m) => m.circleId);
	const audience: SQL[] = [sql`${events.audience} = 'public'`];
	if (networkMember) audience.push(sql`${events.audience} = 'members'`);
	if (officeOrBoard) audience.push(sql`${events.audience} = 'circle'`);
	else if (circleIds.length)
		audience.push(
			sql`(${events.audience} = 'circle' AND ${events.audienceCircleId} IN (${uuidList(circleIds)}))`
		);
	return sql`(${events.networkId} = ${actor.networkId} AND (${managedEventsSql(actor)} OR (${events.status} <> 'draft' AND (${sql.join(audience, sql` OR `)}))))`;
}
