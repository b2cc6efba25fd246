import type { CircleRole, NetworkRole, OrganisationRole } from '../db/schema/roles.ts';

export type OrganisationMembership = { organisationId: string; role: OrganisationRole };
export type CircleMembership = { circleId: string; role: CircleRole };

/** Who is asking, within one network. Built once per request from the session. */
export type Actor = {
	networkId: string;
	userId: string | null;
	email: string | null;
	name: string | null;
	emailVerified: boolean;
	twoFactorEnabled: boolean;
	networkRoles: NetworkRole[];
	organisations: OrganisationMembership[];
	circles: CircleMembership[];
	/** Set when the request authenticated with an API token instead of a session. */
	viaApiToken?: boolean;
};

export function anonymousActor(networkId: string): Actor {
	return {
		networkId,
		userId: null,
		email: null,
		name: null,
		emailVerified: false,
		twoFactorEnabled: false,
		networkRoles: [],
		organisations: [],
		circles: []
	};
}

export const isSignedIn = (actor: Actor) => actor.userId !== null;
export const hasNetworkRole = (actor: Actor, role: NetworkRole) => actor.networkRoles.includes(role);
export const isOffice = (actor: Actor) => hasNetworkRole(actor, 'office');
export const isBoard = (actor: Actor) => hasNetworkRole(actor, 'board');
export const isOrgAdminOf = (actor: Actor, organisationId: string) =>
	actor.organisations.some((m) => m.organisationId === organisationId && m.role === 'org_admin');
export const belongsToOrganisation = (actor: Actor, organisationId: string) =>
	actor.organisations.some((m) => m.organisationId === organisationId);
export const isCircleLead = (actor: Actor, circleId: string) =>
	actor.circles.some((m) => m.circleId === circleId && m.role === 'lead');
export const isCircleMember = (actor: Actor, circleId: string) =>
	actor.circles.some((m) => m.circleId === circleId);
