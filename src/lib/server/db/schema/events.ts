import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	check,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	smallint,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { networks } from './networks.ts';
import { user } from './auth.ts';
import { organisations } from './organisations.ts';
import { circles } from './circles.ts';
import { storedFiles } from './directory.ts';
import {
	eventAudiences,
	eventLocationKinds,
	eventOrganiserKinds,
	eventQuestionKinds,
	eventStatuses,
	registrationStatuses
} from '../../../events/vocabulary.ts';

/** The network's list of event formats (Netzwerktreffen, Workshop, …), managed per network. */
export const eventFormats = pgTable(
	'event_formats',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		key: text('key').notNull(),
		nameDe: text('name_de').notNull(),
		nameEn: text('name_en').notNull(),
		position: integer('position').notNull().default(0)
	},
	(t) => [uniqueIndex('event_formats_network_key_idx').on(t.networkId, t.key)]
);

/** A recurring format such as a monthly regulars' table; its dates are ordinary events. */
export const eventSeries = pgTable('event_series', {
	id: uuid('id').primaryKey().defaultRandom(),
	networkId: uuid('network_id')
		.notNull()
		.references(() => networks.id, { onDelete: 'cascade' }),
	title: text('title').notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

export const events = pgTable(
	'events',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		formatId: uuid('format_id')
			.notNull()
			.references(() => eventFormats.id),
		seriesId: uuid('series_id').references(() => eventSeries.id, { onDelete: 'set null' }),
		status: text('status', { enum: eventStatuses }).notNull().default('published'),
		titleDe: text('title_de').notNull(),
		titleEn: text('title_en').notNull().default(''),
		descriptionDe: text('description_de').notNull().default(''),
		descriptionEn: text('description_en').notNull().default(''),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		locationKind: text('location_kind', { enum: eventLocationKinds }).notNull().default('onsite'),
		venueName: text('venue_name').notNull().default(''),
		street: text('street').notNull().default(''),
		postalCode: text('postal_code').notNull().default(''),
		city: text('city').notNull().default(''),
		latitude: doublePrecision('latitude'),
		longitude: doublePrecision('longitude'),
		/** Shown only to people whose registration holds a seat. */
		onlineUrl: text('online_url'),
		hostOrganisationId: uuid('host_organisation_id').references(() => organisations.id, {
			onDelete: 'set null'
		}),
		organiserKind: text('organiser_kind', { enum: eventOrganiserKinds }).notNull().default('office'),
		organiserCircleId: uuid('organiser_circle_id').references(() => circles.id, { onDelete: 'cascade' }),
		organiserOrganisationId: uuid('organiser_organisation_id').references(() => organisations.id, {
			onDelete: 'cascade'
		}),
		audience: text('audience', { enum: eventAudiences }).notNull().default('members'),
		audienceCircleId: uuid('audience_circle_id').references(() => circles.id, { onDelete: 'cascade' }),
		/** Null: no limit. */
		capacity: integer('capacity'),
		/** Registrations holding a seat (registered, attended, no-show); kept by the registration code. */
		seatsTaken: integer('seats_taken').notNull().default(0),
		registrationEnabled: boolean('registration_enabled').notNull().default(true),
		registrationOpensAt: timestamp('registration_opens_at', { withTimezone: true }),
		registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true }),
		/** Closed by hand by the organiser, whatever the window says. */
		registrationClosed: boolean('registration_closed').notNull().default(false),
		contactName: text('contact_name').notNull().default(''),
		contactEmail: text('contact_email').notNull().default(''),
		contactPhone: text('contact_phone').notNull().default(''),
		reminderMinutesBefore: integer('reminder_minutes_before').notNull().default(1440),
		/** iCalendar SEQUENCE: raised on every change attendees' calendars must pick up. */
		sequence: integer('sequence').notNull().default(0),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
		cancellationReason: text('cancellation_reason').notNull().default(''),
		/** Set once the feedback requests for this event have been queued. */
		feedbackRequestedAt: timestamp('feedback_requested_at', { withTimezone: true }),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('events_network_starts_idx').on(t.networkId, t.startsAt),
		index('events_series_idx').on(t.seriesId),
		check('events_ends_after_start', sql`${t.endsAt} >= ${t.startsAt}`),
		check('events_capacity_positive', sql`${t.capacity} IS NULL OR ${t.capacity} >= 0`),
		check('events_seats_within_capacity', sql`${t.capacity} IS NULL OR ${t.seatsTaken} <= ${t.capacity}`),
		check('events_seats_not_negative', sql`${t.seatsTaken} >= 0`),
		check(
			'events_organiser_consistent',
			sql`(${t.organiserKind} = 'office' AND ${t.organiserCircleId} IS NULL AND ${t.organiserOrganisationId} IS NULL)
			OR (${t.organiserKind} = 'circle' AND ${t.organiserCircleId} IS NOT NULL AND ${t.organiserOrganisationId} IS NULL)
			OR (${t.organiserKind} = 'organisation' AND ${t.organiserOrganisationId} IS NOT NULL AND ${t.organiserCircleId} IS NULL)`
		),
		check('events_audience_consistent', sql`(${t.audience} = 'circle') = (${t.audienceCircleId} IS NOT NULL)`)
	]
);

/** Programme PDFs and similar files of an event. */
export const eventAttachments = pgTable(
	'event_attachments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		fileId: uuid('file_id')
			.notNull()
			.references(() => storedFiles.id, { onDelete: 'cascade' }),
		fileName: text('file_name').notNull(),
		position: integer('position').notNull().default(0),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('event_attachments_event_idx').on(t.eventId)]
);

/** Questions the organiser asks at registration (dietary needs, bringing a guest, …). */
export const eventQuestions = pgTable(
	'event_questions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		position: integer('position').notNull().default(0),
		kind: text('kind', { enum: eventQuestionKinds }).notNull(),
		labelDe: text('label_de').notNull(),
		labelEn: text('label_en').notNull().default(''),
		/** Choices of a 'choice' question. */
		options: jsonb('options').$type<string[]>().notNull().default([]),
		required: boolean('required').notNull().default(false)
	},
	(t) => [index('event_questions_event_idx').on(t.eventId, t.position)]
);

/**
 * One person's registration for one event. Members have a user id; guests only name, organisation
 * and e-mail until they confirm by mail. `seq` is the arrival order (the waitlist's order).
 */
export const eventRegistrations = pgTable(
	'event_registrations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
		organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
		name: text('name').notNull(),
		/** Lower-cased; one live registration per address and event. */
		email: text('email').notNull(),
		organisationName: text('organisation_name').notNull().default(''),
		locale: text('locale').notNull().default('de'),
		status: text('status', { enum: registrationStatuses }).notNull(),
		answers: jsonb('answers').$type<Record<string, string>>().notNull().default({}),
		/** Guests' double opt-in: hash of the mailed token, cleared when used. */
		confirmTokenHash: text('confirm_token_hash'),
		confirmExpiresAt: timestamp('confirm_expires_at', { withTimezone: true }),
		/** Hash of the personal link (cancel, leave the waitlist, feedback) sent in the mails. */
		accessTokenHash: text('access_token_hash').notNull(),
		/** Printed in the personal QR code; read at the door by the check-in page. */
		ticketCode: text('ticket_code').notNull(),
		addedBy: text('added_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
		promotedAt: timestamp('promoted_at', { withTimezone: true }),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
		checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
		checkedInBy: text('checked_in_by').references(() => user.id, { onDelete: 'set null' }),
		reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
		feedbackRequestedAt: timestamp('feedback_requested_at', { withTimezone: true })
	},
	(t) => [
		uniqueIndex('event_registrations_live_email_idx')
			.on(t.eventId, t.email)
			.where(sql`${t.status} <> 'cancelled'`),
		uniqueIndex('event_registrations_live_user_idx')
			.on(t.eventId, t.userId)
			.where(sql`${t.userId} IS NOT NULL AND ${t.status} <> 'cancelled'`),
		uniqueIndex('event_registrations_access_token_idx').on(t.accessTokenHash),
		uniqueIndex('event_registrations_confirm_token_idx').on(t.confirmTokenHash),
		uniqueIndex('event_registrations_ticket_idx').on(t.ticketCode),
		index('event_registrations_event_status_idx').on(t.eventId, t.status, t.seq),
		index('event_registrations_user_idx').on(t.networkId, t.userId)
	]
);

/** One feedback per registration: a rating from 1 to 5 and an optional comment. */
export const eventFeedback = pgTable(
	'event_feedback',
	{
		registrationId: uuid('registration_id')
			.primaryKey()
			.references(() => eventRegistrations.id, { onDelete: 'cascade' }),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		rating: smallint('rating').notNull(),
		comment: text('comment').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('event_feedback_event_idx').on(t.eventId),
		check('event_feedback_rating_range', sql`${t.rating} BETWEEN 1 AND 5`)
	]
);

/** Attendance per event, stored for the network's reports (recomputed when attendance changes). */
export const eventAttendanceFigures = pgTable('event_attendance_figures', {
	eventId: uuid('event_id')
		.primaryKey()
		.references(() => events.id, { onDelete: 'cascade' }),
	networkId: uuid('network_id')
		.notNull()
		.references(() => networks.id, { onDelete: 'cascade' }),
	registered: integer('registered').notNull(),
	attended: integer('attended').notNull(),
	noShows: integer('no_shows').notNull(),
	waitlisted: integer('waitlisted').notNull(),
	memberOrganisationsReached: integer('member_organisations_reached').notNull(),
	computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow()
});

/** Messages an organiser sent to everyone registered. */
export const eventMessages = pgTable(
	'event_messages',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		sentBy: text('sent_by').references(() => user.id, { onDelete: 'set null' }),
		subject: text('subject').notNull(),
		body: text('body').notNull(),
		recipients: integer('recipients').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('event_messages_event_idx').on(t.eventId)]
);

/** Secret, revocable URL of a person's calendar feeds ("my events", their circles' events). */
export const calendarFeedTokens = pgTable(
	'calendar_feed_tokens',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [
		uniqueIndex('calendar_feed_tokens_hash_idx').on(t.tokenHash),
		uniqueIndex('calendar_feed_tokens_live_idx')
			.on(t.networkId, t.userId)
			.where(sql`${t.revokedAt} IS NULL`)
	]
);
