import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../helpers/database.ts';
import { hitRateLimit } from '../../src/lib/server/rate-limit/mutations.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
beforeAll(async () => {
	database = await useFreshDatabase();
});
afterAll(() => database.close());

describe('hitRateLimit', () => {
	it('allows up to the limit within a window, then refuses with a retry time', async () => {
		const rule = { limit: 3, windowSeconds: 600 };
		const results = [];
		for (let i = 0; i < 5; i++) results.push(await hitRateLimit('test:sequential', rule));
		expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
		expect(results[4]!.retryAfterSeconds).toBeGreaterThan(500);
		expect(results[4]!.retryAfterSeconds).toBeLessThanOrEqual(600);
	});

	it('counts concurrent hits exactly', async () => {
		const rule = { limit: 10, windowSeconds: 600 };
		const results = await Promise.all(
			Array.from({ length: 25 }, () => hitRateLimit('test:concurrent', rule))
		);
		expect(results.filter((r) => r.allowed)).toHaveLength(10);
	});

	it('keeps keys apart', async () => {
		const rule = { limit: 1, windowSeconds: 600 };
		expect((await hitRateLimit('test:a', rule)).allowed).toBe(true);
		expect((await hitRateLimit('test:b', rule)).allowed).toBe(true);
		expect((await hitRateLimit('test:a', rule)).allowed).toBe(false);
	});
});
