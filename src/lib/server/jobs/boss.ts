import { logger } from '../logger.ts';

/** Placeholder until the job runner starts; replaced by the pg-boss implementation. */
export async function enqueueJob(name: string, data: Record<string, unknown>) {
	logger.warn({ name, data }, 'job queue not started');
}

export async function startJobs(_handle: unknown) {}
export async function stopJobs() {}
