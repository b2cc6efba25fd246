import type { JobRunner } from '../jobs/boss.ts';
import { logger } from '../logger.ts';
import { sweepActionItemReminders } from './meetings/reminders.ts';
import { sendDueDigests } from './notifications/digest.ts';
import { deliverNotificationMails } from './notifications/deliver.ts';

export const CIRCLE_ACTION_ITEM_REMINDERS_JOB = 'circle-action-item-reminders';
export const CIRCLE_DIGESTS_JOB = 'circle-digests';
/** Mails the notifications of one activity to the people who want them at once. */
export const CIRCLE_NOTIFICATION_MAIL_JOB = 'circle-notification-mail';

export type CircleJobSettings = {
	/** When to look for action items due soon (cron, UTC). */
	actionItemRemindersCron: string;
	/** When to look for due daily digests (cron, UTC); each person gets at most one per Berlin day. */
	digestsCron: string;
};

export const defaultCircleJobSettings: CircleJobSettings = {
	actionItemRemindersCron: '0 * * * *',
	digestsCron: '0 5 * * *'
};

/**
 * The circles' background work. As with the event follow-up, correctness does not rest on the
 * schedule: every reminder, notification and digest is claimed by a conditional update (or a
 * unique row) in the transaction that queues its mail.
 */
export async function registerCircleJobs(runner: JobRunner, settings = defaultCircleJobSettings) {
	const { boss } = runner;
	const database = runner.handle.db;
	const polling = {
		pollingIntervalSeconds: runner.settings.pollingIntervalSeconds,
		notifyPollingIntervalSeconds: runner.settings.pollingIntervalSeconds
	};
	for (const name of [CIRCLE_ACTION_ITEM_REMINDERS_JOB, CIRCLE_DIGESTS_JOB])
		await boss.createQueue(name, { policy: 'stately', retryLimit: 2, retryDelay: 60 });
	await boss.createQueue(CIRCLE_NOTIFICATION_MAIL_JOB, { retryLimit: 3, retryDelay: 30 });
	await boss.work(CIRCLE_ACTION_ITEM_REMINDERS_JOB, polling, async () => {
		await sweepActionItemReminders(database, new Date());
	});
	await boss.work(CIRCLE_DIGESTS_JOB, polling, async () => {
		await sendDueDigests(database, new Date());
	});
	await boss.work<{ activityId: string }>(CIRCLE_NOTIFICATION_MAIL_JOB, polling, async (jobs) => {
		for (const job of jobs) await deliverNotificationMails(database, job.data.activityId);
	});
	await boss.schedule(CIRCLE_ACTION_ITEM_REMINDERS_JOB, settings.actionItemRemindersCron);
	await boss.schedule(CIRCLE_DIGESTS_JOB, settings.digestsCron);
	await runner
		.send(CIRCLE_ACTION_ITEM_REMINDERS_JOB, {})
		.catch((error: unknown) => logger.warn({ err: error }, 'circle reminder job not enqueued'));
}
