import type { Audience } from '../policy/policy.ts';
import {
	defaultFieldVisibility,
	fieldGroups,
	visibilityLevels,
	type FieldGroup,
	type FieldVisibility,
	type MembershipStatus,
	type VisibilityLevel
} from '../../directory/vocabulary.ts';

/** The level an audience reaches: the public sees `public`, members also `members`, the office all. */
const reach: Record<Audience, number> = { public: 0, members: 1, office: 2 };

/** Who is listed in the directory at all: the office sees every status, everyone else members and partners. */
export const listedStatuses = ['member', 'partner'] as const;

export function isListed(status: MembershipStatus, audience: Audience) {
	return audience === 'office' || (listedStatuses as readonly string[]).includes(status);
}

export function isVisible(level: VisibilityLevel, audience: Audience) {
	return visibilityLevels.indexOf(level) <= reach[audience];
}

/** A stored visibility object, completed with defaults (older rows, partial imports). */
export function normaliseVisibility(value: Partial<FieldVisibility> | null | undefined): FieldVisibility {
	const result = { ...defaultFieldVisibility };
	for (const group of fieldGroups) {
		const level = value?.[group];
		if (level && (visibilityLevels as readonly string[]).includes(level)) result[group] = level;
	}
	return result;
}

export function visibleGroups(visibility: Partial<FieldVisibility>, audience: Audience): Set<FieldGroup> {
	const complete = normaliseVisibility(visibility);
	return new Set(fieldGroups.filter((group) => isVisible(complete[group], audience)));
}

/** Which profile fields belong to which group; name, kind, district and city are always public. */
export const fieldsOfGroup = {
	description: [
		'shortDescriptionDe',
		'shortDescriptionEn',
		'longDescriptionDe',
		'longDescriptionEn',
		'logoFileId',
		'website'
	],
	contact: ['email', 'phone'],
	address: ['street', 'postalCode', 'latitude', 'longitude'],
	competencies: ['competencies', 'keywords', 'drivetrains', 'valueChain', 'products', 'certifications'],
	facts: ['legalForm', 'foundedYear', 'sizeClass', 'memberSince']
} as const satisfies Record<FieldGroup, readonly string[]>;
