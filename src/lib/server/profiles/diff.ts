/** Values compare by content: arrays and objects as JSON, so `['a']` equals `['a']`. */
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields of `next` whose values differ from `previous`, as the audit log records them:
 * before and after of only those fields.
 */
export function changedFields<T extends Record<string, unknown>>(previous: Partial<T>, next: T) {
	const before: Record<string, unknown> = {};
	const after: Record<string, unknown> = {};
	for (const key of Object.keys(next)) {
		if (same(previous[key], next[key])) continue;
		before[key] = previous[key] ?? null;
		after[key] = next[key] ?? null;
	}
	return { before, after };
}
