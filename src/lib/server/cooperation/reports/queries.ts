import { and, asc, count, eq, gte, isNotNull, lt, lte, ne, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { db, type DatabaseOrTransaction } from '../../db/index.ts';
import { cooperationInterests, cooperationProfiles, organisations } from '../../db/schema/index.ts';
import {
	interestOutcomes,
	profileTypes,
	type InterestOutcome,
	type ProfileType
} from '../../../cooperation/vocabulary.ts';

/** A report's period: [from, to); either end open. */
export type FigurePeriod = { from?: Date; to?: Date; now?: Date };

export type SuccessStory = {
	interestId: string;
	profileId: string;
	title: string;
	story: string;
	/** The profile's owner and the organisation that answered it. */
	organisations: string[];
	agreedAt: Date | null;
};

export type CooperationFigures = {
	/** Profiles published in the period (also those withdrawn or expired since), by type. */
	published: Record<ProfileType, number>;
	publishedTotal: number;
	/** Published and not expired at `now` (not limited to the period). */
	liveNow: number;
	/** Published profiles whose expiry date fell in the period and has passed. */
	expired: number;
	/** Expressions of interest sent in the period, and how many of them were accepted. */
	interestsSent: number;
	interestsAccepted: number;
	/**
	 * Accepted introductions by their latest outcome (the interest keeps only its latest: one that
	 * went from 'in_talks' to 'agreed' counts once, as agreed), recorded in the period.
	 */
	outcomes: Record<InterestOutcome, number>;
	/** Agreed cooperations whose owner allowed the network to publish the story. */
	successStories: SuccessStory[];
};

function within(column: AnyPgColumn, period: FigurePeriod): SQL[] {
	const conditions: SQL[] = [isNotNull(column)];
	if (period.from) conditions.push(gte(column, period.from));
	if (period.to) conditions.push(lt(column, period.to));
	return conditions;
}

const zeros = <K extends string>(keys: readonly K[]) =>
	Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/**
 * The exchange's figures for the network's reports (the office page shows them; the reports
 * module reuses this). Everything is counted in the database, scoped to the network.
 */
export async function cooperationFigures(
	networkId: string,
	period: FigurePeriod = {},
	database?: DatabaseOrTransaction
): Promise<CooperationFigures> {
	const handle = database ?? (await db());
	const now = period.now ?? new Date();
	const inNetwork = eq(cooperationProfiles.networkId, networkId);

	const publishedRows = await handle
		.select({ type: cooperationProfiles.type, value: count() })
		.from(cooperationProfiles)
		.where(and(inNetwork, ...within(cooperationProfiles.publishedAt, period)))
		.groupBy(cooperationProfiles.type);
	const published = zeros(profileTypes);
	for (const row of publishedRows) published[row.type] = row.value;

	const [state] = await handle
		.select({
			liveNow:
				sql<number>`count(*) filter (where ${cooperationProfiles.expiresAt} is null or ${cooperationProfiles.expiresAt} > ${now})`.mapWith(
					Number
				),
			expired: sql<number>`count(*) filter (where ${and(
				lte(cooperationProfiles.expiresAt, now),
				...within(cooperationProfiles.expiresAt, period)
			)})`.mapWith(Number)
		})
		.from(cooperationProfiles)
		.where(and(inNetwork, eq(cooperationProfiles.status, 'published')));

	const interestsInNetwork = eq(cooperationInterests.networkId, networkId);
	const [interests] = await handle
		.select({
			sent: count(),
			accepted: sql<number>`count(*) filter (where ${cooperationInterests.status} = 'accepted')`.mapWith(
				Number
			)
		})
		.from(cooperationInterests)
		.where(and(interestsInNetwork, ...within(cooperationInterests.createdAt, period)));

	const outcomeRows = await handle
		.select({ outcome: cooperationInterests.outcome, value: count() })
		.from(cooperationInterests)
		.where(
			and(
				interestsInNetwork,
				eq(cooperationInterests.status, 'accepted'),
				isNotNull(cooperationInterests.outcome),
				...within(cooperationInterests.outcomeAt, period)
			)
		)
		.groupBy(cooperationInterests.outcome);
	const outcomes = zeros(interestOutcomes);
	for (const row of outcomeRows) if (row.outcome) outcomes[row.outcome] = row.value;

	const owner = alias(organisations, 'owner');
	const partner = alias(organisations, 'partner');
	const stories = await handle
		.select({
			interestId: cooperationInterests.id,
			profileId: cooperationProfiles.id,
			title: cooperationProfiles.title,
			story: cooperationInterests.successStory,
			ownerName: owner.name,
			partnerName: partner.name,
			agreedAt: cooperationInterests.outcomeAt
		})
		.from(cooperationInterests)
		.innerJoin(
			cooperationProfiles,
			and(eq(cooperationProfiles.id, cooperationInterests.profileId), inNetwork)
		)
		.innerJoin(owner, and(eq(owner.id, cooperationProfiles.organisationId), eq(owner.networkId, networkId)))
		.innerJoin(
			partner,
			and(eq(partner.id, cooperationInterests.organisationId), eq(partner.networkId, networkId))
		)
		.where(
			and(
				interestsInNetwork,
				eq(cooperationInterests.status, 'accepted'),
				eq(cooperationInterests.outcome, 'agreed'),
				eq(cooperationInterests.successStoryPublishable, true),
				ne(sql`trim(${cooperationInterests.successStory})`, ''),
				...within(cooperationInterests.outcomeAt, period)
			)
		)
		.orderBy(asc(cooperationInterests.outcomeAt), asc(cooperationInterests.id));

	return {
		published,
		publishedTotal: Object.values(published).reduce((sum, value) => sum + value, 0),
		liveNow: state?.liveNow ?? 0,
		expired: state?.expired ?? 0,
		interestsSent: interests?.sent ?? 0,
		interestsAccepted: interests?.accepted ?? 0,
		outcomes,
		successStories: stories.map((row) => ({
			interestId: row.interestId,
			profileId: row.profileId,
			title: row.title,
			story: row.story,
			organisations: [row.ownerName, row.partnerName],
			agreedAt: row.agreedAt
		}))
	};
}
