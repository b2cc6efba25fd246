/**
 * The cooperation exchange's fixed vocabularies, shared by the database schema, the server, forms
 * and the client.
 */
import type { ContactFunction } from '../directory/vocabulary.ts';

export const profileTypes = [
	'technology_offer',
	'technology_request',
	'business_offer',
	'business_request',
	'rnd_partner_search',
	'capacity_offer',
	'capacity_request',
	'student_project'
] as const;
export type ProfileType = (typeof profileTypes)[number];

/** Whether a profile offers something, asks for something, or looks for an equal partner. */
export type ProfileDirection = 'offer' | 'request' | 'partner';
export const profileDirection: Record<ProfileType, ProfileDirection> = {
	technology_offer: 'offer',
	technology_request: 'request',
	business_offer: 'offer',
	business_request: 'request',
	rnd_partner_search: 'partner',
	capacity_offer: 'offer',
	capacity_request: 'request',
	student_project: 'offer'
};

/**
 * The profile types that answer a type: an offer meets its request and vice versa; R&D partner
 * searches meet each other; a student project (a thesis offered by a university or company) meets
 * R&D partner searches, whose owners may take it up.
 */
export const counterpartTypes: Record<ProfileType, readonly ProfileType[]> = {
	technology_offer: ['technology_request'],
	technology_request: ['technology_offer'],
	business_offer: ['business_request'],
	business_request: ['business_offer'],
	rnd_partner_search: ['rnd_partner_search', 'student_project'],
	capacity_offer: ['capacity_request'],
	capacity_request: ['capacity_offer'],
	student_project: ['rnd_partner_search']
};

/** Whether the technology readiness level (TRL 1–9) applies to a type. */
export const typesWithTrl: readonly ProfileType[] = [
	'technology_offer',
	'technology_request',
	'rnd_partner_search'
];
export const TRL_MIN = 1;
export const TRL_MAX = 9;

/**
 * Which contact function hears of new matching profiles of a type, besides the organisation's
 * admins (who hear of every type).
 */
export const matchingContactFunctions: Record<ProfileType, readonly ContactFunction[]> = {
	technology_offer: ['rnd'],
	technology_request: ['rnd'],
	business_offer: ['sales', 'purchasing'],
	business_request: ['sales', 'purchasing'],
	rnd_partner_search: ['rnd'],
	capacity_offer: ['purchasing', 'rnd'],
	capacity_request: ['sales', 'rnd'],
	student_project: ['hr', 'training', 'rnd']
};

export const partnershipKinds = [
	'licence',
	'joint_development',
	'supply',
	'subcontracting',
	'research_cooperation',
	'staff_exchange'
] as const;
export type PartnershipKind = (typeof partnershipKinds)[number];

/** Members of the network see the owner; in public anonymous form only kind, size class and district. */
export const profileVisibilities = ['members', 'public_anonymous'] as const;
export type ProfileVisibility = (typeof profileVisibilities)[number];

/**
 * draft → in_review → published (or changes_requested → in_review again, or rejected);
 * withdrawn by the owner at any time. Expiry is not a status: a published profile whose
 * `expires_at` has passed is expired until renewed.
 */
export const profileStatuses = [
	'draft',
	'in_review',
	'changes_requested',
	'published',
	'rejected',
	'withdrawn'
] as const;
export type ProfileStatus = (typeof profileStatuses)[number];

export const interestStatuses = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export type InterestStatus = (typeof interestStatuses)[number];

/** What became of an accepted introduction; counted for the network's reports. */
export const interestOutcomes = ['in_talks', 'agreed', 'no_match'] as const;
export type InterestOutcome = (typeof interestOutcomes)[number];

/** When the interested party wants to start. */
export const interestTimeframes = ['now', 'three_months', 'six_months', 'later'] as const;
export type InterestTimeframe = (typeof interestTimeframes)[number];

/** Every step of a profile's life, for the owner's and the office's timeline. */
export const profileStepKinds = [
	'created',
	'submitted',
	'approved',
	'changes_requested',
	'rejected',
	'reopened',
	'renewed',
	'withdrawn',
	'interest_sent',
	'interest_accepted',
	'interest_declined',
	'interest_withdrawn',
	'outcome_recorded',
	'office_note',
	'meeting_suggested',
	'event_slot_proposed'
] as const;
export type ProfileStepKind = (typeof profileStepKinds)[number];

/** Steps only the office sees (its own notes). */
export const officeOnlySteps: readonly ProfileStepKind[] = ['office_note'];

/** How a person hears of new profiles that match their organisation. */
export const matchNotificationModes = ['immediate', 'weekly', 'off'] as const;
export type MatchNotificationMode = (typeof matchNotificationModes)[number];
export const DEFAULT_MATCH_NOTIFICATION_MODE: MatchNotificationMode = 'weekly';

/** A profile runs this long when published or renewed, unless its owner picks an earlier date. */
export const PROFILE_RUNTIME_DAYS = 180;
/** The longest a profile may run before it must be renewed. */
export const MAX_PROFILE_RUNTIME_DAYS = 365;
/** Owners are reminded this many days before their profile expires. */
export const EXPIRY_REMINDER_DAYS = 14;

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;
export const MAX_KEYWORDS = 15;
