import type { PGlite } from '@electric-sql/pglite';
import type { Pool } from 'pg';
import { sql } from 'drizzle-orm';
import { PgBoss, fromDrizzle, fromPglite, type DrizzleTransactionLike, type SendOptions } from 'pg-boss';
import type { DatabaseHandle, DatabaseOrTransaction } from '../db/client.ts';
import { logger } from '../logger.ts';
import { defaultMailJobSettings, registerMailJobs, type MailJobSettings } from '../mail/worker.ts';
import { closeMailTransport } from '../mail/transport.ts';
import {
	defaultFollowUpJobSettings,
	registerFollowUpJobs,
	type FollowUpJobSettings
} from '../events/follow-up/jobs.ts';
import { registerRegistrationMailJobs } from '../events/registration/mail-job.ts';
import { defaultCircleJobSettings, registerCircleJobs, type CircleJobSettings } from '../circles/jobs.ts';
import {
	defaultCooperationJobSettings,
	registerCooperationJobs,
	type CooperationJobSettings
} from '../cooperation/jobs.ts';

/**
 * Background jobs on pg-boss, in the application's own database: the embedded PGlite (in-process,
 * through pg-boss' PGlite adapter) or PostgreSQL (pg-boss' own small pool). Jobs are rows, so they
 * survive restarts, and several server processes on one PostgreSQL share the work.
 */
export type JobSettings = {
	/** How often idle workers look for due jobs (new jobs also arrive by LISTEN/NOTIFY). */
	pollingIntervalSeconds: number;
	/** How long stop() lets running jobs finish before failing them back into the queue. */
	stopTimeoutMs: number;
	mail: MailJobSettings;
	/** Event reminders, feedback requests and attendance figures. */
	followUp: FollowUpJobSettings;
	/** Action item reminders and notification digests of the expert circles. */
	circles: CircleJobSettings;
	/** Weekly match digests and expiry reminders of the cooperation exchange. */
	cooperation: CooperationJobSettings;
};

export type JobSettingsOverrides = Partial<
	Omit<JobSettings, 'mail' | 'followUp' | 'circles' | 'cooperation'>
> & {
	mail?: Partial<MailJobSettings>;
	followUp?: Partial<FollowUpJobSettings>;
	circles?: Partial<CircleJobSettings>;
	cooperation?: Partial<CooperationJobSettings>;
};

export type EnqueueOptions = Omit<SendOptions, 'db'> & {
	/** Enqueue inside this transaction: the job exists only if the transaction commits. */
	tx?: DatabaseOrTransaction;
};

export type JobRunner = {
	readonly boss: PgBoss;
	readonly handle: DatabaseHandle;
	readonly settings: JobSettings;
	send(name: string, data: object, options?: EnqueueOptions): Promise<string | null>;
	stop(): Promise<void>;
};

export const defaultJobSettings: JobSettings = {
	pollingIntervalSeconds: 10,
	// server/index.ts exits 4 s after SIGTERM at the latest; the database must be closed before.
	stopTimeoutMs: 2500,
	mail: defaultMailJobSettings,
	followUp: defaultFollowUpJobSettings,
	circles: defaultCircleJobSettings,
	cooperation: defaultCooperationJobSettings
};

export function resolveJobSettings(overrides: JobSettingsOverrides = {}): JobSettings {
	return {
		...defaultJobSettings,
		...overrides,
		mail: { ...defaultJobSettings.mail, ...overrides.mail },
		followUp: { ...defaultJobSettings.followUp, ...overrides.followUp },
		circles: { ...defaultJobSettings.circles, ...overrides.circles },
		cooperation: { ...defaultJobSettings.cooperation, ...overrides.cooperation }
	};
}

function createBoss(handle: DatabaseHandle) {
	const common = { useListenNotify: true, application_name: 'knotenpunkt-jobs' } as const;
	if (handle.driver === 'pglite') {
		return new PgBoss({ ...common, db: fromPglite(handle.client as PGlite), backend: 'pglite' });
	}
	// Its own small pool (LISTEN needs a dedicated connection); same database, same credentials.
	const { connectionString } = (handle.client as Pool).options;
	return new PgBoss({ ...common, connectionString, max: 4 });
}

/**
 * Starts pg-boss on the given database (creating or migrating its schema) and registers every
 * worker of the application. Tests create several runners to play several server processes.
 */
export async function createJobRunner(
	handle: DatabaseHandle,
	overrides: JobSettingsOverrides = {}
): Promise<JobRunner> {
	const settings = resolveJobSettings(overrides);
	const boss = createBoss(handle);
	// pg-boss errors are its own (connection, maintenance); they carry no credentials.
	boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
	boss.on('warning', (warning) => logger.warn({ warning: warning.message }, 'job queue warning'));
	await boss.start();
	let stopping: Promise<void> | undefined;
	const runner: JobRunner = {
		boss,
		handle,
		settings,
		send: (name, data, options = {}) => {
			const { tx, ...sendOptions } = options;
			const db = tx ? fromDrizzle(tx as unknown as DrizzleTransactionLike, sql) : undefined;
			return boss.send(name, data, db ? { ...sendOptions, db } : sendOptions);
		},
		stop: () => (stopping ??= boss.stop({ graceful: true, timeout: settings.stopTimeoutMs, close: true }))
	};
	try {
		await registerMailJobs(runner);
		await registerFollowUpJobs(runner, settings.followUp);
		await registerRegistrationMailJobs(runner);
		await registerCircleJobs(runner, settings.circles);
		await registerCooperationJobs(runner, settings.cooperation);
	} catch (error) {
		await runner.stop();
		throw error;
	}
	return runner;
}

let current: JobRunner | undefined;
let starting: Promise<JobRunner> | undefined;

/** Starts this process' job runner (once) with the mail, registration-mail and event follow-up workers. */
export async function startJobs(handle: DatabaseHandle, overrides: JobSettingsOverrides = {}) {
	starting ??= createJobRunner(handle, overrides).then(
		(runner) => {
			current = runner;
			logger.info({ driver: handle.driver }, 'job runner started');
			return runner;
		},
		(error: unknown) => {
			starting = undefined;
			throw error;
		}
	);
	return starting;
}

/** Stops the runner: running jobs get a short grace period, then go back to the queue. */
export async function stopJobs() {
	const pending = starting;
	starting = undefined;
	current = undefined;
	if (!pending) return;
	const runner = await pending.catch(() => undefined);
	if (runner) await runner.stop();
	closeMailTransport();
	logger.info('job runner stopped');
}

export function isJobRunnerStarted() {
	return current !== undefined;
}

/**
 * Sends a job to this process' runner. Answers the job id, or null when a job with the same
 * singletonKey is already waiting or running, or when the runner is not started (callers that
 * must not lose work keep their own state — mails stay 'queued' and are re-enqueued on start).
 */
export async function enqueueJob(
	name: string,
	data: Record<string, unknown>,
	options: EnqueueOptions = {}
): Promise<string | null> {
	if (!current) {
		logger.warn({ job: name }, 'job runner not started; job not enqueued');
		return null;
	}
	return current.send(name, data, options);
}
