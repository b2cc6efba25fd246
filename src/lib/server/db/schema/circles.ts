import { sql } from 'drizzle-orm';
import {
	boolean,
	date,
	index,
	integer,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';
import { networks } from './networks.ts';
import { germanSearch } from './columns.ts';
import { user } from './auth.ts';
import { circleRoles } from './roles.ts';
import { storedFiles } from './directory.ts';
import {
	circleActivityKinds,
	circleAdmissionKinds,
	circleAdmissionStatuses,
	circleJoinPolicies,
	notificationModes,
	notificationReasons
} from '../../../circles/vocabulary.ts';

/** The network's expert circles (Expertenkreise). */
export const circles = pgTable(
	'circles',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull(),
		nameDe: text('name_de').notNull(),
		nameEn: text('name_en').notNull(),
		descriptionDe: text('description_de').notNull().default(''),
		descriptionEn: text('description_en').notNull().default(''),
		joinPolicy: text('join_policy', { enum: circleJoinPolicies }).notNull().default('request'),
		/** Content visible to the circle's members, the office and the board only. */
		confidential: boolean('confidential').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('circles_network_slug_idx').on(t.networkId, t.slug)]
);

export const circleMemberships = pgTable(
	'circle_memberships',
	{
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		circleId: uuid('circle_id')
			.notNull()
			.references(() => circles.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: text('role', { enum: circleRoles }).notNull(),
		/** How this person hears of the circle's activity. */
		notificationMode: text('notification_mode', { enum: notificationModes }).notNull().default('digest'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.circleId, t.userId] }), index('circle_memberships_user_idx').on(t.userId)]
);

/** A request to join (decided by a lead) or an invitation (decided by the invited person). */
export const circleAdmissions = pgTable(
	'circle_admissions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		circleId: uuid('circle_id')
			.notNull()
			.references(() => circles.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: circleAdmissionKinds }).notNull(),
		status: text('status', { enum: circleAdmissionStatuses }).notNull().default('pending'),
		message: text('message').notNull().default(''),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		decidedBy: text('decided_by').references(() => user.id, { onDelete: 'set null' }),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('circle_admissions_pending_idx')
			.on(t.circleId, t.userId)
			.where(sql`${t.status} = 'pending'`)
	]
);

export const circleFolders = pgTable(
	'circle_folders',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		circleId: uuid('circle_id')
			.notNull()
			.references(() => circles.id, { onDelete: 'cascade' }),
		parentId: uuid('parent_id').references((): AnyPgColumn => circleFolders.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('circle_folders_name_idx').on(
			t.circleId,
			sql`coalesce(${t.parentId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
			sql`lower(${t.name})`
		)
	]
);

/** A document of a circle; its bytes are in its versions (stored_files), the newest is current. */
export const circleDocuments = pgTable(
	'circle_documents',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		circleId: uuid('circle_id')
			.notNull()
			.references(() => circles.id, { onDelete: 'cascade' }),
		folderId: uuid('folder_id').references(() => circleFolders.id, { onDelete: 'set null' }),
		/** Display name, reduced to safe characters; the current version's file name. */
		name: text('name').notNull(),
		currentVersion: integer('current_version').notNull().default(1),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		deletedAt: timestamp('deleted_at', { withTimezone: true }),
		deletedBy: text('deleted_by').references(() => user.id, { onDelete: 'set null' }),
		search: germanSearch(`coalesce(name, '')`),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('circle_documents_circle_idx').on(t.circleId, t.folderId),
		index('circle_documents_search_idx').using('gin', t.search)
	]
);

/** Every uploaded version is kept. */
export const circleDocumentVersions = pgTable(
	'circle_document_versions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		documentId: uuid('document_id')
			.notNull()
			.references(() => circleDocuments.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		/** stored_files.id: the bytes, under a server-generated id. */
		fileId: uuid('file_id')
			.notNull()
			.references(() => storedFiles.id),
		fileName: text('file_name').notNull(),
		contentType: text('content_type').notNull(),
		byteSize: integer('byte_size').notNull(),
		note: text('note').notNull().default(''),
		uploadedBy: text('uploaded_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('circle_document_versions_idx').on(t.documentId, t.version)]
);

export const circleThreads = pgTable(
	'circle_threads',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		circleId: uuid('circle_id')
			.notNull()
			.references(() => circles.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		authorUserId: text('author_user_id').references(() => user.id, { onDelete: 'set null' }),
		pinnedAt: timestamp('pinned_at', { withTimezone: true }),
		pinnedBy: text('pinned_by').references(() => user.id, { onDelete: 'set null' }),
		lastPostAt: timestamp('last_post_at', { withTimezone: true }).notNull().defaultNow(),
		deletedAt: timestamp('deleted_at', { withTimezone: true }),
		deletedBy: text('deleted_by').references(() => user.id, { onDelete: 'set null' }),
		search: germanSearch(`coalesce(title, '')`),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('circle_threads_circle_idx').on(t.circleId, t.lastPostAt),
		index('circle_threads_search_idx').using('gin', t.search)
	]
);

/** The opening post and the replies of a thread, in Markdown. */
export const circlePosts = pgTable(
	'circle_posts',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		circleId: uuid('circle_id')
			.notNull()
			.references(() => circles.id, { onDelete: 'cascade' }),
		threadId: uuid('thread_id')
			.notNull()
			.references(() => circleThreads.id, { onDelete: 'cascade' }),
		authorUserId: text('author_user_id').references(() => user.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		isOpening: boolean('is_opening').notNull().default(false),
		editedAt: timestamp('edited_at', { withTimezone: true }),
		deletedAt: timestamp('deleted_at', { withTimezone: true }),
		deletedBy: text('deleted_by').references(() => user.id, { onDelete: 'set null' }),
		search: germanSearch(`coalesce(body, '')`),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('circle_posts_thread_idx').on(t.threadId, t.createdAt),
		index('circle_posts_search_idx').using('gin', t.search)
	]
);

/** The earlier wordings of an edited post. */
export const circlePostRevisions = pgTable(
	'circle_post_revisions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		postId: uuid('post_id')
			.notNull()
			.references(() => circlePosts.id, { onDelete: 'cascade' }),
		body: text('body').notNull(),
		editedBy: text('edited_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('circle_post_revisions_post_idx').on(t.postId, t.createdAt)]
);

/** One happening in a circle: the recent-activity list, and what notifications point to. */
export const circleActivities = pgTable(
	'circle_activities',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		circleId: uuid('circle_id')
			.notNull()
			.references(() => circles.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: circleActivityKinds }).notNull(),
		/** The thread, post, document, minutes, event or action item it is about. */
		subjectId: uuid('subject_id').notNull(),
		actorUserId: text('actor_user_id').references(() => user.id, { onDelete: 'set null' }),
		/** A plain-text title at the time it happened (thread title, file name, meeting title). */
		title: text('title').notNull(),
		/** Where it is, e.g. /circles/antriebstransformation/threads/<id>#post-<id>. */
		path: text('path').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('circle_activities_circle_idx').on(t.circleId, t.createdAt),
		// Opening an item marks its notifications seen: found by the item's id.
		index('circle_activities_subject_idx').on(t.subjectId)
	]
);

/** An activity for one person: mailed at once, in the daily digest, or not at all. */
export const circleNotifications = pgTable(
	'circle_notifications',
	{
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		circleId: uuid('circle_id')
			.notNull()
			.references(() => circles.id, { onDelete: 'cascade' }),
		activityId: uuid('activity_id')
			.notNull()
			.references(() => circleActivities.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		reason: text('reason', { enum: notificationReasons }).notNull().default('activity'),
		/** Set when a mail (immediate or digest) carrying it was queued; claimed by conditional update. */
		emailedAt: timestamp('emailed_at', { withTimezone: true }),
		/** Set when the person opened the item in the app: seen items stay out of digests. */
		seenAt: timestamp('seen_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.activityId, t.userId] }),
		index('circle_notifications_pending_idx')
			.on(t.userId, t.createdAt)
			.where(sql`${t.emailedAt} IS NULL AND ${t.seenAt} IS NULL`)
	]
);

/** One row per person and day a digest was sent: the daily digest is never sent twice. */
export const circleDigests = pgTable(
	'circle_digests',
	{
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** The day in Europe/Berlin. */
		day: date('day', { mode: 'string' }).notNull(),
		itemCount: integer('item_count').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.networkId, t.userId, t.day] })]
);
