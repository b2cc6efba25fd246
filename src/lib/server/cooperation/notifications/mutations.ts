import { and, eq, sql, TransactionRollbackError } from 'drizzle-orm';
import { db, type Database, type DatabaseOrTransaction } from '../../db/index.ts';
import {
	cooperationDigests,
	cooperationMatchNotifications as notifications,
	cooperationMatchPreferences,
	cooperationProfiles
} from '../../db/schema/index.ts';
import {
	DEFAULT_MATCH_NOTIFICATION_MODE,
	matchingContactFunctions,
	type MatchNotificationMode
} from '../../../cooperation/vocabulary.ts';
import { recordAudit, type AuditContext } from '../../audit/mutations.ts';
import type { Actor } from '../../policy/actor.ts';
import { findMailNetwork } from '../../networks/queries.ts';
import { logger } from '../../logger.ts';
import { owedMail } from './conditions.ts';
import { findDigestRecipients, findMailItems, findMailRecipients } from './queries.ts';
import { queueDigestMail, queueMatchMail } from './mails.ts';
import { berlinIsoWeek } from './week.ts';

/**
 * Writes a notification for everyone who should hear of the profile's recorded matches: the org
 * admins of each matched organisation and its people (with an account) whose contact function
 * matches the profile's type; only members and partners of the network, never anyone of the
 * owner's organisation, nobody whose preference is 'off'. One row per person and profile (a
 * person in two matched organisations hears of it once, for the better-ranked one); a renewal
 * that matches again finds the rows there and notifies nobody twice.
 */
export async function insertMatchNotifications(
	tx: DatabaseOrTransaction,
	networkId: string,
	profileId: string
) {
	const [profile] = await tx
		.select({ type: cooperationProfiles.type, organisationId: cooperationProfiles.organisationId })
		.from(cooperationProfiles)
		.where(and(eq(cooperationProfiles.id, profileId), eq(cooperationProfiles.networkId, networkId)));
	if (!profile) return { count: 0, immediate: false };
	const names = matchingContactFunctions[profile.type];
	const hasFunction = names.length
		? sql`p.contact_function in (${sql.join(
				names.map((name) => sql`${name}`),
				sql`, `
			)})`
		: sql`false`;
	const result = await tx.execute<{
		user_id: string;
		organisation_id: string;
		mode: MatchNotificationMode;
	}>(sql`
		with matched as (
			select organisation_id, rank from cooperation_matches
			where network_id = ${networkId} and profile_id = ${profileId}
			and organisation_id <> ${profile.organisationId}
		), candidates as (
			select m.organisation_id, m.rank, om.user_id from matched m
			join organisation_memberships om on om.organisation_id = m.organisation_id
				and om.network_id = ${networkId} and om.role = 'org_admin'
			union
			select m.organisation_id, m.rank, p.user_id from matched m
			join people p on p.organisation_id = m.organisation_id and p.network_id = ${networkId}
				and p.user_id is not null and ${hasFunction}
		)
		select distinct on (c.user_id) c.user_id, c.organisation_id,
			coalesce(pref.mode, ${DEFAULT_MATCH_NOTIFICATION_MODE}) as mode
		from candidates c
		left join cooperation_match_preferences pref
			on pref.network_id = ${networkId} and pref.user_id = c.user_id
		where exists (select 1 from network_role_assignments r
				where r.network_id = ${networkId} and r.user_id = c.user_id and r.role in ('member', 'partner'))
			and not exists (select 1 from organisation_memberships own
				where own.network_id = ${networkId} and own.organisation_id = ${profile.organisationId}
				and own.user_id = c.user_id)
			and not exists (select 1 from people own
				where own.network_id = ${networkId} and own.organisation_id = ${profile.organisationId}
				and own.user_id = c.user_id)
		order by c.user_id, c.rank, c.organisation_id
	`);
	const wanted = result.rows.filter((row) => row.mode !== 'off');
	if (wanted.length === 0) return { count: 0, immediate: false };
	const inserted = await tx
		.insert(notifications)
		.values(
			wanted.map((row) => ({
				networkId,
				profileId,
				userId: row.user_id,
				organisationId: row.organisation_id
			}))
		)
		.onConflictDoNothing()
		.returning({ userId: notifications.userId });
	const fresh = new Set(inserted.map((row) => row.userId));
	return {
		count: inserted.length,
		immediate: wanted.some((row) => row.mode === 'immediate' && fresh.has(row.user_id))
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
