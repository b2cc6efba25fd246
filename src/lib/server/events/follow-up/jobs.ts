import type { JobRunner } from '../../jobs/boss.ts';
import { logger } from '../../logger.ts';
import { sweepEndedEvents, sweepReminders } from './mutations.ts';

export const EVENT_REMINDERS_JOB = 'event-reminders';
export const EVENT_FOLLOW_UP_JOB = 'event-follow-up';

export type FollowUpJobSettings = {
	/** When to look for due reminders (cron, UTC). */
	remindersCron: string;
	/** When to look for ended events (feedback requests, attendance figures). */
	followUpCron: string;
};

export const defaultFollowUpJobSettings: FollowUpJobSettings = {
	remindersCron: '*/5 * * * *',
	followUpCron: '*/15 * * * *'
};

/**
 * The sweeps run on a schedule and once at start. pg-boss' cron fires one job per schedule slot
 * across all processes, and 'stately' queues hold at most one waiting and one running job; but correctness does not
 * rest on that: every reminder and feedback request is claimed by a conditional update, so two
 * processes sweeping at once still send each mail exactly once.
 */
export async function registerFollowUpJobs(runner: JobRunner, settings = defaultFollowUpJobSettings) {
	const { boss } = runner;
	const database = runner.handle.db;
	const polling = {
		pollingIntervalSeconds: runner.settings.pollingIntervalSeconds,
		notifyPollingIntervalSeconds: runner.settings.pollingIntervalSeconds
	};
	await boss.createQueue(EVENT_REMINDERS_JOB, { policy: 'stately', retryLimit: 2, retryDelay: 60 });
	await boss.createQueue(EVENT_FOLLOW_UP_JOB, { policy: 'stately', retryLimit: 2, retryDelay: 60 });
	await boss.work(EVENT_REMINDERS_JOB, polling, async () => {
		await sweepReminders(database);
	});
	await boss.work(EVENT_FOLLOW_UP_JOB, polling, async () => {
		await sweepEndedEvents(database);
	});
	await boss.schedule(EVENT_REMINDERS_JOB, settings.remindersCron);
	await boss.schedule(EVENT_FOLLOW_UP_JOB, settings.followUpCron);
	// A run at start catches up on whatever fell due while no process was up.
	for (const name of [EVENT_REMINDERS_JOB, EVENT_FOLLOW_UP_JOB])
		await runner
			.send(name, {})
			.catch((error: unknown) => logger.warn({ err: error, job: name }, 'follow-up job not enqueued'));
}
