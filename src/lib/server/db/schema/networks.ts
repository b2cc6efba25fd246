import { boolean, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** A district's outline as [longitude, latitude] rings (GeoJSON order), simplified for drawing. */
export type DistrictOutline = { name: string; rings: [number, number][][] };

export type NetworkSettings = {
	districts: string[];
	primaryColor?: string;
	/** The region for the atlas map: its districts' outlines. Without it the map shows markers only. */
	region?: { outlines: DistrictOutline[] };
};

/** One installation hosts several networks, chosen by the request's host name. */
export const networks = pgTable('networks', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	name: text('name').notNull(),
	shortName: text('short_name').notNull(),
	/** Host names (without port) that select this network. */
	hosts: text('hosts').array().notNull().default([]),
	isDefault: boolean('is_default').notNull().default(false),
	taglineDe: text('tagline_de').notNull().default(''),
	taglineEn: text('tagline_en').notNull().default(''),
	descriptionDe: text('description_de').notNull().default(''),
	descriptionEn: text('description_en').notNull().default(''),
	settings: jsonb('settings').$type<NetworkSettings>().notNull().default({ districts: [] }),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/** Legal pages (Impressum, Datenschutz) per network, editable by the office. */
export const legalPages = pgTable(
	'legal_pages',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['imprint', 'privacy'] }).notNull(),
		bodyDe: text('body_de').notNull().default(''),
		bodyEn: text('body_en').notNull().default(''),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		updatedBy: text('updated_by')
	},
	(t) => [uniqueIndex('legal_pages_network_kind_idx').on(t.networkId, t.kind)]
);
