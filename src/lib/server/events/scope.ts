import type { events } from '../db/schema/index.ts';
import type { EventScope, Resource } from '../policy/policy.ts';

export type EventRow = typeof events.$inferSelect;

/** What the policy needs of an event row. */
export function eventScope(
	event: Pick<
		EventRow,
		| 'status'
		| 'audience'
		| 'audienceCircleId'
		| 'organiserKind'
		| 'organiserCircleId'
		| 'organiserOrganisationId'
		| 'hostOrganisationId'
	>
): EventScope {
	return {
		status: event.status,
		audience: event.audience,
		audienceCircleId: event.audienceCircleId,
		organiserKind: event.organiserKind,
		organiserCircleId: event.organiserCircleId,
		organiserOrganisationId: event.organiserOrganisationId,
		hostOrganisationId: event.hostOrganisationId
	};
}

/** The policy resource of an event: `can(actor, 'event.manage', eventResource(event))`. */
export function eventResource(event: Parameters<typeof eventScope>[0] & { networkId: string }): Resource {
	return { networkId: event.networkId, event: eventScope(event) };
}
