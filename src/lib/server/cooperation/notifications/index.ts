/**
 * Match notifications' contract (implemented in this folder): after `recordMatches`, in the same
 * transaction, the people of every matched organisation who should hear of it (org admins, and
 * contacts with the type's matching function) get a notification row; those who chose
 * 'immediate' are mailed at once (by a job enqueued in the transaction), the rest in the weekly
 * digest.
 */
import type { DatabaseOrTransaction } from '../../db/index.ts';

export async function notifyMatches(
	tx: DatabaseOrTransaction,
	networkId: string,
	profileId: string
): Promise<number> {
	void tx;
	void networkId;
	void profileId;
	throw new Error('not implemented');
}
