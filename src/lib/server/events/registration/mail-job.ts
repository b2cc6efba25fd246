import { sql } from 'drizzle-orm';
import { fromDrizzle, type DrizzleTransactionLike, type Job } from 'pg-boss';
import type { Transaction } from '../../db/index.ts';
import { enqueueJob, isJobRunnerStarted, type JobRunner } from '../../jobs/boss.ts';
import { logger } from '../../logger.ts';
import { isUuid } from '../../mail/ids.ts';
import { queueRegistrationMail } from './mails.ts';
import type { MailKind } from './types.ts';

/**
 * The confirmation and waitlist mails of a new (or newly confirmed) registration are rendered in
 * the background: the QR code and the .ics cost more than the registration itself. The job is
 * inserted in the registration's own transaction, so the mail is owed if and only if the
 * registration exists, and it survives a crash between the answer and the rendering.
 */
export const EVENT_REGISTRATION_MAIL_JOB = 'event-registration-mail';

export type RegistrationMailJobData = {
	registrationId: string;
	kind: Extract<MailKind, 'confirmed' | 'waitlisted'>;
	origin: string;
};

/** One rendering per registration and kind (the queue's 'exclusive' policy enforces it). */
const singletonKey = (data: RegistrationMailJobData) => `${data.registrationId}:${data.kind}`;

/**
 * Owes the registration its mail, in the caller's transaction. With a job runner in this process
 * (every server has one) that is a job row; without one — a command-line script, most tests — the
 * mail is rendered right here, in the same transaction. That is the simplest choice that stays
 * correct: the mail still exists if and only if the registration does, it only costs the caller
 * the rendering time. (Leaving a row for a later runner, as queueMail does with 'queued' mails,
 * would need a registration-mail outbox of its own.) A runner that declines the job (it stopped
 * in between) gets the same fallback; a duplicate cannot be the reason, since the registration
 * was created or confirmed in this very transaction.
 */
export async function owePendingRegistrationMail(tx: Transaction, data: RegistrationMailJobData) {
	if (isJobRunnerStarted()) {
		const jobId = await enqueueJob(EVENT_REGISTRATION_MAIL_JOB, data, {
			tx,
			singletonKey: singletonKey(data)
		});
		if (jobId) return;
	}
	await queueRegistrationMail(tx, data.registrationId, data.kind, data.origin);
}

function isJobData(data: unknown): data is RegistrationMailJobData {
	const { registrationId, kind, origin } = (data ?? {}) as Record<string, unknown>;
	return (
		typeof registrationId === 'string' &&
		isUuid(registrationId) &&
		(kind === 'confirmed' || kind === 'waitlisted') &&
		typeof origin === 'string' &&
		/^https?:\/\/[^\s/]+/.test(origin)
	);
}

/**
 * Renders one registration's mail. The job is completed inside the same transaction that stores
 * the mail (fenced to this attempt), so a retry after a crash or an expired attempt never queues it
 * twice; a rendering that throws rolls both back and pg-boss retries. A mail that is no longer
 * true (the person was promoted, cancelled, or the event was called off meanwhile) is skipped:
 * the later mail says what holds.
 */
async function renderRegistrationMail(runner: JobRunner, job: Job<RegistrationMailJobData>) {
	if (!isJobData(job.data)) {
		logger.warn(
			{ job: EVENT_REGISTRATION_MAIL_JOB, jobId: job.id },
			'registration mail job with invalid data'
		);
		return;
	}
	const { registrationId, kind, origin } = job.data;
	await runner.handle.db.transaction(async (tx) => {
		const db = fromDrizzle(tx as unknown as DrizzleTransactionLike, sql);
		const settled = await runner.boss.complete(
			EVENT_REGISTRATION_MAIL_JOB,
			{ id: job.id, retryCount: job.retryCount },
			null,
			{ db }
		);
		// Another attempt holds the job now (this one expired): it will render the mail. (pg-boss
		// answers { jobs, requested, affected }; its published type leaves the fields out.)
		if (!(settled as { affected?: number }).affected) return;
		const mailId = await queueRegistrationMail(tx, registrationId, kind, origin, { skipIfStale: true });
		if (!mailId) logger.info({ registrationId, kind }, 'registration mail no longer current; skipped');
	});
}

export async function registerRegistrationMailJobs(runner: JobRunner) {
	const { boss, settings } = runner;
	await boss.createQueue(EVENT_REGISTRATION_MAIL_JOB, {
		policy: 'exclusive',
		notify: true,
		retryLimit: 5,
		retryDelay: 10,
		retryBackoff: true,
		expireInSeconds: 120
	});
	// Batches of up to 10 per fetch, fetched back to back while they come back full: a burst of
	// registrations is worked off at once, not one job per polling interval (pg-boss waits the
	// interval after every fetch otherwise; NOTIFY only wakes an idle worker).
	await boss.work<RegistrationMailJobData>(
		EVENT_REGISTRATION_MAIL_JOB,
		{
			pollingIntervalSeconds: settings.pollingIntervalSeconds,
			notifyPollingIntervalSeconds: settings.pollingIntervalSeconds,
			localConcurrency: 2,
			batchSize: 10,
			burstWhenBatchFull: true
		},
		async (jobs) => {
			// Each job settles itself in its own transaction; one that fails does not hold up the rest,
			// and the throw at the end hands pg-boss only the unsettled ones to retry.
			let failure: unknown;
			for (const job of jobs) {
				try {
					await renderRegistrationMail(runner, job);
				} catch (error) {
					failure ??= error;
					logger.error({ err: error, jobId: job.id }, 'registration mail not rendered; will retry');
				}
			}
			if (failure) throw failure;
		}
	);
}
