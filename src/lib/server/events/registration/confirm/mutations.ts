import { sql } from 'drizzle-orm';
import { db } from '../../../db/index.ts';
import { eventRegistrations, events } from '../../../db/schema/index.ts';
import { owePendingRegistrationMail } from '../mail-job.ts';
import { findPendingByConfirmToken } from '../queries.ts';
import { seatConfirmedGuest } from '../seats.ts';
import { hashToken, isTokenShaped } from '../tokens.ts';

export type ConfirmResult =
	| { ok: true; status: 'registered' | 'waitlisted'; registrationId: string; eventId: string }
	| { ok: false; reason: 'INVALID' | 'EXPIRED' | 'NOT_OPEN'; eventId?: string };

/**
 * A guest confirms the link from the mail. The token is single use: the conditional update clears
 * its hash, so of two clicks at once only one finds it. Only now does the guest queue for a seat —
 * with a new arrival number, drawn after the event's lock like every registration's, so confirming
 * late does not overtake those who waited meanwhile. The confirmation or waitlist mail is owed in
 * the same transaction (rendered by a background job).
 */
export async function confirmGuestRegistration(input: {
	networkId: string;
	token: string;
	origin: string;
}): Promise<ConfirmResult> {
	if (!isTokenShaped(input.token)) return { ok: false, reason: 'INVALID' };
	const tokenHash = hashToken(input.token);
	const confirmed = await (
		await db()
	).transaction(async (tx) => {
		// The event row first, as cancelling and promoting lock it: the same order everywhere, so a
		// guest confirming while an organiser removes them cannot deadlock.
		await tx.execute(sql`
			select ${events.id} from ${events}
			join ${eventRegistrations} on ${eventRegistrations.eventId} = ${events.id}
			where ${eventRegistrations.confirmTokenHash} = ${tokenHash}
				and ${eventRegistrations.networkId} = ${input.networkId}
			for update of ${events}`);
		const result = await tx.execute<{ id: string; event_id: string }>(sql`
			update ${eventRegistrations}
			set confirm_token_hash = null, confirm_expires_at = null, confirmed_at = now()
			where confirm_token_hash = ${tokenHash} and network_id = ${input.networkId}
				and status = 'pending' and confirm_expires_at > now()
				and event_id in (select id from ${events} where status = 'published' and ends_at > now())
			returning id, event_id`);
		const row = result.rows[0];
		if (!row) return null;
		const status = await seatConfirmedGuest(tx, row.event_id, row.id);
		await owePendingRegistrationMail(tx, {
			registrationId: row.id,
			kind: status === 'registered' ? 'confirmed' : 'waitlisted',
			origin: input.origin
		});
		return { registrationId: row.id, eventId: row.event_id, status };
	});
	if (!confirmed) {
		const pending = await findPendingByConfirmToken(input.networkId, input.token);
		if (!pending) return { ok: false, reason: 'INVALID' };
		if (pending.expired) return { ok: false, reason: 'EXPIRED', eventId: pending.event.id };
		return { ok: false, reason: 'NOT_OPEN', eventId: pending.event.id };
	}
	return { ok: true, ...confirmed };
}
