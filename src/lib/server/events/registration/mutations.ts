import { randomUUID } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import { db } from '../../db/index.ts';
import { eventRegistrations } from '../../db/schema/index.ts';
import { isUniqueViolation } from '../../errors.ts';
import { hitRateLimit, type RateLimitRule } from '../../rate-limit/mutations.ts';
import { anonymousActor } from '../../policy/actor.ts';
import { can } from '../../policy/policy.ts';
import { eventResource } from '../scope.ts';
import { checkAnswers } from './answers.ts';
import { owePendingRegistrationMail } from './mail-job.ts';
import { queueAlreadyRegisteredMail, queueGuestConfirmMail } from './mails.ts';
import { findEventWithQuestions, networkName } from './queries.ts';
import { insertRegistrationWithSeat } from './seats.ts';
import {
	CONFIRM_VALID_HOURS,
	confirmExpiry,
	confirmLink,
	generateTicketCode,
	generateToken,
	hashToken,
	registrationAccessToken
} from './tokens.ts';
import type { RegisterGuestInput, RegisterMemberInput, RegisterResult } from './types.ts';
import { closedReason } from './window.ts';

export type NewRegistration = {
	networkId: string;
	eventId: string;
	userId: string | null;
	/** Stored only if it is an organisation of this network; then its name is stored too. */
	organisationId: string | null;
	name: string;
	email: string;
	/** Stored when organisationId names no organisation of this network. */
	organisationName: string;
	locale: 'de' | 'en';
	answers: Record<string, string>;
	addedBy: string | null;
};

/** The columns every new registration gets: its id, ticket code and personal-link hash. */
export function registrationKeys() {
	const id = randomUUID();
	const ticketCode = generateTicketCode();
	return { id, ticketCode, accessTokenHash: hashToken(registrationAccessToken({ id, ticketCode })) };
}

/**
 * Stores a registration with a seat if one is free, otherwise on the waitlist, and owes it its
 * mail — one short transaction: the seat-and-insert statement (which locks the event row until
 * the commit) and the mail job's row. Seats go to the first arrivals: see
 * insertRegistrationWithSeat. A second live registration of the same person fails on the unique
 * index and leaves nothing behind.
 */
export async function seatNewRegistration(values: NewRegistration, origin: string): Promise<RegisterResult> {
	const keys = registrationKeys();
	try {
		const status = await (
			await db()
		).transaction(async (tx) => {
			const outcome = await insertRegistrationWithSeat(tx, {
				...values,
				...keys,
				email: values.email.toLowerCase()
			});
			await owePendingRegistrationMail(tx, {
				registrationId: keys.id,
				kind: outcome === 'registered' ? 'confirmed' : 'waitlisted',
				origin
			});
			return outcome;
		});
		return { ok: true, status, registrationId: keys.id };
	} catch (error) {
		if (isUniqueViolation(error)) return { ok: false, reason: 'ALREADY_REGISTERED' };
		throw error;
	}
}

/** A member registers in one step: a seat if one is free, otherwise the waitlist. */
export async function registerMember(input: RegisterMemberInput): Promise<RegisterResult> {
	const { actor } = input;
	const found = await findEventWithQuestions(actor.networkId, input.eventId);
	if (!found || !actor.userId || !actor.email) return { ok: false, reason: 'NOT_ALLOWED' };
	const { event, questions } = found;
	// Who may see the event learns why it is closed; whether they may register is asked after.
	if (!can(actor, 'event.view', eventResource(event))) return { ok: false, reason: 'NOT_ALLOWED' };
	const reason = closedReason(event);
	if (reason) return { ok: false, reason: 'NOT_OPEN', closedReason: reason };
	if (!can(actor, 'event.register', eventResource(event))) return { ok: false, reason: 'NOT_ALLOWED' };
	const checked = checkAnswers(questions, input.answers, input.locale);
	if (!checked.ok) return { ok: false, reason: 'INVALID_ANSWERS', fieldErrors: checked.fieldErrors };
	return seatNewRegistration(
		{
			networkId: actor.networkId,
			eventId: event.id,
			userId: actor.userId,
			// The first organisation's name is taken in the insert (if it belongs to this network).
			organisationId: actor.organisations[0]?.organisationId ?? null,
			organisationName: '',
			name: actor.name?.trim() || actor.email,
			email: actor.email,
			locale: input.locale,
			answers: checked.answers,
			addedBy: null
		},
		input.origin
	);
}

/**
 * A guest registers for a public event: a pending registration without a seat until the link in
 * the mail is confirmed. The same address again refreshes the pending link (no second row); an
 * address that is already registered gets a notice, and the visitor the same answer as anyone —
 * so nobody learns from the form who is registered.
 */
export async function registerGuest(input: RegisterGuestInput, attempt = 0): Promise<RegisterResult> {
	const found = await findEventWithQuestions(input.networkId, input.eventId);
	const stranger = anonymousActor(input.networkId);
	if (!found || !can(stranger, 'event.view', eventResource(found.event)))
		return { ok: false, reason: 'NOT_ALLOWED' };
	const { event, questions } = found;
	const reason = closedReason(event);
	if (reason) return { ok: false, reason: 'NOT_OPEN', closedReason: reason };
	if (!can(stranger, 'event.register_guest', eventResource(event)))
		return { ok: false, reason: 'NOT_ALLOWED' };
	const checked = checkAnswers(questions, input.answers, input.locale);
	if (!checked.ok) return { ok: false, reason: 'INVALID_ANSWERS', fieldErrors: checked.fieldErrors };
	const email = input.email.trim().toLowerCase();
	const network = await networkName(input.networkId);
	const token = generateToken();
	const confirm = { confirmTokenHash: hashToken(token), confirmExpiresAt: confirmExpiry() };
	const details = {
		name: input.name.trim(),
		organisationName: input.organisationName.trim(),
		locale: input.locale,
		answers: checked.answers
	};
	const mailFacts = { event, network, link: confirmLink(input.origin, token), hours: CONFIRM_VALID_HOURS };
	try {
		return await (
			await db()
		).transaction(async (tx): Promise<RegisterResult> => {
			const [existing] = await tx
				.select()
				.from(eventRegistrations)
				.where(
					and(
						eq(eventRegistrations.eventId, event.id),
						eq(eventRegistrations.email, email),
						ne(eventRegistrations.status, 'cancelled')
					)
				)
				.for('update');
			if (existing && existing.status !== 'pending') {
				await queueAlreadyRegisteredMail(tx, {
					registration: existing,
					event,
					network,
					origin: input.origin
				});
				return { ok: true, status: 'pending', registrationId: existing.id };
			}
			let registration;
			if (existing) {
				[registration] = await tx
					.update(eventRegistrations)
					.set({ ...details, ...confirm })
					.where(eq(eventRegistrations.id, existing.id))
					.returning();
			} else {
				[registration] = await tx
					.insert(eventRegistrations)
					.values({
						...details,
						...confirm,
						...registrationKeys(),
						networkId: input.networkId,
						eventId: event.id,
						email,
						status: 'pending'
					})
					.returning();
			}
			await queueGuestConfirmMail(tx, { registration: registration!, ...mailFacts });
			return { ok: true, status: 'pending', registrationId: registration!.id };
		});
	} catch (error) {
		// The same address registered at the same moment: the other row is visible now.
		if (isUniqueViolation(error) && attempt === 0) return registerGuest(input, 1);
		throw error;
	}
}

/** Per client address: a few guests behind one office line, not a flood of confirmation mails. */
export const guestRegistrationRateLimit: RateLimitRule = { limit: 10, windowSeconds: 60 * 60 };

/** Counts a guest registration attempt from this address; false when over the limit. */
export async function hitGuestRegistrationLimit(clientAddress: string) {
	return hitRateLimit(`event-guest:ip:${clientAddress}`, guestRegistrationRateLimit);
}
