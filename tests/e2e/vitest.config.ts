import { defineConfig } from 'vitest/config';

/**
 * Browser journeys through the built app (`npm test` builds it into build-e2e/ first). Each file
 * starts its own server; two files at a time keep a 2-core machine busy without starving either.
 */
export default defineConfig({
	test: {
		root: new URL('../..', import.meta.url).pathname,
		include: ['tests/e2e/**/*.e2e.test.ts'],
		// The same build on PostgreSQL needs a server to create its database on.
		exclude: process.env.TEST_DATABASE_URL ? [] : ['tests/e2e/postgres.e2e.test.ts'],
		globalSetup: ['tests/e2e/global-setup.ts'],
		testTimeout: 60_000,
		hookTimeout: 180_000,
		teardownTimeout: 30_000,
		maxWorkers: 2,
		env: { LOG_LEVEL: 'silent' }
	}
});
