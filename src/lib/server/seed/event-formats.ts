import type { DatabaseOrTransaction } from '../db/index.ts';
import { eventFormats } from '../db/schema/index.ts';
import { defaultEventFormats } from '../../events/vocabulary.ts';

/** Gives a network the standard event formats; safe to repeat (existing keys are kept as edited). */
export async function ensureEventFormats(db: DatabaseOrTransaction, networkId: string) {
	await db
		.insert(eventFormats)
		.values(defaultEventFormats.map((format, position) => ({ networkId, position, ...format })))
		.onConflictDoNothing();
}
