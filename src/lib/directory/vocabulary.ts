/** The directory's fixed vocabularies, shared by the database schema, the server and the browser. */

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

/** Position in the automotive value chain. */
export const valueChainPositions = [
	'oem',
	'tier1',
	'tier2',
	'engineering',
	'research',
	'training',
	'other'
] as const;
export type ValueChainPosition = (typeof valueChainPositions)[number];

export const drivetrains = ['bev', 'hydrogen', 'efuels', 'combustion', 'hybrid'] as const;
export type Drivetrain = (typeof drivetrains)[number];

/** Size classes by employees; the exact number is for the office only. */
export const sizeClasses = ['micro', 'small', 'medium', 'large', 'enterprise'] as const;
export type SizeClass = (typeof sizeClasses)[number];

/** Who may see a group of profile fields. Ordered: each level includes the ones before it. */
export const visibilityLevels = ['public', 'members', 'office'] as const;
export type VisibilityLevel = (typeof visibilityLevels)[number];

/**
 * The field groups of a profile whose visibility the organisation chooses. Name, kind, district
 * and city are always public: they are what the atlas lists.
 */
export const fieldGroups = ['description', 'contact', 'address', 'competencies', 'facts'] as const;
export type FieldGroup = (typeof fieldGroups)[number];
export type FieldVisibility = Record<FieldGroup, VisibilityLevel>;
export const defaultFieldVisibility: FieldVisibility = {
	description: 'public',
	contact: 'members',
	address: 'public',
	competencies: 'public',
	facts: 'public'
};

/** Functions a contact person can have for their organisation. */
export const contactFunctions = [
	'management',
	'hr',
	'rnd',
	'purchasing',
	'sales',
	'sustainability',
	'training'
] as const;
export type ContactFunction = (typeof contactFunctions)[number];
