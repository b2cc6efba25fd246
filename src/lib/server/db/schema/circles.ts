import { pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { networks } from './networks.ts';
import { user } from './auth.ts';
import { circleRoles } from './roles.ts';

/** Expert circles (Expertenkreise) as named groups; their workspace comes later. */
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
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
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
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.circleId, t.userId] })]
);
