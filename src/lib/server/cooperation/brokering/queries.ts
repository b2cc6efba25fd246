import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { db, type DatabaseOrTransaction } from '../../db/index.ts';
import { events } from '../../db/schema/index.ts';

const proposable = (networkId: string, now: Date) =>
	and(
		eq(events.networkId, networkId),
		eq(events.status, 'published'),
		gt(events.startsAt, now),
		inArray(events.audience, ['public', 'members'])
	);

const eventColumns = {
	id: events.id,
	titleDe: events.titleDe,
	titleEn: events.titleEn,
	startsAt: events.startsAt,
	endsAt: events.endsAt
};

export type ProposableEvent = { id: string; titleDe: string; titleEn: string; startsAt: Date; endsAt: Date };

/**
 * The events the office may propose a slot at: the network's upcoming published events for
 * members or the public. A circle's own meetings are left out — the parties need not belong to
 * the circle.
 */
export async function listProposableEvents(
	networkId: string,
	now = new Date(),
	database?: DatabaseOrTransaction
): Promise<ProposableEvent[]> {
	return (database ?? (await db()))
		.select(eventColumns)
		.from(events)
		.where(proposable(networkId, now))
		.orderBy(asc(events.startsAt), asc(events.id))
		.limit(100);
}

export async function findProposableEvent(
	database: DatabaseOrTransaction,
	networkId: string,
	eventId: string,
	now = new Date()
): Promise<ProposableEvent | null> {
	const [row] = await database
		.select(eventColumns)
		.from(events)
		.where(and(proposable(networkId, now), eq(events.id, eventId)));
	return row ?? null;
}
