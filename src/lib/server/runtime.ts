import { count } from 'drizzle-orm';
import { config } from './config.ts';
import { databaseHandle, closeDatabase } from './db/index.ts';
import { networks } from './db/schema/index.ts';
import { createAuth, type Auth, type RequestContext } from './auth/auth.ts';
import { logger } from './logger.ts';
import { seedDemoData, printDemoAccounts } from './seed/demo.ts';
import { ensureDefaultNetwork } from './seed/default-network.ts';
import { startJobs, stopJobs } from './jobs/boss.ts';

type RuntimeOptions = {
	getRequestEvent?: Parameters<typeof createAuth>[0]['getRequestEvent'];
	requestContext: () => Promise<RequestContext>;
};

/** A start-up failure the operator can fix; server/index.ts prints its message without a stack. */
export class StartupError extends Error {
	override name = 'StartupError';
}

let auth: Auth | undefined;
let starting: Promise<void> | undefined;

/**
 * Brings the server up: open the database, apply the committed migrations (a failure stops
 * start-up), seed the demo network into an empty database, start the background jobs.
 */
export function startRuntime(options: RuntimeOptions): Promise<void> {
	starting ??= (async () => {
		const started = performance.now();
		const handle = await databaseHandle();
		await handle.ping().catch((error: Error) => {
			const cause = (error.cause as Error | undefined)?.message ?? error.message;
			throw new StartupError(
				config().DATABASE_URL
					? `the database given by DATABASE_URL is not reachable (${cause}).`
					: `the embedded database in DATA_DIR cannot be opened (${cause}).`
			);
		});
		await handle.migrate();
		const [{ value: existing } = { value: 0 }] = await handle.db.select({ value: count() }).from(networks);
		if (existing === 0) {
			if (config().DEMO_DATA) {
				const summary = await seedDemoData(handle.db);
				logger.info(summary, 'demo data seeded');
				printDemoAccounts();
			} else {
				await ensureDefaultNetwork(handle.db);
			}
		} else if (config().DEMO_DATA) {
			printDemoAccounts();
		}
		auth = createAuth({ db: handle.db, ...options });
		await startJobs(handle, { cooperation: { digestsCron: config().COOPERATION_DIGEST_CRON } });
		logger.info({ driver: handle.driver, ms: Math.round(performance.now() - started) }, 'knotenpunkt ready');
	})();
	return starting;
}

export function getAuth(): Auth {
	if (!auth) throw new Error('The runtime has not been started.');
	return auth;
}

export async function stopRuntime() {
	await stopJobs();
	await closeDatabase();
	starting = undefined;
	auth = undefined;
	// Read by server/index.ts to exit once everything is closed.
	(globalThis as { __knotenpunktStopped?: boolean }).__knotenpunktStopped = true;
}
