import { and, asc, eq, gte, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { circleActionItems, circleMemberships, circleMinutes, circles, user } from '../../db/schema/index.ts';
import { logger } from '../../logger.ts';
import { findMailNetwork } from '../../networks/queries.ts';
import { ACTION_ITEM_REMINDER_DAYS } from '../../../circles/vocabulary.ts';
import { addDays, berlinDay } from './dates.ts';
import { queueActionItemReminderMail } from './mails.ts';

/**
 * Which items are due for a reminder: open, with an owner who is still a member of the circle,
 * due from today (Berlin) to ACTION_ITEM_REMINDER_DAYS ahead, not reminded yet, and not part of
 * minutes still in draft. Overdue items get no reminder: they are listed as overdue instead.
 */
function dueCondition(now: Date) {
	const today = berlinDay(now);
	return and(
		eq(circleActionItems.status, 'open'),
		isNotNull(circleActionItems.ownerUserId),
		isNull(circleActionItems.remindedAt),
		gte(circleActionItems.dueOn, today),
		lte(circleActionItems.dueOn, addDays(today, ACTION_ITEM_REMINDER_DAYS)),
		sql`exists (select 1 from ${circleMemberships} where ${circleMemberships.circleId} = ${circleActionItems.circleId}
			and ${circleMemberships.userId} = ${circleActionItems.ownerUserId})`,
		or(
			isNull(circleActionItems.minutesId),
			sql`exists (select 1 from ${circleMinutes} where ${circleMinutes.id} = ${circleActionItems.minutesId}
				and ${circleMinutes.status} = 'approved')`
		)
	)!;
}

/**
 * Claims one item's reminder and queues the owner's mail in the same transaction: the conditional
 * update lets exactly one of several concurrent sweeps win; the conditions are checked again in
 * the claim, so an item closed or re-dated since the candidate query is left alone.
 */
async function remind(database: Database, itemId: string, now: Date) {
	return database.transaction(async (tx) => {
		const [item] = await tx
			.update(circleActionItems)
			.set({ remindedAt: sql`now()` })
			.where(and(eq(circleActionItems.id, itemId), dueCondition(now)))
			.returning();
		if (!item?.ownerUserId || !item.dueOn) return false;
		const [owner] = await tx
			.select({
				userId: user.id,
				name: user.name,
				email: sql<string>`coalesce(nullif(${user.notificationEmail}, ''), ${user.email})`,
				locale: user.locale
			})
			.from(user)
			.where(eq(user.id, item.ownerUserId));
		const [circle] = await tx.select().from(circles).where(eq(circles.id, item.circleId));
		const network = await findMailNetwork(tx, item.networkId);
		if (!owner || !circle) throw new Error(`action item ${item.id}: owner or circle missing`);
		await queueActionItemReminderMail(tx, {
			circle,
			item: { title: item.title, dueOn: item.dueOn },
			recipient: owner,
			network
		});
		return true;
	});
}

/** Reminds owners of open action items due within ACTION_ITEM_REMINDER_DAYS, once per item. */
export async function sweepActionItemReminders(database: Database, now: Date): Promise<number> {
	const candidates = await database
		.select({ id: circleActionItems.id })
		.from(circleActionItems)
		.where(dueCondition(now))
		.orderBy(asc(circleActionItems.dueOn), asc(circleActionItems.id))
		.limit(500);
	let sent = 0;
	for (const { id } of candidates) if (await remind(database, id, now)) sent++;
	if (sent) logger.info({ count: sent }, 'circle action item reminders queued');
	return sent;
}
