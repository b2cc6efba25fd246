/**
 * A short-lived, per-process cache of directory reads. The atlas is the same for every visitor,
 * and exact facet counts over tens of thousands of matches cost far more than serving a copy.
 * Every change to a network's directory (refreshSearchDocuments runs in each one) forgets the
 * network's entries in this process; other processes on the same PostgreSQL see a change within
 * TTL_MS at the latest.
 */
const TTL_MS = 30_000;
const MAX_ENTRIES = 500;

type Entry = { at: number; generation: number; value: Promise<unknown> };

const entries = new Map<string, Entry>();
const generations = new Map<string, number>();
let enabled = true;

const generationOf = (networkId: string) => generations.get(networkId) ?? 0;

/** Forgets a network's cached reads; call after a change is committed (or in its transaction). */
export function invalidateDirectoryCache(networkId: string) {
	generations.set(networkId, generationOf(networkId) + 1);
}

/** For benchmarks that measure the uncached search. */
export function setDirectoryCacheEnabled(value: boolean) {
	enabled = value;
	entries.clear();
}

export async function cachedDirectoryRead<T>(
	networkId: string,
	key: string,
	read: () => Promise<T>
): Promise<T> {
	if (!enabled) return read();
	const fullKey = `${networkId}\u0000${key}`;
	const now = Date.now();
	const generation = generationOf(networkId);
	const hit = entries.get(fullKey);
	if (hit && hit.generation === generation && now - hit.at < TTL_MS) return hit.value as Promise<T>;
	const value = read();
	entries.delete(fullKey);
	entries.set(fullKey, { at: now, generation, value });
	// A failed read is not remembered.
	value.catch(() => {
		if (entries.get(fullKey)?.value === value) entries.delete(fullKey);
	});
	while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
	return value;
}
