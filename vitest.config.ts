import { defineConfig } from 'vitest/config';

/**
 * Unit and integration tests run the server code directly (no SvelteKit plugin needed: domain
 * code never imports $app). Routes are tested through the built app in tests/e2e.
 * `npm test` compiles the Paraglide messages first.
 */
export default defineConfig({
	test: {
		include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		env: { LOG_LEVEL: 'silent' }
	}
});
