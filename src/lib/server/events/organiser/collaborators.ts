import type { AuditContext } from '../../audit/mutations.ts';
import type { Actor } from '../../policy/actor.ts';
import { addAttendee, cancelRegistration } from '../registration/index.ts';
import type { RegisterResult } from '../registration/types.ts';
import { cancelEvent } from '../mutations.ts';
import type { EventRow } from '../scope.ts';
import { recordOrganiserAdd } from './mutations.ts';

/**
 * The organiser's calls into the registration core (seats, waitlist, mails) and into authoring
 * (cancelling the event). Routes have authorised 'event.manage' and checked that a registration
 * belongs to the event before they get here.
 */

export type NewAttendee = { userId: string } | { name: string; email: string; organisationName: string };

export async function addAttendeeAsOrganiser(input: {
	actor: Actor;
	event: EventRow;
	person: NewAttendee;
	origin: string;
	context?: AuditContext;
}): Promise<RegisterResult> {
	const result = await addAttendee({
		actor: input.actor,
		eventId: input.event.id,
		origin: input.origin,
		...input.person
	});
	if (result.ok)
		await recordOrganiserAdd({
			actor: input.actor,
			networkId: input.event.networkId,
			eventId: input.event.id,
			registrationId: result.registrationId,
			status: result.status,
			guest: !('userId' in input.person),
			context: input.context
		});
	return result;
}

/** Removing someone cancels their registration; a freed seat goes to the waitlist's first. */
export async function removeAttendee(input: {
	actor: Actor;
	networkId: string;
	event: EventRow;
	registrationId: string;
	origin: string;
}) {
	return cancelRegistration({
		networkId: input.networkId,
		registrationId: input.registrationId,
		by: 'organiser',
		actorUserId: input.actor.userId,
		origin: input.origin
	});
}

/** Authoring cancels, raises the calendar SEQUENCE, tells everyone and writes the audit entry. */
export async function cancelEventAsOrganiser(input: {
	actor: Actor;
	event: EventRow;
	reason: string;
	origin: string;
	context?: AuditContext;
}) {
	return cancelEvent(input.actor, input.event.id, input.reason, input.origin, input.context);
}
