import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../../db/index.ts';
import {
	circleActivities,
	circleMemberships,
	circleNotifications,
	circles,
	user
} from '../../db/schema/index.ts';
import { findMailNetwork } from '../../networks/queries.ts';
import { logger } from '../../logger.ts';
import { isUuid } from '../../office/params.ts';
import { queueImmediateMail } from './mails.ts';

/**
 * Claims, in the given transaction, the notifications of one activity that are owed a mail at
 * once — the person's *current* preference is 'immediate', they are still a member of the circle,
 * and the item was neither mailed nor opened — and queues one mail per person. The conditional
 * update decides between concurrent deliveries (a retried job, two workers): a claimed row is not
 * claimed again, so each person gets the mail once.
 */
export async function deliverNotificationMailsIn(tx: DatabaseOrTransaction, activityId: string) {
	const claimed = await tx
		.update(circleNotifications)
		.set({ emailedAt: sql`now()` })
		.where(
			and(
				eq(circleNotifications.activityId, activityId),
				isNull(circleNotifications.emailedAt),
				isNull(circleNotifications.seenAt),
				sql`exists (select 1 from ${circleMemberships}
					where ${circleMemberships.circleId} = ${circleNotifications.circleId}
					and ${circleMemberships.userId} = ${circleNotifications.userId}
					and ${circleMemberships.networkId} = ${circleNotifications.networkId}
					and ${circleMemberships.notificationMode} = 'immediate')`
			)
		)
		.returning({ userId: circleNotifications.userId, reason: circleNotifications.reason });
	if (claimed.length === 0) return 0;

	const actor = sql<
		string | null
	>`(select ${user.name} from ${user} where ${user.id} = ${circleActivities.actorUserId})`;
	const [row] = await tx
		.select({
			activity: {
				networkId: circleActivities.networkId,
				kind: circleActivities.kind,
				title: circleActivities.title,
				path: circleActivities.path,
				actorName: actor
			},
			circle: { slug: circles.slug, nameDe: circles.nameDe, nameEn: circles.nameEn }
		})
		.from(circleActivities)
		.innerJoin(
			circles,
			and(eq(circles.id, circleActivities.circleId), eq(circles.networkId, circleActivities.networkId))
		)
		.where(eq(circleActivities.id, activityId));
	if (!row) return 0;
	const recipients = await tx
		.select({
			id: user.id,
			name: user.name,
			email: user.email,
			notificationEmail: user.notificationEmail,
			locale: user.locale
		})
		.from(user)
		.where(
			inArray(
				user.id,
				claimed.map((entry) => entry.userId)
			)
		);
	const byId = new Map(recipients.map((recipient) => [recipient.id, recipient]));
	const network = await findMailNetwork(tx, row.activity.networkId);
	for (const { userId, reason } of claimed) {
		const recipient = byId.get(userId);
		if (!recipient) continue;
		await queueImmediateMail(tx, { network, circle: row.circle, activity: row.activity, recipient, reason });
	}
	return claimed.length;
}

/** Mails one activity's notifications to the recipients whose preference is 'immediate'. */
export async function deliverNotificationMails(database: Database, activityId: string): Promise<number> {
	if (!isUuid(activityId)) {
		logger.warn({ activityId }, 'circle notification mail job with invalid data');
		return 0;
	}
	const sent = await database.transaction((tx) => deliverNotificationMailsIn(tx, activityId));
	if (sent) logger.info({ activityId, count: sent }, 'circle notification mails queued');
	return sent;
}
