/**
 * EXPLAIN (ANALYZE, BUFFERS) of the statement searchDirectory sends, on PostgreSQL: the pool's
 * query method is wrapped for one call to capture the SQL and its parameters.
 */
import type pg from 'pg';
import type { DirectoryQuery } from '../../src/lib/directory/query.ts';
import type { DatabaseHandle } from '../../src/lib/server/db/client.ts';
import { searchDirectory } from '../../src/lib/server/directory/queries.ts';
import type { Audience } from '../../src/lib/server/policy/policy.ts';

type Captured = { text: string; values: unknown[] };

export async function captureSearchSql(
	handle: DatabaseHandle,
	networkId: string,
	audience: Audience,
	query: DirectoryQuery
): Promise<Captured[]> {
	const pool = handle.client as pg.Pool;
	const original = pool.query.bind(pool);
	const seen: Captured[] = [];
	(pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
		const [first, second] = args;
		if (typeof first === 'string') seen.push({ text: first, values: (second as unknown[]) ?? [] });
		else if (first && typeof first === 'object' && 'text' in first)
			seen.push({
				text: String(first.text),
				values: ((second as unknown[] | undefined) ??
					(first as { values?: unknown[] }).values ??
					[]) as unknown[]
			});
		return (original as (...a: unknown[]) => unknown)(...args);
	};
	try {
		await searchDirectory(networkId, audience, query);
	} finally {
		(pool as unknown as { query: unknown }).query = original;
	}
	// The page statement and the count/facet statement.
	const statements = seen.filter((c) => c.text.includes('materialized'));
	if (statements.length === 0) throw new Error('The search statements were not captured.');
	return statements;
}

export async function explainSearch(
	handle: DatabaseHandle,
	networkId: string,
	audience: Audience,
	query: DirectoryQuery
): Promise<string> {
	const pool = handle.client as pg.Pool;
	const plans: string[] = [];
	for (const { text, values } of await captureSearchSql(handle, networkId, audience, query)) {
		const result = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${text}`, values);
		plans.push(result.rows.map((row) => row['QUERY PLAN']).join('\n'));
	}
	return plans.join('\n\n');
}
