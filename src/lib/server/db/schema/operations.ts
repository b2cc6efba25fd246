import {
	customType,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { networks } from './networks.ts';
import { user } from './auth.ts';
import { organisations } from './organisations.ts';
import { networkRoles, organisationRoles } from './roles.ts';

/** Who did what, when, from where. Append-only. */
export const auditLog = pgTable(
	'audit_log',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id').references(() => networks.id, { onDelete: 'cascade' }),
		actorUserId: text('actor_user_id'),
		actorEmail: text('actor_email'),
		action: text('action').notNull(),
		targetType: text('target_type'),
		targetId: text('target_id'),
		details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
		ipAddress: text('ip_address'),
		userAgent: text('user_agent'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('audit_log_network_created_idx').on(t.networkId, t.createdAt)]
);

export const mailStatuses = ['queued', 'sending', 'sent', 'failed', 'outbox'] as const;
export type MailStatus = (typeof mailStatuses)[number];

/** Every mail the platform sends. Without SMTP, mails stay here as 'outbox' for the office to read. */
export const mailMessages = pgTable(
	'mail_messages',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id').references(() => networks.id, { onDelete: 'cascade' }),
		toAddress: text('to_address').notNull(),
		subject: text('subject').notNull(),
		textBody: text('text_body').notNull(),
		htmlBody: text('html_body'),
		kind: text('kind').notNull(),
		status: text('status', { enum: mailStatuses }).notNull().default('queued'),
		attempts: integer('attempts').notNull().default(0),
		lastError: text('last_error'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp('sent_at', { withTimezone: true })
	},
	(t) => [index('mail_messages_network_created_idx').on(t.networkId, t.createdAt)]
);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** Files sent with a mail (an event's .ics, a personal QR code); `contentId` makes one inline. */
export const mailAttachments = pgTable(
	'mail_attachments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		mailId: uuid('mail_id')
			.notNull()
			.references(() => mailMessages.id, { onDelete: 'cascade' }),
		position: integer('position').notNull().default(0),
		fileName: text('file_name').notNull(),
		contentType: text('content_type').notNull(),
		contentId: text('content_id'),
		content: bytea('content').notNull()
	},
	(t) => [index('mail_attachments_mail_idx').on(t.mailId, t.position)]
);

/** Invitations by mail: office invites an org admin, an org admin invites colleagues. */
export const invitations = pgTable(
	'invitations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		email: text('email').notNull(),
		name: text('name').notNull().default(''),
		organisationId: uuid('organisation_id').references(() => organisations.id, {
			onDelete: 'cascade'
		}),
		organisationRole: text('organisation_role', { enum: organisationRoles }),
		networkRole: text('network_role', { enum: networkRoles }),
		/** The invitee's language, so a resent mail speaks it too. */
		locale: text('locale').notNull().default('de'),
		tokenHash: text('token_hash').notNull(),
		invitedBy: text('invited_by').references(() => user.id, { onDelete: 'set null' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		acceptedAt: timestamp('accepted_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('invitations_token_hash_idx').on(t.tokenHash),
		index('invitations_network_created_idx').on(t.networkId, t.createdAt)
	]
);

/** API bearer tokens, hashed at rest, scoped to a network. */
export const apiTokens = pgTable(
	'api_tokens',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		tokenHash: text('token_hash').notNull(),
		tokenPrefix: text('token_prefix').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [uniqueIndex('api_tokens_token_hash_idx').on(t.tokenHash)]
);

/** Fixed-window counters for rate limits (sign-in per IP and per account, sign-up, reset). */
export const rateLimits = pgTable('rate_limits', {
	key: text('key').primaryKey(),
	count: integer('count').notNull(),
	windowStart: timestamp('window_start', { withTimezone: true }).notNull()
});
