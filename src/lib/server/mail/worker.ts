import type { JobWithMetadata } from 'pg-boss';
import type { JobRunner } from '../jobs/boss.ts';
import { logger } from '../logger.ts';
import { deliverMail, findQueuedMailIds, markInterruptedMail } from './delivery.ts';
import { MAIL_DEAD_LETTER_JOB, MAIL_JOB, MAIL_REQUEUE_JOB, type MailJobData } from './names.ts';

export type MailJobSettings = {
	/** Retries after the first attempt; then the mail is 'failed'. */
	retryLimit: number;
	retryDelaySeconds: number;
	/** Exponential backoff from retryDelaySeconds (with jitter), capped at retryDelayMaxSeconds. */
	retryBackoff: boolean;
	retryDelayMaxSeconds: number;
	/** An attempt still running after this long is considered lost and retried. */
	expireInSeconds: number;
	/** When to look for mails left 'queued' without a job (cron, UTC). */
	requeueCron: string;
};

/** Six retries over roughly an hour: 1, 2, 4, 8, 16, 32 minutes (plus jitter). */
export const defaultMailJobSettings: MailJobSettings = {
	retryLimit: 6,
	retryDelaySeconds: 60,
	retryBackoff: true,
	retryDelayMaxSeconds: 3600,
	expireInSeconds: 300,
	requeueCron: '*/5 * * * *'
};

/**
 * Enqueues every mail waiting in 'queued' (queued while no runner was up, or by a process without
 * one). The singleton key per mail id makes this safe to repeat: a mail that already has a
 * waiting, retrying or running job gets no second one.
 */
export async function requeueWaitingMails(runner: JobRunner) {
	let enqueued = 0;
	for (const mailId of await findQueuedMailIds(runner.handle.db)) {
		if (await runner.send(MAIL_JOB, { mailId } satisfies MailJobData, { singletonKey: mailId })) enqueued++;
	}
	if (enqueued) logger.info({ count: enqueued }, 'waiting mails enqueued');
	return enqueued;
}

export async function registerMailJobs(runner: JobRunner) {
	const { boss, settings } = runner;
	const retries = {
		retryLimit: settings.mail.retryLimit,
		retryDelay: settings.mail.retryDelaySeconds,
		retryBackoff: settings.mail.retryBackoff,
		expireInSeconds: settings.mail.expireInSeconds
	};
	// pg-boss accepts a maximum delay only together with backoff.
	const retryDelayMax = settings.mail.retryBackoff ? settings.mail.retryDelayMaxSeconds : undefined;
	const polling = {
		pollingIntervalSeconds: settings.pollingIntervalSeconds,
		notifyPollingIntervalSeconds: settings.pollingIntervalSeconds
	};
	await boss.createQueue(MAIL_DEAD_LETTER_JOB);
	// 'exclusive': at most one waiting or running job per mail id (the singleton key).
	await boss.createQueue(MAIL_JOB, {
		policy: 'exclusive',
		deadLetter: MAIL_DEAD_LETTER_JOB,
		notify: true,
		...retries,
		...(retryDelayMax ? { retryDelayMax } : {})
	});
	// An existing queue keeps its policy but takes the current retry settings.
	await boss.updateQueue(MAIL_JOB, {
		deadLetter: MAIL_DEAD_LETTER_JOB,
		notify: true,
		...retries,
		retryDelayMax: retryDelayMax ?? null
	});
	await boss.createQueue(MAIL_REQUEUE_JOB, { policy: 'short', retryLimit: 0 });

	const database = runner.handle.db;
	await boss.work(
		MAIL_JOB,
		// Batches, fetched back to back while they come full: one job per polling interval would
		// leave a mail to everyone registered for an event trickling out for minutes.
		{ ...polling, includeMetadata: true, localConcurrency: 2, batchSize: 5, burstWhenBatchFull: true },
		async (jobs: JobWithMetadata<MailJobData>[]) => {
			// Every mail of the batch gets its attempt; a failure then fails the batch, and the
			// retries skip the mails already sent (their row is no longer claimable).
			let failure: unknown;
			for (const job of jobs) {
				try {
					await deliverMail(database, job);
				} catch (error) {
					failure ??= error;
				}
			}
			if (failure) throw failure;
		}
	);
	await boss.work<MailJobData>(MAIL_DEAD_LETTER_JOB, polling, async (jobs) => {
		for (const job of jobs) await markInterruptedMail(database, job.data);
	});
	await boss.work(MAIL_REQUEUE_JOB, polling, async () => {
		await requeueWaitingMails(runner);
	});
	await boss.schedule(MAIL_REQUEUE_JOB, settings.mail.requeueCron);
	await requeueWaitingMails(runner);
}
