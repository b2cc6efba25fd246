import { and, asc, eq, gt, isNull, lte } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { cooperationProfiles } from '../../db/schema/index.ts';
import { logger } from '../../logger.ts';
import { findMailNetwork } from '../../networks/queries.ts';
import { EXPIRY_REMINDER_DAYS } from '../../../cooperation/vocabulary.ts';
import { formatDate } from '../../../events/format.ts';
import { findOrganisationAdmins } from '../review/queries.ts';
import { queueExpiryReminderMail } from './mails.ts';

const DAY_MS = 86_400_000;

/** Published, not yet expired, expiring within EXPIRY_REMINDER_DAYS, and not reminded yet. */
function dueCondition(now: Date) {
	return and(
		eq(cooperationProfiles.status, 'published'),
		isNull(cooperationProfiles.expiryRemindedAt),
		gt(cooperationProfiles.expiresAt, now),
		lte(cooperationProfiles.expiresAt, new Date(now.getTime() + EXPIRY_REMINDER_DAYS * DAY_MS))
	)!;
}

/** The last day a profile runs, as the reader writes dates. */
function lastDay(expiresAt: Date) {
	const day = new Date(expiresAt.getTime() - 1);
	return { de: formatDate(day, 'de', 'long'), en: formatDate(day, 'en', 'long') };
}

/**
 * Claims one profile's reminder and queues its mails in the same transaction: the conditional
 * update lets exactly one of several concurrent sweeps win, and a profile renewed, reopened or
 * withdrawn since the candidate query is left alone.
 */
async function remind(database: Database, profileId: string, now: Date) {
	return database.transaction(async (tx) => {
		const [profile] = await tx
			.update(cooperationProfiles)
			.set({ expiryRemindedAt: now })
			.where(and(eq(cooperationProfiles.id, profileId), dueCondition(now)))
			.returning();
		if (!profile?.expiresAt) return false;
		const admins = await findOrganisationAdmins(tx, profile.networkId, profile.organisationId);
		const network = await findMailNetwork(tx, profile.networkId);
		const expiresOn = lastDay(profile.expiresAt);
		for (const admin of admins) await queueExpiryReminderMail(tx, { profile, expiresOn, network, admin });
		return true;
	});
}

/**
 * Tells the owning organisation's admins, once per runtime, that a profile expires within
 * EXPIRY_REMINDER_DAYS, with a link to renew it (renewing clears the claim). Returns how many
 * profiles were claimed.
 */
export async function sweepExpiryReminders(database: Database, now: Date): Promise<number> {
	const candidates = await database
		.select({ id: cooperationProfiles.id })
		.from(cooperationProfiles)
		.where(dueCondition(now))
		.orderBy(asc(cooperationProfiles.expiresAt), asc(cooperationProfiles.id))
		.limit(500);
	let reminded = 0;
	for (const { id } of candidates) if (await remind(database, id, now)) reminded++;
	if (reminded) logger.info({ count: reminded }, 'cooperation expiry reminders queued');
	return reminded;
}
