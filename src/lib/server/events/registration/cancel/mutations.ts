import { and, eq, ne } from 'drizzle-orm';
import { holdsSeat } from '../../../../events/vocabulary.ts';
import { db, type DatabaseOrTransaction, type Transaction } from '../../../db/index.ts';
import { eventRegistrations } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../audit/mutations.ts';
import type { Actor } from '../../../policy/actor.ts';
import { queueRegistrationMail } from '../mails.ts';
import { fillFreeSeats, lockEvent, releaseSeat } from '../seats.ts';
import { hashToken, isTokenShaped } from '../tokens.ts';

export type CancelInput = {
	networkId: string;
	registrationId: string;
	by: 'self' | 'organiser';
	actorUserId: string | null;
	origin: string;
};

export type CancelResult =
	| { ok: true; eventId: string; previousStatus: string; promoted: string[] }
	| { ok: false; reason: 'NOT_FOUND' | 'ALREADY_CANCELLED' | 'PAST' };

/**
 * Cancels a registration (or takes someone off the waitlist). Locks the event row before the
 * registration, as every seat change does, then hands a freed seat to the first on the waitlist
 * (by arrival) and mails them — all in one transaction, so two cancellations at once promote two
 * different people in order. The caller decides who may cancel (`by` is recorded).
 */
export async function cancelRegistration(input: CancelInput, tx?: Transaction): Promise<CancelResult> {
	const run = async (t: Transaction): Promise<CancelResult> => {
		const scope = and(
			eq(eventRegistrations.id, input.registrationId),
			eq(eventRegistrations.networkId, input.networkId)
		);
		const [found] = await t
			.select({ eventId: eventRegistrations.eventId })
			.from(eventRegistrations)
			.where(scope);
		if (!found) return { ok: false, reason: 'NOT_FOUND' };
		const event = await lockEvent(t, found.eventId);
		if (!event) return { ok: false, reason: 'NOT_FOUND' };
		if (input.by === 'self' && event.endsAt.getTime() <= Date.now()) return { ok: false, reason: 'PAST' };
		const [current] = await t.select().from(eventRegistrations).where(scope).for('update');
		if (!current || current.status === 'cancelled') return { ok: false, reason: 'ALREADY_CANCELLED' };
		await t
			.update(eventRegistrations)
			.set({ status: 'cancelled', cancelledAt: new Date(), confirmTokenHash: null, confirmExpiresAt: null })
			.where(and(scope, ne(eventRegistrations.status, 'cancelled')));
		let promoted: string[] = [];
		if (holdsSeat(current.status)) {
			await releaseSeat(t, event.id);
			promoted = await fillFreeSeats(t, event.id, input.origin);
		}
		// A guest who never confirmed held nothing and was never told anything but the link.
		if (current.status !== 'pending') await queueRegistrationMail(t, current.id, 'cancelled', input.origin);
		if (input.by === 'organiser') {
			await recordAudit(
				{
					networkId: input.networkId,
					actor: input.actorUserId ? { userId: input.actorUserId, email: null } : null,
					action: 'event.registration.cancelled',
					targetType: 'event_registration',
					targetId: current.id,
					details: { eventId: event.id, email: current.email, previousStatus: current.status, promoted }
				},
				t
			);
		}
		return { ok: true, eventId: event.id, previousStatus: current.status, promoted };
	};
	return tx ? run(tx) : (await db()).transaction(run);
}

async function liveRegistrationId(database: DatabaseOrTransaction, where: ReturnType<typeof and>) {
	const [row] = await database
		.select({ id: eventRegistrations.id })
		.from(eventRegistrations)
		.where(and(where, ne(eventRegistrations.status, 'cancelled')));
	return row?.id ?? null;
}

/** A member cancels their own registration from the event page. */
export async function cancelOwnRegistration(
	actor: Actor,
	eventId: string,
	origin: string
): Promise<CancelResult> {
	if (!actor.userId) return { ok: false, reason: 'NOT_FOUND' };
	const id = await liveRegistrationId(
		await db(),
		and(
			eq(eventRegistrations.networkId, actor.networkId),
			eq(eventRegistrations.eventId, eventId),
			eq(eventRegistrations.userId, actor.userId)
		)
	);
	if (!id) return { ok: false, reason: 'NOT_FOUND' };
	return cancelRegistration({
		networkId: actor.networkId,
		registrationId: id,
		by: 'self',
		actorUserId: actor.userId,
		origin
	});
}

/** Anyone holding the personal link from the mail cancels (or leaves the waitlist). */
export async function cancelByAccessToken(
	networkId: string,
	token: string,
	origin: string
): Promise<CancelResult> {
	if (!isTokenShaped(token)) return { ok: false, reason: 'NOT_FOUND' };
	const id = await liveRegistrationId(
		await db(),
		and(eq(eventRegistrations.networkId, networkId), eq(eventRegistrations.accessTokenHash, hashToken(token)))
	);
	if (!id) return { ok: false, reason: 'ALREADY_CANCELLED' };
	return cancelRegistration({ networkId, registrationId: id, by: 'self', actorUserId: null, origin });
}
