import { and, asc, eq, inArray, isNull, sql, TransactionRollbackError } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../../db/index.ts';
import {
	circleActivities,
	circleDigests,
	circleMemberships,
	circleNotifications,
	circles,
	user
} from '../../db/schema/index.ts';
import { logger } from '../../logger.ts';
import { berlinDay } from '../meetings/dates.ts';
import { findMailNetwork } from '../../networks/queries.ts';
import { queueDigestMail } from './mails.ts';

/**
 * A notification owed to the digest: not mailed, not opened, from before `now`, and its person is
 * still a member of the circle whose *current* preference is 'digest' (people who left, or switched
 * to 'immediate' or 'off', are not sent it).
 */
const owedToDigest = (now: Date) =>
	and(
		isNull(circleNotifications.emailedAt),
		isNull(circleNotifications.seenAt),
		sql`${circleNotifications.createdAt} < ${now}`,
		sql`exists (select 1 from ${circleMemberships}
			where ${circleMemberships.circleId} = ${circleNotifications.circleId}
			and ${circleMemberships.userId} = ${circleNotifications.userId}
			and ${circleMemberships.networkId} = ${circleNotifications.networkId}
			and ${circleMemberships.notificationMode} = 'digest')`
	);

async function findDigestRecipients(database: DatabaseOrTransaction, now: Date) {
	return database
		.selectDistinct({ networkId: circleNotifications.networkId, userId: circleNotifications.userId })
		.from(circleNotifications)
		.where(owedToDigest(now));
}

/** A transaction that found nothing to send is rolled back: no digest row, no mail. */
class NothingToSend extends Error {}

/**
 * One person's digest of the day: the row (network, person, Berlin day) comes first — its primary
 * key lets one of several concurrent runs through and makes a second run that day a no-op — then
 * the claim of exactly the items it lists, then the mail, all in one transaction.
 */
async function sendDigest(database: Database, networkId: string, userId: string, now: Date) {
	try {
		return await database.transaction(async (tx) => {
			const [row] = await tx
				.insert(circleDigests)
				.values({ networkId, userId, day: berlinDay(now), itemCount: 0 })
				.onConflictDoNothing()
				.returning({ day: circleDigests.day });
			if (!row) return 0;
			const claimed = await tx
				.update(circleNotifications)
				.set({ emailedAt: sql`now()` })
				.where(
					and(
						eq(circleNotifications.networkId, networkId),
						eq(circleNotifications.userId, userId),
						owedToDigest(now)
					)
				)
				.returning({ activityId: circleNotifications.activityId, reason: circleNotifications.reason });
			if (claimed.length === 0) throw new NothingToSend();
			await tx
				.update(circleDigests)
				.set({ itemCount: claimed.length })
				.where(
					and(
						eq(circleDigests.networkId, networkId),
						eq(circleDigests.userId, userId),
						eq(circleDigests.day, row.day)
					)
				);
			const reasons = new Map(claimed.map((entry) => [entry.activityId, entry.reason]));
			const activities = await tx
				.select({
					id: circleActivities.id,
					kind: circleActivities.kind,
					title: circleActivities.title,
					path: circleActivities.path,
					circle: { slug: circles.slug, nameDe: circles.nameDe, nameEn: circles.nameEn }
				})
				.from(circleActivities)
				.innerJoin(
					circles,
					and(eq(circles.id, circleActivities.circleId), eq(circles.networkId, circleActivities.networkId))
				)
				.where(
					and(eq(circleActivities.networkId, networkId), inArray(circleActivities.id, [...reasons.keys()]))
				)
				.orderBy(asc(circles.nameDe), asc(circleActivities.createdAt));
			const [recipient] = await tx
				.select({
					name: user.name,
					email: user.email,
					notificationEmail: user.notificationEmail,
					locale: user.locale
				})
				.from(user)
				.where(eq(user.id, userId));
			if (!recipient) throw new NothingToSend();
			const network = await findMailNetwork(tx, networkId);
			await queueDigestMail(tx, {
				network,
				recipient,
				items: activities.map((activity) => ({ ...activity, reason: reasons.get(activity.id)! }))
			});
			return claimed.length;
		});
	} catch (error) {
		if (error instanceof NothingToSend || error instanceof TransactionRollbackError) return 0;
		throw error;
	}
}

/** Sends every person with unmailed, unseen notifications in 'digest' mode one digest per Berlin day. */
export async function sendDueDigests(database: Database, now: Date): Promise<number> {
	let sent = 0;
	for (const { networkId, userId } of await findDigestRecipients(database, now))
		if ((await sendDigest(database, networkId, userId, now)) > 0) sent++;
	if (sent) logger.info({ count: sent, day: berlinDay(now) }, 'circle digests queued');
	return sent;
}
