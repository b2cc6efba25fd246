import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/index.ts';
import { eventAttendanceFigures, eventRegistrations, events, organisations } from '../../db/schema/index.ts';
import type { RegistrationStatus } from '../../../events/vocabulary.ts';

export type AttendanceFigures = {
	registered: number;
	attended: number;
	noShows: number;
	waitlisted: number;
	memberOrganisationsReached: number;
};

/**
 * Recounts an event's attendance and stores it for the network's reports: seat holders
 * (registered, attended, no-show), attended, no-shows, the waitlist, and the member organisations
 * reached — distinct organisations with status member among those who attended, or among the
 * seat holders while nobody has been checked in. Call it inside the transaction that changed
 * attendance (check-in, after the event); it upserts, so repeating it is harmless.
 */
export async function recomputeAttendanceFigures(
	tx: DatabaseOrTransaction,
	eventId: string
): Promise<AttendanceFigures | null> {
	const [event] = await tx.select({ networkId: events.networkId }).from(events).where(eq(events.id, eventId));
	if (!event) return null;
	const [counts] = await tx
		.select({
			registered: sql<number>`count(*) filter (where ${eventRegistrations.status} in ('registered', 'attended', 'no_show'))::int`,
			attended: sql<number>`count(*) filter (where ${eventRegistrations.status} = 'attended')::int`,
			noShows: sql<number>`count(*) filter (where ${eventRegistrations.status} = 'no_show')::int`,
			waitlisted: sql<number>`count(*) filter (where ${eventRegistrations.status} = 'waitlisted')::int`
		})
		.from(eventRegistrations)
		.where(eq(eventRegistrations.eventId, eventId));
	const figures = counts!;
	const reachedStatuses: RegistrationStatus[] =
		figures.attended > 0 ? ['attended'] : ['registered', 'attended', 'no_show'];
	const [reached] = await tx
		.select({ n: sql<number>`count(distinct ${eventRegistrations.organisationId})::int` })
		.from(eventRegistrations)
		.innerJoin(organisations, eq(organisations.id, eventRegistrations.organisationId))
		.where(
			and(
				eq(eventRegistrations.eventId, eventId),
				eq(organisations.networkId, event.networkId),
				eq(organisations.status, 'member'),
				inArray(eventRegistrations.status, reachedStatuses)
			)
		);
	const values = { ...figures, memberOrganisationsReached: reached!.n };
	await tx
		.insert(eventAttendanceFigures)
		.values({ eventId, networkId: event.networkId, ...values })
		.onConflictDoUpdate({
			target: eventAttendanceFigures.eventId,
			set: { ...values, computedAt: sql`now()` }
		});
	return values;
}
