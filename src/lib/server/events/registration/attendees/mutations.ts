import { and, eq } from 'drizzle-orm';
import { db } from '../../../db/index.ts';
import {
	organisationMemberships,
	organisations,
	networkRoleAssignments,
	user
} from '../../../db/schema/index.ts';
import { recordAudit } from '../../../audit/mutations.ts';
import type { Actor } from '../../../policy/actor.ts';
import { can } from '../../../policy/policy.ts';
import { eventResource } from '../../scope.ts';
import { findEventRow } from '../queries.ts';
import { seatNewRegistration, type NewRegistration } from '../mutations.ts';
import type { RegisterResult } from '../types.ts';

export type AddAttendeeInput = { actor: Actor; eventId: string; origin: string } & (
	{ userId: string } | { name: string; email: string; organisationName: string; locale?: 'de' | 'en' }
);

/** A person of this network (a role or an organisation in it), as a registration would name them. */
async function networkPerson(networkId: string, userId: string) {
	const database = await db();
	const [person] = await database
		.select({ id: user.id, name: user.name, email: user.email, locale: user.locale })
		.from(user)
		.where(eq(user.id, userId));
	if (!person) return null;
	const [membership] = await database
		.select({ organisationId: organisations.id, organisationName: organisations.name })
		.from(organisationMemberships)
		.innerJoin(organisations, eq(organisations.id, organisationMemberships.organisationId))
		.where(and(eq(organisationMemberships.userId, userId), eq(organisationMemberships.networkId, networkId)))
		.limit(1);
	const [role] = await database
		.select({ role: networkRoleAssignments.role })
		.from(networkRoleAssignments)
		.where(and(eq(networkRoleAssignments.userId, userId), eq(networkRoleAssignments.networkId, networkId)))
		.limit(1);
	if (!membership && !role) return null;
	return {
		...person,
		organisationId: membership?.organisationId ?? null,
		organisationName: membership?.organisationName ?? ''
	};
}

/**
 * The organiser adds someone — a person of the network or anyone by name and address. The
 * registration window does not apply (the organiser decides), the seat rules do: a full event puts
 * them on the waitlist. They get the same mail as if they had registered themselves.
 */
export async function addAttendee(input: AddAttendeeInput): Promise<RegisterResult> {
	const { actor } = input;
	const event = await findEventRow(actor.networkId, input.eventId);
	if (!event || !can(actor, 'event.manage', eventResource(event)))
		return { ok: false, reason: 'NOT_ALLOWED' };
	if (event.status !== 'published' || event.endsAt.getTime() <= Date.now())
		return {
			ok: false,
			reason: 'NOT_OPEN',
			closedReason: event.status === 'cancelled' ? 'cancelled' : 'past'
		};
	let values: NewRegistration;
	if ('userId' in input) {
		const person = await networkPerson(actor.networkId, input.userId);
		if (!person) return { ok: false, reason: 'NOT_ALLOWED' };
		values = {
			networkId: actor.networkId,
			eventId: event.id,
			userId: person.id,
			organisationId: person.organisationId,
			name: person.name,
			email: person.email,
			organisationName: person.organisationName,
			locale: person.locale === 'en' ? 'en' : 'de',
			answers: {},
			addedBy: actor.userId
		};
	} else {
		values = {
			networkId: actor.networkId,
			eventId: event.id,
			userId: null,
			organisationId: null,
			name: input.name.trim(),
			email: input.email.trim().toLowerCase(),
			organisationName: input.organisationName.trim(),
			locale: input.locale ?? 'de',
			answers: {},
			addedBy: actor.userId
		};
	}
	const result = await seatNewRegistration(values, input.origin);
	if (result.ok) {
		await recordAudit({
			networkId: actor.networkId,
			actor,
			action: 'event.registration.added',
			targetType: 'event_registration',
			targetId: result.registrationId,
			details: { eventId: event.id, email: values.email, status: result.status }
		});
	}
	return result;
}
