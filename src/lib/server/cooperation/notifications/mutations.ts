import { and, eq, sql, TransactionRollbackError } from 'drizzle-orm';
import { db, type Database, type DatabaseOrTransaction } from '../../db/index.ts';
import {
	cooperationDigests,
	cooperationMatchNotifications as notifications,
	cooperationMatchPreferences
} from '../../db/schema/index.ts';
import {
	DEFAULT_MATCH_NOTIFICATION_MODE,
	type MatchNotificationMode
} from '../../../cooperation/vocabulary.ts';
import { recordAudit, type AuditContext } from '../../audit/mutations.ts';
import type { Actor } from '../../policy/actor.ts';
import { findMailNetwork } from '../../networks/queries.ts';
import { logger } from '../../logger.ts';
import { owedMail } from './conditions.ts';
import { findDigestRecipients, findMailItems, findMailRecipients, findMatchAudience } from './queries.ts';
import { queueDigestMail, queueMatchMail } from './mails.ts';
import { berlinIsoWeek } from './week.ts';

/**
 * Writes a notification for everyone who should hear of the profile's recorded matches (see
 * `findMatchAudience`), except those whose preference is 'off'. A renewal that matches again finds
 * the rows there (on conflict do nothing) and notifies nobody twice. Answers how many rows were
 * written and whether one of them is owed a mail at once.
 */
export async function insertMatchNotifications(
	tx: DatabaseOrTransaction,
	networkId: string,
	profileId: string
) {
	const wanted = (await findMatchAudience(tx, networkId, profileId)).filter((entry) => entry.mode !== 'off');
	if (wanted.length === 0) return { count: 0, immediate: false };
	const inserted = await tx
		.insert(notifications)
		.values(wanted.map(({ userId, organisationId }) => ({ networkId, profileId, userId, organisationId })))
		.onConflictDoNothing()
		.returning({ userId: notifications.userId });
	const fresh = new Set(inserted.map((row) => row.userId));
	return {
		count: inserted.length,
		immediate: wanted.some((entry) => entry.mode === 'immediate' && fresh.has(entry.userId))
	};
}

/**
 * Claims, in the given transaction, the profile's notifications owed a mail at once (the person's
 * current preference is 'immediate', and the conditions of `owedMail`) and queues one mail each.
 * The conditional update decides between concurrent deliveries: a claimed row is not claimed again.
 */
export async function deliverMatchMailsIn(
	tx: DatabaseOrTransaction,
	networkId: string,
	profileId: string,
	now = new Date()
) {
	const claimed = await tx
		.update(notifications)
		.set({ emailedAt: sql`now()` })
		.where(
			and(
				eq(notifications.networkId, networkId),
				eq(notifications.profileId, profileId),
				owedMail('immediate', now)
			)
		)
		.returning({
			userId: notifications.userId,
			profileId: notifications.profileId,
			organisationId: notifications.organisationId
		});
	if (claimed.length === 0) return 0;
	const recipients = await findMailRecipients(
		tx,
		claimed.map((entry) => entry.userId)
	);
	const network = await findMailNetwork(tx, networkId);
	let sent = 0;
	for (const entry of claimed) {
		const recipient = recipients.get(entry.userId);
		const [item] = await findMailItems(tx, networkId, entry.userId, [entry]);
		if (!recipient || !item) continue;
		await queueMatchMail(tx, { network, recipient, item });
		sent++;
	}
	return sent;
}

/** The immediate mails of one profile, in a transaction of their own (the mail job). */
export async function deliverMatchMails(database: Database, networkId: string, profileId: string) {
	const sent = await database.transaction((tx) => deliverMatchMailsIn(tx, networkId, profileId));
	if (sent) logger.info({ profileId, count: sent }, 'cooperation match mails queued');
	return sent;
}

/** A transaction that found nothing to send is rolled back: no digest row, no mail. */
class NothingToSend extends Error {}

/**
 * One person's digest of the week: the row (network, person, ISO week in Berlin) comes first — its
 * primary key lets one of several concurrent runs through and makes a second run that week a
 * no-op — then the claim of exactly the items it lists, then the mail, all in one transaction.
 */
async function sendDigest(database: Database, networkId: string, userId: string, now: Date) {
	const week = berlinIsoWeek(now);
	try {
		return await database.transaction(async (tx) => {
			const [row] = await tx
				.insert(cooperationDigests)
				.values({ networkId, userId, week, itemCount: 0 })
				.onConflictDoNothing()
				.returning({ week: cooperationDigests.week });
			if (!row) return 0;
			const claimed = await tx
				.update(notifications)
				.set({ emailedAt: sql`now()` })
				.where(
					and(
						eq(notifications.networkId, networkId),
						eq(notifications.userId, userId),
						sql`${notifications.createdAt} < ${now}`,
						owedMail('weekly', now)
					)
				)
				.returning({ profileId: notifications.profileId, organisationId: notifications.organisationId });
			const items = await findMailItems(tx, networkId, userId, claimed);
			const recipient = (await findMailRecipients(tx, [userId])).get(userId);
			if (items.length === 0 || !recipient) throw new NothingToSend();
			await tx
				.update(cooperationDigests)
				.set({ itemCount: items.length })
				.where(
					and(
						eq(cooperationDigests.networkId, networkId),
						eq(cooperationDigests.userId, userId),
						eq(cooperationDigests.week, week)
					)
				);
			await queueDigestMail(tx, { network: await findMailNetwork(tx, networkId), recipient, items });
			return items.length;
		});
	} catch (error) {
		if (error instanceof NothingToSend || error instanceof TransactionRollbackError) return 0;
		throw error;
	}
}

/** Sends every person owed one a weekly digest, at most one per ISO week; answers how many. */
export async function sendDueDigests(database: Database, now: Date): Promise<number> {
	let sent = 0;
	for (const { networkId, userId } of await findDigestRecipients(database, now))
		if ((await sendDigest(database, networkId, userId, now)) > 0) sent++;
	if (sent) logger.info({ count: sent, week: berlinIsoWeek(now) }, 'cooperation digests queued');
	return sent;
}

type Person = Pick<Actor, 'email'> & { userId: string };

/** Sets the person's preference (an upsert), audited when it changes. */
export async function setMatchPreference(
	input: { networkId: string; person: Person; mode: MatchNotificationMode },
	context: AuditContext
) {
	const database = await db();
	return database.transaction(async (tx) => {
		const { networkId, person, mode } = input;
		// Locks the row (if any) so two saves at once audit what each really changed.
		const [current] = await tx
			.select({ mode: cooperationMatchPreferences.mode })
			.from(cooperationMatchPreferences)
			.where(
				and(
					eq(cooperationMatchPreferences.networkId, networkId),
					eq(cooperationMatchPreferences.userId, person.userId)
				)
			)
			.for('update');
		const from = current?.mode ?? DEFAULT_MATCH_NOTIFICATION_MODE;
		await tx
			.insert(cooperationMatchPreferences)
			.values({ networkId, userId: person.userId, mode })
			.onConflictDoUpdate({
				target: [cooperationMatchPreferences.networkId, cooperationMatchPreferences.userId],
				set: { mode, updatedAt: sql`now()` }
			});
		if (from !== mode)
			await recordAudit(
				{
					networkId,
					actor: person,
					action: 'cooperation.notification_mode.changed',
					targetType: 'user',
					targetId: person.userId,
					details: { from, to: mode },
					context
				},
				tx
			);
		return { changed: from !== mode };
	});
}
