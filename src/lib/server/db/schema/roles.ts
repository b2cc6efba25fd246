import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { networks } from './networks.ts';
import { user } from './auth.ts';
import { organisations } from './organisations.ts';

export const networkRoles = ['office', 'board', 'partner', 'member'] as const;
export type NetworkRole = (typeof networkRoles)[number];

export const organisationRoles = ['org_admin', 'org_member'] as const;
export type OrganisationRole = (typeof organisationRoles)[number];

export const circleRoles = ['lead', 'member'] as const;
export type CircleRole = (typeof circleRoles)[number];

/** Per network: office, board, partner, member. A user may hold several. */
export const networkRoleAssignments = pgTable(
	'network_role_assignments',
	{
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: text('role', { enum: networkRoles }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.networkId, t.userId, t.role] })]
);

/** Per organisation: org admin or org member. One role per user and organisation. */
export const organisationMemberships = pgTable(
	'organisation_memberships',
	{
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: text('role', { enum: organisationRoles }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.organisationId, t.userId] })]
);
