import type { JobRunner } from '../jobs/boss.ts';
import { isUuid } from '../office/params.ts';
import { logger } from '../logger.ts';
import { deliverMatchMails, sendDueDigests } from './notifications/mutations.ts';
import { sweepExpiryReminders } from './authoring/expiry.ts';

export const COOPERATION_DIGESTS_JOB = 'cooperation-digests';
export const COOPERATION_MATCH_MAIL_JOB = 'cooperation-match-mail';
export const COOPERATION_EXPIRY_REMINDERS_JOB = 'cooperation-expiry-reminders';

export type CooperationJobSettings = {
	/** When to send the weekly match digests (cron, UTC); each person gets at most one per ISO week. */
	digestsCron: string;
	/** When to remind owners of profiles about to expire (cron, UTC). */
	expiryRemindersCron: string;
};

export const defaultCooperationJobSettings: CooperationJobSettings = {
	digestsCron: '0 6 * * 1',
	expiryRemindersCron: '30 5 * * *'
};

/**
 * The cooperation exchange's background work: the weekly match digests (Monday morning), the
 * immediate match mails (one job per published or renewed profile) and the daily expiry
 * reminders. Correctness does not rest on the schedule: every match mail and reminder is claimed
 * by a conditional update (a digest by its unique row per ISO week) in the transaction that
 * queues its mail, so a retried or doubled run sends nothing twice.
 */
export async function registerCooperationJobs(runner: JobRunner, settings = defaultCooperationJobSettings) {
	const { boss } = runner;
	const database = runner.handle.db;
	const polling = {
		pollingIntervalSeconds: runner.settings.pollingIntervalSeconds,
		notifyPollingIntervalSeconds: runner.settings.pollingIntervalSeconds
	};
	for (const name of [COOPERATION_DIGESTS_JOB, COOPERATION_EXPIRY_REMINDERS_JOB])
		await boss.createQueue(name, { policy: 'stately', retryLimit: 2, retryDelay: 60 });
	await boss.createQueue(COOPERATION_MATCH_MAIL_JOB, { retryLimit: 3, retryDelay: 30 });
	await boss.work(COOPERATION_DIGESTS_JOB, polling, async () => {
		await sendDueDigests(database, new Date());
	});
	await boss.work(COOPERATION_EXPIRY_REMINDERS_JOB, polling, async () => {
		await sweepExpiryReminders(database, new Date());
	});
	await boss.work<{ networkId: string; profileId: string }>(
		COOPERATION_MATCH_MAIL_JOB,
		polling,
		async (jobs) => {
			for (const { data } of jobs) {
				if (!isUuid(data.networkId) || !isUuid(data.profileId)) {
					logger.warn({ job: COOPERATION_MATCH_MAIL_JOB }, 'cooperation match mail job with invalid data');
					continue;
				}
				await deliverMatchMails(database, data.networkId, data.profileId);
			}
		}
	);
	await boss.schedule(COOPERATION_DIGESTS_JOB, settings.digestsCron);
	await boss.schedule(COOPERATION_EXPIRY_REMINDERS_JOB, settings.expiryRemindersCron);
	// A server that was down at the daily time still reminds today (the claim makes it once).
	await runner
		.send(COOPERATION_EXPIRY_REMINDERS_JOB, {})
		.catch((error: unknown) => logger.warn({ err: error }, 'cooperation expiry reminder job not enqueued'));
}
