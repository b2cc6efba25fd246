import {
	date,
	index,
	integer,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { networks } from './networks.ts';
import { germanSearch } from './columns.ts';
import { user } from './auth.ts';
import { circleDocuments, circles } from './circles.ts';
import { events } from './events.ts';
import { actionItemStatuses, minutesStatuses } from '../../../circles/vocabulary.ts';

/* A circle's meetings are events organised by the circle (events.organiser_circle_id); these tables
 * add what a meeting has beyond an event: its agenda, its minutes and the action items agreed. */

/** One item of a meeting's agenda (the meeting is an event organised by the circle). */
export const circleAgendaItems = pgTable(
	'circle_agenda_items',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		circleId: uuid('circle_id')
			.notNull()
			.references(() => circles.id, { onDelete: 'cascade' }),
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		title: text('title').notNull(),
		/** Markdown. */
		notes: text('notes').notNull().default(''),
		presenterUserId: text('presenter_user_id').references(() => user.id, { onDelete: 'set null' }),
		/** A presenter without an account (a guest speaker). */
		presenterName: text('presenter_name').notNull().default(''),
		durationMinutes: integer('duration_minutes'),
		search: germanSearch(`coalesce(title, '') || ' ' || coalesce(notes, '')`),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('circle_agenda_items_event_idx').on(t.eventId, t.position),
		index('circle_agenda_items_search_idx').using('gin', t.search)
	]
);

/** Files attached to an agenda item; the file itself lives among the circle's documents. */
export const circleAgendaAttachments = pgTable(
	'circle_agenda_attachments',
	{
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		agendaItemId: uuid('agenda_item_id')
			.notNull()
			.references(() => circleAgendaItems.id, { onDelete: 'cascade' }),
		documentId: uuid('document_id')
			.notNull()
			.references(() => circleDocuments.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.agendaItemId, t.documentId] })]
);

/** A meeting's minutes, in Markdown: drafted, approved by a lead, then mailed to the members. */
export const circleMinutes = pgTable(
	'circle_minutes',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		circleId: uuid('circle_id')
			.notNull()
			.references(() => circles.id, { onDelete: 'cascade' }),
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		body: text('body').notNull().default(''),
		status: text('status', { enum: minutesStatuses }).notNull().default('draft'),
		authorUserId: text('author_user_id').references(() => user.id, { onDelete: 'set null' }),
		updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
		approvedBy: text('approved_by').references(() => user.id, { onDelete: 'set null' }),
		approvedAt: timestamp('approved_at', { withTimezone: true }),
		/** Set when the approved minutes were queued to the members' mailboxes. */
		sentAt: timestamp('sent_at', { withTimezone: true }),
		search: germanSearch(`coalesce(body, '')`),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('circle_minutes_event_idx').on(t.eventId),
		index('circle_minutes_search_idx').using('gin', t.search)
	]
);

/** What someone agreed to do: from the minutes, with an owner and a due date. */
export const circleActionItems = pgTable(
	'circle_action_items',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		circleId: uuid('circle_id')
			.notNull()
			.references(() => circles.id, { onDelete: 'cascade' }),
		minutesId: uuid('minutes_id').references(() => circleMinutes.id, { onDelete: 'set null' }),
		eventId: uuid('event_id').references(() => events.id, { onDelete: 'set null' }),
		title: text('title').notNull(),
		ownerUserId: text('owner_user_id').references(() => user.id, { onDelete: 'set null' }),
		dueOn: date('due_on', { mode: 'string' }),
		status: text('status', { enum: actionItemStatuses }).notNull().default('open'),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		closedBy: text('closed_by').references(() => user.id, { onDelete: 'set null' }),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		/** Claimed by the reminder sweep in the transaction that queues the reminder. */
		remindedAt: timestamp('reminded_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('circle_action_items_circle_idx').on(t.circleId, t.status, t.dueOn),
		index('circle_action_items_owner_idx').on(t.ownerUserId, t.status)
	]
);
