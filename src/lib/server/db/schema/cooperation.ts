import { sql } from 'drizzle-orm';
import {
	boolean,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { networks } from './networks.ts';
import { user } from './auth.ts';
import { organisations } from './organisations.ts';
import { competencies, storedFiles } from './directory.ts';
import { events } from './events.ts';
import { germanSearch } from './columns.ts';
import { drivetrains } from '../../../directory/vocabulary.ts';
import {
	interestOutcomes,
	interestStatuses,
	interestTimeframes,
	matchNotificationModes,
	partnershipKinds,
	profileStatuses,
	profileStepKinds,
	profileTypes,
	profileVisibilities,
	type ProfileType
} from '../../../cooperation/vocabulary.ts';

/**
 * What a match found, in facts the page and the mails put into plain words. The score is a
 * weighted sum of exactly these (weights in cooperation/matching/scoring.ts).
 */
export type MatchReasons = {
	/** Shared competencies: the profile's competence, and whether the match is on a sub-competence. */
	competencies: { id: string; nameDe: string; nameEn: string; viaChild: boolean }[];
	drivetrains: string[];
	/**
	 * ts_rank_cd of the profile's words in the other side's text, normalised as rank / (rank + 1)
	 * to 0..1 (computed on a shortlist of candidates, see matching/queries.ts).
	 */
	textSimilarity: number;
	/** A counter-profile of the answering type (an offer for a request), or an organisation. */
	direction: 'counterpart' | 'organisation';
	/** The counterpart's type: the counter-profile's, or an organisation's own members' counter-profile. */
	counterpartType?: ProfileType;
	/** The research bonus applied (a research institution for an R&D search or a student project). */
	research?: boolean;
};

/** A cooperation profile (Kooperationsprofil) of a member organisation. */
export const cooperationProfiles = pgTable(
	'cooperation_profiles',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		type: text('type', { enum: profileTypes }).notNull(),
		status: text('status', { enum: profileStatuses }).notNull().default('draft'),
		visibility: text('visibility', { enum: profileVisibilities }).notNull().default('members'),
		title: text('title').notNull(),
		summary: text('summary').notNull().default(''),
		descriptionDe: text('description_de').notNull().default(''),
		descriptionEn: text('description_en').notNull().default(''),
		keywords: text('keywords').array().notNull().default([]),
		drivetrains: text('drivetrains', { enum: drivetrains }).array().notNull().default([]),
		/** Technology readiness level 1–9, where it applies to the type. */
		trl: integer('trl'),
		partnershipKinds: text('partnership_kinds', { enum: partnershipKinds }).array().notNull().default([]),
		/** Set when published or renewed; a published profile past this is expired. */
		expiresAt: timestamp('expires_at', { withTimezone: true }),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		reviewedBy: text('reviewed_by').references(() => user.id, { onDelete: 'set null' }),
		reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
		/** The office's reason for asking for changes or rejecting; shown to the owner. */
		reviewNote: text('review_note').notNull().default(''),
		/** Page views by visitors who are not signed in (people are counted in cooperation_profile_views). */
		anonymousViews: integer('anonymous_views').notNull().default(0),
		expiryRemindedAt: timestamp('expiry_reminded_at', { withTimezone: true }),
		/**
		 * Only the profile's own words: never the owner's name, so searching for it finds no anonymous
		 * profile. knotenpunkt_join_words() (migration 0006) is an immutable array_to_string().
		 */
		search: germanSearch(
			"coalesce(title, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(description_de, '') || ' ' || coalesce(description_en, '') || ' ' || knotenpunkt_join_words(keywords)"
		),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('cooperation_profiles_network_status_idx').on(t.networkId, t.status, t.expiresAt),
		index('cooperation_profiles_organisation_idx').on(t.networkId, t.organisationId),
		index('cooperation_profiles_search_idx').using('gin', t.search),
		index('cooperation_profiles_drivetrains_idx').using('gin', t.drivetrains)
	]
);

/** The taxonomy competencies a profile names (leaves or inner nodes). */
export const cooperationProfileCompetencies = pgTable(
	'cooperation_profile_competencies',
	{
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		profileId: uuid('profile_id')
			.notNull()
			.references(() => cooperationProfiles.id, { onDelete: 'cascade' }),
		competenceId: uuid('competence_id')
			.notNull()
			.references(() => competencies.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.profileId, t.competenceId] }),
		index('cooperation_profile_competencies_competence_idx').on(t.networkId, t.competenceId)
	]
);

/** Files attached to a profile; the bytes live in stored_files. */
export const cooperationAttachments = pgTable(
	'cooperation_attachments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		profileId: uuid('profile_id')
			.notNull()
			.references(() => cooperationProfiles.id, { onDelete: 'cascade' }),
		fileId: uuid('file_id')
			.notNull()
			.references(() => storedFiles.id, { onDelete: 'cascade' }),
		fileName: text('file_name').notNull(),
		contentType: text('content_type').notNull(),
		byteSize: integer('byte_size').notNull(),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('cooperation_attachments_profile_idx').on(t.profileId, t.createdAt)]
);

/** Signed-in people who opened a profile, once each; the owner sees how many. */
export const cooperationProfileViews = pgTable(
	'cooperation_profile_views',
	{
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		profileId: uuid('profile_id')
			.notNull()
			.references(() => cooperationProfiles.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		firstViewedAt: timestamp('first_viewed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.profileId, t.userId] })]
);

/**
 * A profile's matches, recorded when it is published or renewed: an organisation (and, where it
 * has one, its best counter-profile). The digest and the owner's figures are made of these.
 */
export const cooperationMatches = pgTable(
	'cooperation_matches',
	{
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		profileId: uuid('profile_id')
			.notNull()
			.references(() => cooperationProfiles.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		counterProfileId: uuid('counter_profile_id').references(() => cooperationProfiles.id, {
			onDelete: 'set null'
		}),
		score: doublePrecision('score').notNull(),
		rank: integer('rank').notNull(),
		reasons: jsonb('reasons').$type<MatchReasons>().notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.profileId, t.organisationId] }),
		index('cooperation_matches_organisation_idx').on(t.networkId, t.organisationId)
	]
);

/** A person to be told of a match of their organisation: at once, or in the weekly digest. */
export const cooperationMatchNotifications = pgTable(
	'cooperation_match_notifications',
	{
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		profileId: uuid('profile_id')
			.notNull()
			.references(() => cooperationProfiles.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		emailedAt: timestamp('emailed_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.profileId, t.userId] }),
		index('cooperation_match_notifications_pending_idx')
			.on(t.networkId, t.userId)
			.where(sql`${t.emailedAt} is null`)
	]
);

/** A person's choice for match notifications; no row means the weekly digest. */
export const cooperationMatchPreferences = pgTable(
	'cooperation_match_preferences',
	{
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		mode: text('mode', { enum: matchNotificationModes }).notNull(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.networkId, t.userId] })]
);

/** One weekly digest per person and ISO week (e.g. 2026-W48): its key makes a second run a no-op. */
export const cooperationDigests = pgTable(
	'cooperation_digests',
	{
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		week: text('week').notNull(),
		itemCount: integer('item_count').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.networkId, t.userId, t.week] })]
);

/** An expression of interest (Interessenbekundung) of an organisation in a profile. */
export const cooperationInterests = pgTable(
	'cooperation_interests',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		profileId: uuid('profile_id')
			.notNull()
			.references(() => cooperationProfiles.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
		message: text('message').notNull(),
		/** The standard questions: what the party offers or needs, which partnership, when. */
		contribution: text('contribution').notNull().default(''),
		partnershipKind: text('partnership_kind', { enum: partnershipKinds }),
		timeframe: text('timeframe', { enum: interestTimeframes }),
		status: text('status', { enum: interestStatuses }).notNull().default('pending'),
		decidedBy: text('decided_by').references(() => user.id, { onDelete: 'set null' }),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		outcome: text('outcome', { enum: interestOutcomes }),
		outcomeAt: timestamp('outcome_at', { withTimezone: true }),
		outcomeBy: text('outcome_by').references(() => user.id, { onDelete: 'set null' }),
		successStory: text('success_story').notNull().default(''),
		/** The owner agrees that the network may publish the success story. */
		successStoryPublishable: boolean('success_story_publishable').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('cooperation_interests_open_idx')
			.on(t.profileId, t.organisationId)
			.where(sql`${t.status} in ('pending', 'accepted')`),
		index('cooperation_interests_profile_idx').on(t.networkId, t.profileId, t.createdAt),
		index('cooperation_interests_organisation_idx').on(t.networkId, t.organisationId)
	]
);

/**
 * A profile's timeline: review decisions (with the reason), renewals, interests and their
 * decisions, outcomes, and the office's brokering (notes, suggested meetings, event slots).
 */
export const cooperationSteps = pgTable(
	'cooperation_steps',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		profileId: uuid('profile_id')
			.notNull()
			.references(() => cooperationProfiles.id, { onDelete: 'cascade' }),
		interestId: uuid('interest_id').references(() => cooperationInterests.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: profileStepKinds }).notNull(),
		actorUserId: text('actor_user_id').references(() => user.id, { onDelete: 'set null' }),
		note: text('note').notNull().default(''),
		/** A suggested meeting's time and place. */
		meetingAt: timestamp('meeting_at', { withTimezone: true }),
		meetingPlace: text('meeting_place'),
		/** A proposed slot at one of the network's events. */
		eventId: uuid('event_id').references(() => events.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('cooperation_steps_profile_idx').on(t.networkId, t.profileId, t.createdAt)]
);
