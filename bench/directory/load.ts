/** Concurrent clients calling one async function for a bounded time, with latency percentiles. */
import { createRandom, type Random } from './random.ts';

export type Stats = { count: number; p50: number; p95: number; p99: number; max: number };

export function percentiles(values: number[]): Stats {
	const sorted = [...values].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
	return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? NaN };
}

export type Measured<K extends string> = {
	requestsPerSecond: number;
	all: Stats;
	byGroup: Record<K, Stats>;
	errors: number;
	firstError?: unknown;
};

/**
 * `clients` loops, each issuing one request after the other for `seconds`. `request` returns the
 * group its sample belongs to (e.g. the audience) so one run yields per-group percentiles.
 */
export async function runClients<K extends string>(
	clients: number,
	seconds: number,
	seed: number,
	request: (random: Random, client: number, iteration: number) => Promise<K>
): Promise<Measured<K>> {
	const samples = new Map<K, number[]>();
	const all: number[] = [];
	let errors = 0;
	let firstError: unknown;
	const started = performance.now();
	const deadline = started + seconds * 1000;
	await Promise.all(
		Array.from({ length: clients }, async (_, client) => {
			const random = createRandom(seed * 31 + client);
			for (let iteration = 0; performance.now() < deadline; iteration++) {
				const t0 = performance.now();
				try {
					const group = await request(random, client, iteration);
					const ms = performance.now() - t0;
					all.push(ms);
					const list = samples.get(group) ?? [];
					list.push(ms);
					samples.set(group, list);
				} catch (error) {
					errors++;
					firstError ??= error;
				}
			}
		})
	);
	const elapsed = (performance.now() - started) / 1000;
	const byGroup = Object.fromEntries([...samples].map(([key, list]) => [key, percentiles(list)])) as Record<
		K,
		Stats
	>;
	return { requestsPerSecond: all.length / elapsed, all: percentiles(all), byGroup, errors, firstError };
}
