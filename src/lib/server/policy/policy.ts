import type { EventAudience, EventOrganiserKind, EventStatus } from '../../events/vocabulary.ts';
import type { CircleJoinPolicy } from '../../circles/vocabulary.ts';
import type { ProfileStatus, ProfileVisibility } from '../../cooperation/vocabulary.ts';
import {
	belongsToOrganisation,
	isCircleLead,
	isCircleMember,
	hasNetworkRole,
	isBoard,
	isOffice,
	isOrgAdminOf,
	isSignedIn,
	type Actor
} from './actor.ts';

/**
 * The one place that decides permissions: role × action × resource. Pages, form actions, the JSON
 * API and exports all ask here. Resources carry their network and, where it matters, their
 * organisation, so "is this *your* organisation's resource?" is answered here too.
 */
export type Resource = {
	networkId: string;
	organisationId?: string | null;
	userId?: string | null;
	/** Set for the event actions: who organises it and who it is for. */
	event?: EventScope;
	/** Set for the circle actions: which circle, and whether its content is confidential. */
	circle?: CircleScope;
	/** Set for the cooperation actions: the profile, whose `organisationId` is its owner. */
	profile?: ProfileScope;
};

/** What the policy needs to know of a cooperation profile. */
export type ProfileScope = {
	organisationId: string;
	status: ProfileStatus;
	visibility: ProfileVisibility;
	/** Published and past its expiry date. */
	expired: boolean;
	/** Organisations whose expression of interest the owner accepted: they know who it is. */
	revealedTo: readonly string[];
};

/** What the policy needs to know of a circle. */
export type CircleScope = {
	id: string;
	confidential: boolean;
	joinPolicy: CircleJoinPolicy;
};

/** What the policy needs to know of an event (or of one about to be created). */
export type EventScope = {
	status: EventStatus;
	audience: EventAudience;
	audienceCircleId: string | null;
	organiserKind: EventOrganiserKind;
	organiserCircleId: string | null;
	organiserOrganisationId: string | null;
	hostOrganisationId: string | null;
};

export const actions = [
	'public.view',
	'account.manage',
	'members.view',
	'organisation.view_people',
	'organisation.invite',
	'office.view',
	'office.people.read',
	'office.organisations.read',
	'office.roles.manage',
	'office.invitations.manage',
	'office.outbox.read',
	'office.audit.read',
	'office.tokens.manage',
	'office.legal.edit',
	'api.organisations.read',
	'api.me.read',
	'directory.members',
	'directory.office',
	'directory.export',
	'organisation.edit_profile',
	'office.taxonomy.manage',
	'office.import',
	'application.submit',
	'office.applications.read',
	'office.applications.review',
	'office.applications.decide',
	'events.calendar',
	'event.view',
	'event.register',
	'event.register_guest',
	'event.create',
	'event.manage',
	'event.check_in',
	'events.feed.personal',
	'events.feed.circle',
	'api.events.read',
	'circles.list',
	'circle.view',
	'circle.read',
	'circle.contribute',
	'circle.join',
	'circle.lead',
	'circle.manage',
	'circle.post.edit',
	'circle.post.delete',
	'circle.action_item.update',
	'circle.attendance',
	'circle.notifications',
	'cooperation.browse',
	'cooperation.profile.view',
	'cooperation.profile.identify',
	'cooperation.profile.create',
	'cooperation.profile.edit',
	'cooperation.profile.stats',
	'cooperation.review',
	'cooperation.broker',
	'cooperation.interest.send',
	'cooperation.interest.decide',
	'cooperation.interest.withdraw',
	'cooperation.outcome.record',
	'cooperation.notifications',
	'office.cooperation.read',
	'api.cooperation.read'
] as const;
export type Action = (typeof actions)[number];

type Rule = (actor: Actor, resource?: Resource) => boolean;

const anyone: Rule = () => true;
const signedIn: Rule = (actor) => isSignedIn(actor);
const inNetwork: Rule = (actor) => actor.networkRoles.length > 0;
const office: Rule = (actor) => isOffice(actor);
const officeOrBoard: Rule = (actor) => isOffice(actor) || isBoard(actor);

const networkMember: Rule = (actor) =>
	hasNetworkRole(actor, 'member') || hasNetworkRole(actor, 'partner') || officeOrBoard(actor);

/** Organises the event: the office always; a circle's leads; an organisation's admins. */
const managesEvent: Rule = (actor, resource) => {
	const event = resource?.event;
	if (!event) return false;
	if (isOffice(actor)) return true;
	if (event.organiserKind === 'circle')
		return !!event.organiserCircleId && isCircleLead(actor, event.organiserCircleId);
	if (event.organiserKind === 'organisation')
		return !!event.organiserOrganisationId && isOrgAdminOf(actor, event.organiserOrganisationId);
	return false;
};

const seesEvent: Rule = (actor, resource) => {
	const event = resource?.event;
	if (!event) return false;
	if (managesEvent(actor, resource)) return true;
	if (event.status === 'draft') return false;
	if (event.audience === 'public') return true;
	if (event.audience === 'members') return networkMember(actor);
	return officeOrBoard(actor) || (!!event.audienceCircleId && isCircleMember(actor, event.audienceCircleId));
};

/** A member of the circle (lead or member). */
const inCircle: Rule = (actor, resource) => !!resource?.circle && isCircleMember(actor, resource.circle.id);

/**
 * A circle's content (members, meetings, minutes, documents, discussions, search): its members,
 * the office and the board; and the network's member persons unless the circle is confidential.
 * Partners (agencies) read a circle's content only as its members.
 */
const readsCircle: Rule = (actor, resource) =>
	!!resource?.circle &&
	(inCircle(actor, resource) ||
		officeOrBoard(actor) ||
		(!resource.circle.confidential && hasNetworkRole(actor, 'member')));

/** Writes in a circle: its members and the office. */
const contributesToCircle: Rule = (actor, resource) =>
	!!resource?.circle && (inCircle(actor, resource) || isOffice(actor));

/** Runs a circle (agenda, minutes, action items, admissions, pins): its leads and the office. */
const leadsCircle: Rule = (actor, resource) =>
	!!resource?.circle && (isCircleLead(actor, resource.circle.id) || isOffice(actor));

/** The resource's person (a post's author, an action item's owner) is the actor. */
const isOwnPerson: Rule = (actor, resource) => !!actor.userId && resource?.userId === actor.userId;

/** A published profile, not expired. */
const isLive = (profile: ProfileScope) => profile.status === 'published' && !profile.expired;

/** Belongs to the profile's organisation (any role): sees its drafts, figures and matches. */
const ownsProfile: Rule = (actor, resource) =>
	!!resource?.profile && belongsToOrganisation(actor, resource.profile.organisationId);

/** Administers the profile's organisation: writes, submits, renews and decides on interests. */
const adminsProfile: Rule = (actor, resource) =>
	!!resource?.profile && isOrgAdminOf(actor, resource.profile.organisationId);

/**
 * Reads a profile: a live public (anonymous) one, anyone; a live members' one, the network's
 * members and partners; every state, its own organisation, the office and the board.
 */
const seesProfile: Rule = (actor, resource) => {
	const profile = resource?.profile;
	if (!profile) return false;
	if (ownsProfile(actor, resource) || officeOrBoard(actor)) return true;
	if (!isLive(profile)) return false;
	return profile.visibility === 'public_anonymous' || networkMember(actor);
};

const rules: Record<Action, Rule> = {
	'public.view': anyone,
	'account.manage': signedIn,
	'members.view': (actor) =>
		hasNetworkRole(actor, 'member') || isOffice(actor) || isBoard(actor) || hasNetworkRole(actor, 'partner'),
	'organisation.view_people': (actor, resource) =>
		!!resource?.organisationId &&
		(belongsToOrganisation(actor, resource.organisationId) || officeOrBoard(actor)),
	'organisation.invite': (actor, resource) =>
		!!resource?.organisationId && (isOrgAdminOf(actor, resource.organisationId) || isOffice(actor)),
	'office.view': officeOrBoard,
	'office.people.read': officeOrBoard,
	'office.organisations.read': officeOrBoard,
	'office.roles.manage': office,
	'office.invitations.manage': office,
	'office.outbox.read': office,
	'office.audit.read': officeOrBoard,
	'office.tokens.manage': office,
	'office.legal.edit': office,
	'api.organisations.read': anyone,
	'api.me.read': (actor) => isSignedIn(actor) && inNetwork(actor),
	'directory.members': (actor) =>
		hasNetworkRole(actor, 'member') || hasNetworkRole(actor, 'partner') || officeOrBoard(actor),
	'directory.office': officeOrBoard,
	// What an export contains is decided by the exporter's audience (directoryAudience).
	'directory.export': anyone,
	'organisation.edit_profile': (actor, resource) =>
		!!resource?.organisationId && (isOrgAdminOf(actor, resource.organisationId) || isOffice(actor)),
	'office.taxonomy.manage': office,
	'office.import': office,
	'application.submit': anyone,
	'office.applications.read': officeOrBoard,
	'office.applications.review': office,
	'office.applications.decide': (actor) => isBoard(actor),
	// The calendar is open to all; which events it lists is decided per event by 'event.view'.
	'events.calendar': anyone,
	'event.view': seesEvent,
	'event.register': (actor, resource) =>
		isSignedIn(actor) &&
		networkMember(actor) &&
		resource?.event?.status === 'published' &&
		seesEvent(actor, resource),
	'event.register_guest': (actor, resource) =>
		resource?.event?.status === 'published' && resource.event.audience === 'public',
	// Creating takes the planned event's organiser as the resource; without one: may create any at all.
	'event.create': (actor, resource) =>
		resource?.event
			? managesEvent(actor, resource)
			: isOffice(actor) ||
				actor.circles.some((m) => m.role === 'lead') ||
				actor.organisations.some((m) => m.role === 'org_admin'),
	'event.manage': managesEvent,
	'event.check_in': (actor, resource) =>
		managesEvent(actor, resource) ||
		(!!resource?.event?.hostOrganisationId && isOrgAdminOf(actor, resource.event.hostOrganisationId)),
	'events.feed.personal': (actor) => isSignedIn(actor) && networkMember(actor),
	'events.feed.circle': (actor, resource) =>
		!!resource?.event?.audienceCircleId &&
		(officeOrBoard(actor) || isCircleMember(actor, resource.event.audienceCircleId)),
	'api.events.read': anyone,
	// Which circles exist, their purpose and leads are no secret inside the network.
	'circles.list': networkMember,
	'circle.view': (actor, resource) => !!resource?.circle && networkMember(actor),
	'circle.read': readsCircle,
	'circle.contribute': contributesToCircle,
	'circle.join': (actor, resource) =>
		!!resource?.circle &&
		resource.circle.joinPolicy !== 'invitation' &&
		(hasNetworkRole(actor, 'member') || hasNetworkRole(actor, 'partner')) &&
		!inCircle(actor, resource),
	'circle.lead': leadsCircle,
	// Creating a circle (no resource) and its settings, leads and confidentiality: the office.
	'circle.manage': office,
	'circle.post.edit': (actor, resource) =>
		isOwnPerson(actor, resource) && contributesToCircle(actor, resource),
	'circle.post.delete': (actor, resource) =>
		(isOwnPerson(actor, resource) && contributesToCircle(actor, resource)) || leadsCircle(actor, resource),
	'circle.action_item.update': (actor, resource) =>
		(isOwnPerson(actor, resource) && readsCircle(actor, resource)) || leadsCircle(actor, resource),
	'circle.attendance': (actor, resource) => leadsCircle(actor, resource) || officeOrBoard(actor),
	// Notification preferences are a membership's: its members only.
	'circle.notifications': inCircle,
	// Which profiles the exchange lists is decided per profile by 'cooperation.profile.view'.
	'cooperation.browse': anyone,
	'cooperation.profile.view': seesProfile,
	// Who the owner is: for a members' profile, whoever reads it; for an anonymous one, its own
	// organisation, the office, the board, and organisations whose interest the owner accepted.
	'cooperation.profile.identify': (actor, resource) => {
		const profile = resource?.profile;
		if (!profile || !seesProfile(actor, resource)) return false;
		if (ownsProfile(actor, resource) || officeOrBoard(actor)) return true;
		if (profile.visibility === 'members') return networkMember(actor);
		return actor.organisations.some((m) => profile.revealedTo.includes(m.organisationId));
	},
	// Creating takes the owning organisation as the resource (organisationId); without: any at all.
	'cooperation.profile.create': (actor, resource) =>
		resource?.organisationId
			? isOrgAdminOf(actor, resource.organisationId) || isOffice(actor)
			: isOffice(actor) || actor.organisations.some((m) => m.role === 'org_admin'),
	'cooperation.profile.edit': (actor, resource) =>
		adminsProfile(actor, resource) || (!!resource?.profile && isOffice(actor)),
	'cooperation.profile.stats': (actor, resource) =>
		ownsProfile(actor, resource) || (!!resource?.profile && officeOrBoard(actor)),
	'cooperation.review': office,
	'cooperation.broker': office,
	// On behalf of one of the actor's organisations (organisationId), never the owner's own.
	'cooperation.interest.send': (actor, resource) => {
		const profile = resource?.profile;
		if (!profile || !isLive(profile) || !seesProfile(actor, resource)) return false;
		if (!(hasNetworkRole(actor, 'member') || hasNetworkRole(actor, 'partner'))) return false;
		const from = resource.organisationId;
		if (!from || from === profile.organisationId) return false;
		return belongsToOrganisation(actor, from);
	},
	'cooperation.interest.decide': adminsProfile,
	// An interest (resource: its organisationId and its sender's userId) is withdrawn by its sender,
	// while still in that organisation, or by that organisation's admins.
	'cooperation.interest.withdraw': (actor, resource) =>
		!!resource?.organisationId &&
		((isOwnPerson(actor, resource) && belongsToOrganisation(actor, resource.organisationId)) ||
			isOrgAdminOf(actor, resource.organisationId)),
	'cooperation.outcome.record': (actor, resource) =>
		adminsProfile(actor, resource) || (!!resource?.profile && isOffice(actor)),
	'cooperation.notifications': (actor) => isSignedIn(actor) && networkMember(actor),
	'office.cooperation.read': officeOrBoard,
	'api.cooperation.read': anyone
};

/** Which of the directory's three views an actor gets: what they may see of every profile. */
export type Audience = 'public' | 'members' | 'office';

export function directoryAudience(actor: Actor): Audience {
	if (can(actor, 'directory.office')) return 'office';
	if (can(actor, 'directory.members')) return 'members';
	return 'public';
}

export function can(actor: Actor, action: Action, resource?: Resource): boolean {
	// A resource of another network is never anyone's business here.
	if (resource && resource.networkId !== actor.networkId) return false;
	return rules[action](actor, resource);
}
