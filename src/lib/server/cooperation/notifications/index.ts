/**
 * Match notifications' contract (implemented in this folder): after `recordMatches`, in the same
 * transaction, the people of every matched organisation who should hear of it (org admins, and
 * contacts with the type's matching function) get a notification row; those who chose
 * 'immediate' are mailed at once (by a job enqueued in the transaction), the rest in the weekly
 * digest.
 */
import type { DatabaseOrTransaction } from '../../db/index.ts';
import { enqueueJob, isJobRunnerStarted } from '../../jobs/boss.ts';
import { COOPERATION_MATCH_MAIL_JOB } from '../jobs.ts';
import { deliverMatchMailsIn, insertMatchNotifications } from './mutations.ts';

export async function notifyMatches(
	tx: DatabaseOrTransaction,
	networkId: string,
	profileId: string
): Promise<number> {
	const { count, immediate } = await insertMatchNotifications(tx, networkId, profileId);
	if (immediate) await oweImmediateMails(tx, networkId, profileId);
	return count;
}

/**
 * Owes the profile's immediate mails, in the caller's transaction: a job row when this process runs
 * the job queue (every server does), so the mails exist if and only if the notifications do, and
 * publishing does not wait for them. Without a runner (a command-line script, the seed, most
 * tests) the mails are queued right here, in the same transaction: still exactly once.
 */
async function oweImmediateMails(tx: DatabaseOrTransaction, networkId: string, profileId: string) {
	if (isJobRunnerStarted()) {
		const jobId = await enqueueJob(COOPERATION_MATCH_MAIL_JOB, { networkId, profileId }, { tx });
		if (jobId) return;
	}
	await deliverMatchMailsIn(tx, networkId, profileId);
}
