import { sql } from 'drizzle-orm';
import {
	customType,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import {
	contactFunctions,
	defaultFieldVisibility,
	drivetrains,
	membershipStatuses,
	organisationKinds,
	sizeClasses,
	valueChainPositions,
	type FieldVisibility
} from '../../../directory/vocabulary.ts';
import { networks } from './networks.ts';
import { user } from './auth.ts';

export {
	contactFunctions,
	defaultFieldVisibility,
	drivetrains,
	fieldGroups,
	membershipStatuses,
	organisationKinds,
	sizeClasses,
	valueChainPositions,
	visibilityLevels
} from '../../../directory/vocabulary.ts';
export type {
	ContactFunction,
	Drivetrain,
	FieldGroup,
	FieldVisibility,
	MembershipStatus,
	OrganisationKind,
	SizeClass,
	ValueChainPosition,
	VisibilityLevel
} from '../../../directory/vocabulary.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

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
		longDescriptionDe: text('long_description_de').notNull().default(''),
		longDescriptionEn: text('long_description_en').notNull().default(''),
		latitude: doublePrecision('latitude'),
		longitude: doublePrecision('longitude'),
		valueChain: text('value_chain', { enum: valueChainPositions }),
		drivetrains: text('drivetrains', { enum: drivetrains }).array().notNull().default([]),
		products: text('products').array().notNull().default([]),
		certifications: text('certifications').array().notNull().default([]),
		keywords: text('keywords').array().notNull().default([]),
		logoFileId: uuid('logo_file_id'),
		visibility: jsonb('visibility').$type<FieldVisibility>().notNull().default(defaultFieldVisibility),
		sizeClass: text('size_class', { enum: sizeClasses }).generatedAlwaysAs(
			sql`case when employees is null then null when employees < 10 then 'micro' when employees < 50 then 'small' when employees < 250 then 'medium' when employees < 1000 then 'large' else 'enterprise' end`
		),
		// Search documents, one per audience, kept current by refreshSearchDocuments().
		/** The competencies' ids with all their ancestors, for subtree filters and facet counts. */
		competenceIds: uuid('competence_ids').array().notNull().default([]),
		searchPublic: tsvector('search_public'),
		searchMembers: tsvector('search_members'),
		searchOffice: tsvector('search_office'),
		/** Lower-cased text for substring (compound) matching, per audience. */
		searchTextPublic: text('search_text_public').notNull().default(''),
		searchTextMembers: text('search_text_members').notNull().default(''),
		searchTextOffice: text('search_text_office').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('organisations_network_slug_idx').on(t.networkId, t.slug),
		index('organisations_network_name_idx').on(t.networkId, t.name),
		index('organisations_name_trgm_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
		index('organisations_search_public_idx').using('gin', t.searchPublic),
		index('organisations_search_members_idx').using('gin', t.searchMembers),
		index('organisations_search_office_idx').using('gin', t.searchOffice),
		index('organisations_search_text_public_idx').using('gin', sql`${t.searchTextPublic} gin_trgm_ops`),
		index('organisations_search_text_members_idx').using('gin', sql`${t.searchTextMembers} gin_trgm_ops`),
		index('organisations_search_text_office_idx').using('gin', sql`${t.searchTextOffice} gin_trgm_ops`),
		index('organisations_competence_ids_idx').using('gin', t.competenceIds),
		index('organisations_drivetrains_idx').using('gin', t.drivetrains),
		index('organisations_certifications_idx').using('gin', t.certifications)
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
		contactFunction: text('contact_function', { enum: contactFunctions }),
		/** Set while the person agrees to be listed as a contact in the members' directory. */
		directoryConsentAt: timestamp('directory_consent_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('people_network_user_idx').on(t.networkId, t.userId),
		index('people_network_org_idx').on(t.networkId, t.organisationId),
		index('people_network_name_idx').on(t.networkId, t.lastName, t.firstName)
	]
);
