import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { db } from '../../db/index.ts';
import { people } from '../../db/schema/index.ts';
import type { ContactFunction } from '../../db/schema/organisations.ts';
import { AppError } from '../../errors.ts';
import { recordAudit, type AuditContext } from '../../audit/mutations.ts';
import { can } from '../../policy/policy.ts';
import type { Actor } from '../../policy/actor.ts';

export type ContactResult = { ok: true; changed: boolean } | { ok: false; reason: 'NOT_FOUND' };
export type ContactFunctionResult =
	{ ok: true; changed: boolean; name: string } | { ok: false; reason: 'NOT_FOUND' };

/**
 * A person gives or withdraws their own consent to be listed as a contact in the members'
 * directory. Only ever for the signed-in person's own row: nobody consents for someone else.
 */
export async function setDirectoryConsent(input: {
	actor: Actor;
	networkId: string;
	consent: boolean;
	context?: AuditContext;
}): Promise<ContactResult> {
	const { actor, networkId } = input;
	if (!actor.userId || !can(actor, 'account.manage', { networkId })) {
		throw new AppError('FORBIDDEN', 'Only a signed-in person decides about their own listing.');
	}
	const userId = actor.userId;
	return (await db()).transaction(async (t): Promise<ContactResult> => {
		const [person] = await t
			.select({ id: people.id, consentAt: people.directoryConsentAt })
			.from(people)
			.where(
				and(eq(people.networkId, networkId), eq(people.userId, userId), isNotNull(people.organisationId))
			)
			.for('update');
		if (!person) return { ok: false, reason: 'NOT_FOUND' };
		if ((person.consentAt !== null) === input.consent) return { ok: true, changed: false };
		await t
			.update(people)
			.set({ directoryConsentAt: input.consent ? sql`now()` : null, updatedAt: sql`now()` })
			.where(and(eq(people.networkId, networkId), eq(people.id, person.id)));
		await recordAudit(
			{
				networkId,
				actor,
				action: input.consent ? 'person.directory_consent_given' : 'person.directory_consent_withdrawn',
				targetType: 'person',
				targetId: person.id,
				details: { before: { consent: !input.consent }, after: { consent: input.consent } },
				context: input.context
			},
			t
		);
		return { ok: true, changed: true };
	});
}

/** The org admin (or the office) sets a colleague's contact function; consent stays theirs. */
export async function setContactFunction(input: {
	actor: Actor;
	networkId: string;
	organisationId: string;
	personId: string;
	contactFunction: ContactFunction | null;
	context?: AuditContext;
}): Promise<ContactFunctionResult> {
	const { actor, networkId, organisationId } = input;
	if (!can(actor, 'organisation.edit_profile', { networkId, organisationId })) {
		throw new AppError('FORBIDDEN', 'May not edit this organisation’s contacts.');
	}
	return (await db()).transaction(async (t): Promise<ContactFunctionResult> => {
		const where = and(
			eq(people.networkId, networkId),
			eq(people.organisationId, organisationId),
			eq(people.id, input.personId)
		);
		const [person] = await t
			.select({
				contactFunction: people.contactFunction,
				name: sql<string>`concat_ws(' ', ${people.firstName}, ${people.lastName})`
			})
			.from(people)
			.where(where)
			.for('update');
		if (!person) return { ok: false, reason: 'NOT_FOUND' };
		if (person.contactFunction === input.contactFunction) {
			return { ok: true, changed: false, name: person.name };
		}
		await t
			.update(people)
			.set({ contactFunction: input.contactFunction, updatedAt: sql`now()` })
			.where(where);
		await recordAudit(
			{
				networkId,
				actor,
				action: 'person.contact_function_changed',
				targetType: 'person',
				targetId: input.personId,
				details: {
					organisationId,
					before: { contactFunction: person.contactFunction },
					after: { contactFunction: input.contactFunction }
				},
				context: input.context
			},
			t
		);
		return { ok: true, changed: true, name: person.name };
	});
}
