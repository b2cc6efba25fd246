import { logger } from '../logger.ts';
import type { AuditContext } from '../audit/mutations.ts';
import type { Actor } from '../policy/actor.ts';
import {
	applyImportRun,
	beginImportRun,
	failImportRun,
	recordImportProgress,
	type ImportSummary
} from './mutations.ts';

/**
 * Imports run as a plain task in the server process rather than a pg-boss job: the work is one
 * transaction that either commits or leaves nothing behind, so a queue's retries and persistence
 * add nothing, and the office waits for it right after confirming. If the process dies mid-way,
 * the transaction rolls back and the run stays 'importing' without a task (shown as interrupted).
 */
const running = new Map<string, { done: number; total: number }>();

export function importProgress(runId: string) {
	return running.get(runId) ?? null;
}

export function isImportRunning(runId: string) {
	return running.has(runId);
}

/** The database's own words (drizzle wraps them in "Failed query: <the whole statement>"). */
function rootMessage(error: unknown): string {
	let current = error as { message?: unknown; cause?: unknown } | null;
	for (let depth = 0; current?.cause && typeof current.cause === 'object' && depth < 4; depth++)
		current = current.cause as { message?: unknown; cause?: unknown };
	return typeof current?.message === 'string' ? current.message : String(error);
}

export type StartedImport = { started: true; finished: Promise<ImportSummary | null> } | { started: false };

/** Starts the import of a confirmed run in the background; `finished` settles when it has. */
export async function startImport(input: {
	networkId: string;
	runId: string;
	actor: Pick<Actor, 'userId' | 'email'>;
	context?: AuditContext;
	rowsTotal: number;
}): Promise<StartedImport> {
	const run = await beginImportRun(input.networkId, input.runId);
	if (!run) return { started: false };
	running.set(input.runId, { done: 0, total: input.rowsTotal });
	let lastWrite = 0;
	const finished = applyImportRun({
		...input,
		onProgress: async (done, total) => {
			running.set(input.runId, { done, total });
			// Every few hundred rows is enough for a progress bar and cheap for the database.
			if (done - lastWrite >= 500 || done === total) {
				lastWrite = done;
				await recordImportProgress(input.networkId, input.runId, done);
			}
		}
	})
		.catch(async (error: unknown) => {
			logger.error({ err: error, runId: input.runId }, 'import failed');
			// Nobody may be waiting for this task: a failure to record the failure must not crash the server.
			await failImportRun(input.networkId, input.runId, rootMessage(error)).catch((recordError: unknown) =>
				logger.error({ err: recordError, runId: input.runId }, 'recording the failed import failed')
			);
			return null;
		})
		.finally(() => running.delete(input.runId));
	return { started: true, finished };
}
