import type { Database } from '../db/index.ts';
import {
	circleAgendaItems,
	circleDocuments,
	circleMinutes,
	circlePosts,
	circleThreads
} from '../db/schema/index.ts';
import { recordCircleActivity, type CircleActivityInput } from '../circles/activity.ts';

/**
 * Rows of the circles' content as their own modules write them, for the notification and search
 * tests (which must not wait for those modules).
 */
type CircleRef = { id: string; networkId: string };

export async function createThread(
	db: Database,
	circle: CircleRef,
	values: { title: string; body?: string; authorUserId?: string | null; deletedAt?: Date | null }
) {
	const [thread] = await db
		.insert(circleThreads)
		.values({
			networkId: circle.networkId,
			circleId: circle.id,
			title: values.title,
			authorUserId: values.authorUserId ?? null,
			deletedAt: values.deletedAt ?? null
		})
		.returning();
	const [opening] = await db
		.insert(circlePosts)
		.values({
			networkId: circle.networkId,
			circleId: circle.id,
			threadId: thread!.id,
			authorUserId: values.authorUserId ?? null,
			body: values.body ?? '',
			isOpening: true
		})
		.returning();
	return { thread: thread!, opening: opening! };
}

export async function createPost(
	db: Database,
	circle: CircleRef,
	threadId: string,
	values: { body: string; authorUserId?: string | null; deletedAt?: Date | null }
) {
	const [row] = await db
		.insert(circlePosts)
		.values({
			networkId: circle.networkId,
			circleId: circle.id,
			threadId,
			authorUserId: values.authorUserId ?? null,
			body: values.body,
			deletedAt: values.deletedAt ?? null
		})
		.returning();
	return row!;
}

export async function createMinutes(
	db: Database,
	circle: CircleRef,
	eventId: string,
	values: { body: string; status?: 'draft' | 'approved' }
) {
	const status = values.status ?? 'approved';
	const [row] = await db
		.insert(circleMinutes)
		.values({
			networkId: circle.networkId,
			circleId: circle.id,
			eventId,
			body: values.body,
			status,
			approvedAt: status === 'approved' ? new Date() : null
		})
		.returning();
	return row!;
}

export async function createAgendaItem(
	db: Database,
	circle: CircleRef,
	eventId: string,
	values: { title: string; notes?: string; position?: number }
) {
	const [row] = await db
		.insert(circleAgendaItems)
		.values({
			networkId: circle.networkId,
			circleId: circle.id,
			eventId,
			position: values.position ?? 1,
			title: values.title,
			notes: values.notes ?? ''
		})
		.returning();
	return row!;
}

export async function createDocumentRow(
	db: Database,
	circle: CircleRef,
	values: { name: string; deletedAt?: Date | null }
) {
	const [row] = await db
		.insert(circleDocuments)
		.values({
			networkId: circle.networkId,
			circleId: circle.id,
			name: values.name,
			deletedAt: values.deletedAt ?? null
		})
		.returning();
	return row!;
}

/** An activity recorded as the modules do: in its own transaction, with its notifications. */
export async function recordActivity(db: Database, input: CircleActivityInput) {
	return db.transaction((tx) => recordCircleActivity(tx, input));
}
