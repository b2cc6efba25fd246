import { sql } from 'drizzle-orm';
import { db } from '../db/index.ts';
import { rateLimits } from '../db/schema/index.ts';

export type RateLimitRule = { limit: number; windowSeconds: number };

export const rateLimitRules = {
	// Generous: a member company's staff may all sign in from one shared address.
	signInPerIp: { limit: 60, windowSeconds: 15 * 60 },
	signInPerAccount: { limit: 5, windowSeconds: 15 * 60 },
	signUpPerIp: { limit: 5, windowSeconds: 60 * 60 },
	passwordResetPerIp: { limit: 5, windowSeconds: 60 * 60 },
	passwordResetPerAccount: { limit: 3, windowSeconds: 60 * 60 },
	invitationAcceptPerIp: { limit: 20, windowSeconds: 15 * 60 }
} satisfies Record<string, RateLimitRule>;

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

/**
 * Fixed-window counter in one atomic upsert, so concurrent requests (and several server processes
 * against one PostgreSQL) count correctly.
 */
export async function hitRateLimit(key: string, rule: RateLimitRule): Promise<RateLimitResult> {
	const window = `${rule.windowSeconds} seconds`;
	const [row] = await (
		await db()
	)
		.insert(rateLimits)
		.values({ key, count: 1, windowStart: sql`now()` })
		.onConflictDoUpdate({
			target: rateLimits.key,
			set: {
				count: sql`case when ${rateLimits.windowStart} < now() - ${window}::interval then 1 else ${rateLimits.count} + 1 end`,
				windowStart: sql`case when ${rateLimits.windowStart} < now() - ${window}::interval then now() else ${rateLimits.windowStart} end`
			}
		})
		.returning({
			count: rateLimits.count,
			retryAfter: sql<number>`greatest(1, ceil(extract(epoch from (${rateLimits.windowStart} + ${window}::interval - now()))))::int`
		});
	const count = row?.count ?? 1;
	return { allowed: count <= rule.limit, retryAfterSeconds: row?.retryAfter ?? rule.windowSeconds };
}

export async function clearRateLimit(key: string) {
	await (await db()).delete(rateLimits).where(sql`${rateLimits.key} = ${key}`);
}
