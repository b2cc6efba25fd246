import {
	customType,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';
import { networks } from './networks.ts';
import { organisations } from './organisations.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * The competence taxonomy of a network: a tree managed by the office. `path` is the chain of slugs
 * from the root (`technologies.battery`), so a subtree is one prefix comparison.
 */
export const competencies = pgTable(
	'competencies',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		parentId: uuid('parent_id').references((): AnyPgColumn => competencies.id, { onDelete: 'restrict' }),
		slug: text('slug').notNull(),
		path: text('path').notNull(),
		nameDe: text('name_de').notNull(),
		nameEn: text('name_en').notNull(),
		position: integer('position').notNull().default(0),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('competencies_network_path_idx').on(t.networkId, t.path),
		index('competencies_network_parent_idx').on(t.networkId, t.parentId)
	]
);

/** Which competencies an organisation has (leaves or inner nodes). */
export const organisationCompetencies = pgTable(
	'organisation_competencies',
	{
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		competenceId: uuid('competence_id')
			.notNull()
			.references(() => competencies.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.organisationId, t.competenceId] }),
		index('organisation_competencies_competence_idx').on(t.networkId, t.competenceId)
	]
);

/**
 * Uploaded files (logos), stored in the database under a server-generated id: never in the web
 * root, never under the uploader's name, and in the same backup and transaction as their owner.
 */
export const storedFiles = pgTable(
	'stored_files',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		purpose: text('purpose', {
			enum: ['logo', 'import', 'event_attachment', 'circle_document', 'cooperation_attachment']
		}).notNull(),
		contentType: text('content_type').notNull(),
		byteSize: integer('byte_size').notNull(),
		sha256: text('sha256').notNull(),
		content: bytea('content').notNull(),
		createdBy: text('created_by'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('stored_files_network_idx').on(t.networkId, t.purpose)]
);

export const importRunStatuses = ['analysed', 'importing', 'done', 'failed', 'discarded'] as const;
export type ImportRunStatus = (typeof importRunStatuses)[number];

/** One spreadsheet import: the uploaded file, the confirmed mapping, progress and outcome. */
export const importRuns = pgTable(
	'import_runs',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		createdBy: text('created_by'),
		fileName: text('file_name').notNull(),
		fileId: uuid('file_id').references(() => storedFiles.id, { onDelete: 'set null' }),
		status: text('status', { enum: importRunStatuses }).notNull().default('analysed'),
		rowsTotal: integer('rows_total').notNull().default(0),
		rowsDone: integer('rows_done').notNull().default(0),
		mapping: jsonb('mapping').$type<Record<string, string | null>>().notNull().default({}),
		summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
		error: text('error'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		finishedAt: timestamp('finished_at', { withTimezone: true })
	},
	(t) => [index('import_runs_network_created_idx').on(t.networkId, t.createdAt)]
);

export const applicationStatuses = ['submitted', 'in_review', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/**
 * A membership application ("Mitgliedsantrag") from the public form. The office completes it, the
 * board decides; approval creates the organisation and invites the contact as its admin.
 */
export const membershipApplications = pgTable(
	'membership_applications',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		status: text('status', { enum: applicationStatuses }).notNull().default('submitted'),
		organisationName: text('organisation_name').notNull(),
		legalForm: text('legal_form'),
		kind: text('kind').notNull().default('member_company'),
		website: text('website'),
		street: text('street'),
		postalCode: text('postal_code'),
		city: text('city'),
		district: text('district'),
		employees: integer('employees'),
		valueChain: text('value_chain'),
		description: text('description').notNull().default(''),
		competencies: text('competencies').notNull().default(''),
		contactFirstName: text('contact_first_name').notNull(),
		contactLastName: text('contact_last_name').notNull(),
		contactEmail: text('contact_email').notNull(),
		contactPhone: text('contact_phone'),
		contactJobTitle: text('contact_job_title'),
		locale: text('locale').notNull().default('de'),
		consentedStatutesAt: timestamp('consented_statutes_at', { withTimezone: true }).notNull(),
		consentedPrivacyAt: timestamp('consented_privacy_at', { withTimezone: true }).notNull(),
		officeNote: text('office_note').notNull().default(''),
		reviewedBy: text('reviewed_by'),
		reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
		decisionNote: text('decision_note').notNull().default(''),
		decidedBy: text('decided_by'),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('membership_applications_network_status_idx').on(t.networkId, t.status, t.createdAt)]
);
