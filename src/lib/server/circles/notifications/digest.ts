import type { Database } from '../../db/index.ts';

/** Sends every person with unmailed, unseen notifications in 'digest' mode one digest per Berlin day. */
export async function sendDueDigests(database: Database, now: Date): Promise<number> {
	void database;
	void now;
	return 0;
}
