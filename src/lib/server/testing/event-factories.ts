import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { eventFormats, events } from '../db/schema/index.ts';
import { ensureEventFormats } from '../seed/event-formats.ts';

const DAY = 24 * 60 * 60 * 1000;

/** The network's format with this key (the standard formats are created on first use). */
export async function findEventFormat(db: Database, networkId: string, key = 'network-meeting') {
	await ensureEventFormats(db, networkId);
	const [format] = await db
		.select()
		.from(eventFormats)
		.where(and(eq(eventFormats.networkId, networkId), eq(eventFormats.key, key)));
	return format!;
}

/**
 * A published members' event in two weeks, two hours long, office-organised, without a seat
 * limit unless overridden.
 */
export async function createEvent(
	db: Database,
	networkId: string,
	overrides: Partial<typeof events.$inferInsert> & { formatKey?: string } = {}
) {
	const { formatKey, ...values } = overrides;
	const format = await findEventFormat(db, networkId, formatKey);
	const startsAt = values.startsAt ?? new Date(Date.now() + 14 * DAY);
	const [row] = await db
		.insert(events)
		.values({
			networkId,
			formatId: format.id,
			titleDe: `Netzwerktreffen ${Math.random().toString(36).slice(2, 8)}`,
			startsAt,
			endsAt: new Date(startsAt.getTime() + 2 * 60 * 60 * 1000),
			venueName: 'Forum am Dom',
			street: 'Domhof 1',
			postalCode: '49074',
			city: 'Osnabrück',
			...values
		})
		.returning();
	return row!;
}

/** A meeting of a circle: an event organised by the circle, for the circle, in two weeks unless overridden. */
export async function createCircleMeeting(
	db: Database,
	networkId: string,
	circleId: string,
	overrides: Partial<typeof events.$inferInsert> & { formatKey?: string } = {}
) {
	return createEvent(db, networkId, {
		formatKey: 'circle-session',
		titleDe: `Sitzung ${Math.random().toString(36).slice(2, 8)}`,
		organiserKind: 'circle',
		organiserCircleId: circleId,
		audience: 'circle',
		audienceCircleId: circleId,
		...overrides
	});
}
