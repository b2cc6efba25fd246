import { authorize, notFound } from '../../guard.ts';
import { findEvent } from '../queries.ts';
import { eventResource, type EventRow } from '../scope.ts';

type GuardedEvent = { locals: App.Locals; url: URL; params: { id?: string } };

/**
 * The event of the URL, after the policy said yes: unknown, malformed or another network's id → 404,
 * not the organiser (or door staff) → 403, anonymous → sign-in. Every load and action calls this.
 */
export async function eventFor(
	event: GuardedEvent,
	action: 'event.manage' | 'event.check_in'
): Promise<EventRow> {
	const row = await findEvent(event.locals.network.id, event.params.id ?? '');
	if (!row) notFound();
	authorize(event, action, eventResource(row));
	return row;
}
