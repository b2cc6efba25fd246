import { sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/index.ts';
import { eventRegistrations } from '../../db/schema/index.ts';

/** 1-based place on the waitlist (arrival order), or null when not waitlisted. */
export async function waitlistPosition(
	tx: DatabaseOrTransaction,
	registrationId: string
): Promise<number | null> {
	const result = await tx.execute<{ position: number | string }>(sql`
		select count(*) as position from ${eventRegistrations} other
		join ${eventRegistrations} mine on mine.id = ${registrationId} and mine.status = 'waitlisted'
		where other.event_id = mine.event_id and other.status = 'waitlisted' and other.seq <= mine.seq`);
	const position = Number(result.rows[0]?.position ?? 0);
	return position > 0 ? position : null;
}
