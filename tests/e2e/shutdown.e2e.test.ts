import { describe, expect, it } from 'vitest';
import { startApp } from './harness.ts';

describe('graceful shutdown', () => {
	it('closes the database and exits with code 0 within a few seconds of SIGTERM, even with a keep-alive connection open', async () => {
		const app = await startApp();
		// An idle keep-alive connection must not hold the process open.
		const response = await fetch(`${app.baseUrl}/`, { headers: { connection: 'keep-alive' } });
		expect(response.status).toBe(200);
		await response.text();
		const stopped = await app.stop(8000);
		expect(stopped).toMatchObject({ code: 0, signal: null });
		expect(stopped.ms).toBeLessThan(5000);
		expect(app.output()).toContain('SIGTERM received');
	});
});
