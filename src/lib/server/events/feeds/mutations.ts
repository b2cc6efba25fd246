import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { db } from '../../db/index.ts';
import { calendarFeedTokens } from '../../db/schema/index.ts';
import { isUniqueViolation } from '../../errors.ts';
import { recordAudit, type AuditContext } from '../../audit/mutations.ts';
import type { Actor } from '../../policy/actor.ts';
import { FEED_TOKEN_TOUCH_SECONDS, generateFeedToken, hashFeedToken } from './tokens.ts';

type FeedOwner = Pick<Actor, 'networkId' | 'userId' | 'email'> & { userId: string };

/**
 * A new feed token for the user; a live one is revoked in the same transaction, so its URLs stop
 * working at once ("renew" = new URL). One live token per user is kept by a unique index: when two
 * requests race, the loser's transaction fails and is tried once more on top of the winner's.
 * Returns the plain token: it is shown once and never stored.
 */
export async function createFeedToken(
	owner: FeedOwner,
	context: AuditContext
): Promise<{ token: string; replaced: boolean }> {
	for (let attempt = 0; ; attempt++) {
		try {
			return await issueFeedToken(owner, context);
		} catch (error) {
			if (!isUniqueViolation(error) || attempt >= 1) throw error;
		}
	}
}

async function issueFeedToken(owner: FeedOwner, context: AuditContext) {
	const token = generateFeedToken();
	return (await db()).transaction(async (tx) => {
		const now = new Date();
		const revoked = await tx
			.update(calendarFeedTokens)
			.set({ revokedAt: now })
			.where(liveTokenOf(owner))
			.returning({ id: calendarFeedTokens.id });
		const [row] = await tx
			.insert(calendarFeedTokens)
			.values({ networkId: owner.networkId, userId: owner.userId, tokenHash: hashFeedToken(token) })
			.returning({ id: calendarFeedTokens.id });
		await recordAudit(
			{
				networkId: owner.networkId,
				actor: owner,
				action: revoked.length ? 'calendar_feed.renewed' : 'calendar_feed.created',
				targetType: 'calendar_feed_token',
				targetId: row!.id,
				details: revoked.length ? { revokedTokenId: revoked[0]!.id } : {},
				context
			},
			tx
		);
		return { token, replaced: revoked.length > 0 };
	});
}

/** Revokes the user's live token; its URLs answer 404 from now on. False when there was none. */
export async function revokeFeedToken(owner: FeedOwner, context: AuditContext): Promise<boolean> {
	return (await db()).transaction(async (tx) => {
		const revoked = await tx
			.update(calendarFeedTokens)
			.set({ revokedAt: new Date() })
			.where(liveTokenOf(owner))
			.returning({ id: calendarFeedTokens.id });
		if (revoked.length === 0) return false;
		await recordAudit(
			{
				networkId: owner.networkId,
				actor: owner,
				action: 'calendar_feed.revoked',
				targetType: 'calendar_feed_token',
				targetId: revoked[0]!.id,
				context
			},
			tx
		);
		return true;
	});
}

/** Records a use, unless one was recorded in the last few minutes (feeds are polled often). */
export async function touchFeedToken(tokenId: string, now = new Date()) {
	const threshold = new Date(now.getTime() - FEED_TOKEN_TOUCH_SECONDS * 1000);
	await (
		await db()
	)
		.update(calendarFeedTokens)
		.set({ lastUsedAt: now })
		.where(
			and(
				eq(calendarFeedTokens.id, tokenId),
				or(isNull(calendarFeedTokens.lastUsedAt), lt(calendarFeedTokens.lastUsedAt, threshold))
			)
		);
}

function liveTokenOf(owner: FeedOwner) {
	return and(
		eq(calendarFeedTokens.networkId, owner.networkId),
		eq(calendarFeedTokens.userId, owner.userId),
		isNull(calendarFeedTokens.revokedAt)
	);
}
