import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { networks } from './networks.ts';
import { user } from './auth.ts';

export const organisationKinds = [
	'member_company',
	'research',
	'support_agency',
	'state_agency',
	'other_partner'
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const membershipStatuses = ['applicant', 'member', 'former', 'partner'] as const;
export type MembershipStatus = (typeof membershipStatuses)[number];

export const organisations = pgTable(
	'organisations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		slug: text('slug').notNull(),
		kind: text('kind', { enum: organisationKinds }).notNull(),
		status: text('status', { enum: membershipStatuses }).notNull(),
		legalForm: text('legal_form'),
		shortDescriptionDe: text('short_description_de').notNull().default(''),
		shortDescriptionEn: text('short_description_en').notNull().default(''),
		website: text('website'),
		email: text('email'),
		phone: text('phone'),
		street: text('street'),
		postalCode: text('postal_code'),
		city: text('city'),
		district: text('district'),
		employees: integer('employees'),
		foundedYear: integer('founded_year'),
		memberSince: integer('member_since'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('organisations_network_slug_idx').on(t.networkId, t.slug),
		index('organisations_network_name_idx').on(t.networkId, t.name)
	]
);

/** A person of the network; may exist without an account (e.g. a contact from a spreadsheet). */
export const people = pgTable(
	'people',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
		organisationId: uuid('organisation_id').references(() => organisations.id, {
			onDelete: 'set null'
		}),
		firstName: text('first_name').notNull(),
		lastName: text('last_name').notNull(),
		email: text('email'),
		phone: text('phone'),
		jobTitle: text('job_title'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('people_network_user_idx').on(t.networkId, t.userId),
		index('people_network_org_idx').on(t.networkId, t.organisationId),
		index('people_network_name_idx').on(t.networkId, t.lastName, t.firstName)
	]
);
