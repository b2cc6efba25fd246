import type { Drivetrain, OrganisationKind, SizeClass } from '../../../directory/vocabulary.ts';
import { formatDate, formatEventStart } from '../../../events/format.ts';
import {
	typesWithTrl,
	type PartnershipKind,
	type ProfileStatus,
	type ProfileType,
	type ProfileVisibility
} from '../../../cooperation/vocabulary.ts';
import type { Actor } from '../../policy/actor.ts';
import { can } from '../../policy/policy.ts';
import type { ProfileOwner } from '../owner.ts';
import { isExpired, type ProfileRow } from '../scope.ts';
import type { CompetenceName, ListedProfile, ViewerMatches } from './queries.ts';

/**
 * What pages get of a profile's owner: the `ProfileOwner` projection without ids or slugs, and a
 * link to the directory entry only when the owner is identified. An anonymous owner is kind,
 * size class and district — nothing a page could turn back into a name.
 */
export type OwnerView =
	| { anonymous: true; kind: OrganisationKind; sizeClass: SizeClass | null; district: string | null }
	| {
			anonymous: false;
			name: string;
			href: string;
			kind: OrganisationKind;
			sizeClass: SizeClass | null;
			district: string | null;
	  };

export function ownerView(actor: Actor, owner: ProfileOwner): OwnerView {
	const { kind, sizeClass, district } = owner;
	if (owner.anonymous) return { anonymous: true, kind, sizeClass, district };
	return {
		anonymous: false,
		name: owner.name,
		// Members read the members' directory; everyone else the public atlas.
		href: can(actor, 'directory.members') ? `/directory/${owner.id}` : `/atlas/${owner.slug}`,
		kind,
		sizeClass,
		district
	};
}

/** A profile's state for badges: its status, or 'expired' for a published one past its date. */
export type ProfileState = ProfileStatus | 'expired';

export function profileState(
	profile: Pick<ProfileRow, 'status' | 'expiresAt'>,
	now = new Date()
): ProfileState {
	return isExpired(profile, now) ? 'expired' : profile.status;
}

export const competenceName = (competence: CompetenceName, locale: 'de' | 'en') =>
	(locale === 'en' ? competence.nameEn : competence.nameDe) || competence.nameDe;

/** The description in the reader's language, else in the other one. */
export function profileDescription(
	profile: Pick<ProfileRow, 'descriptionDe' | 'descriptionEn'>,
	locale: 'de' | 'en'
): string {
	const [first, second] =
		locale === 'en'
			? [profile.descriptionEn, profile.descriptionDe]
			: [profile.descriptionDe, profile.descriptionEn];
	return first.trim() ? first : second;
}

export function formatDay(date: Date | null, locale: 'de' | 'en'): string {
	return date ? formatDate(date, locale, 'long') : '';
}

export type ProfileCard = {
	id: string;
	type: ProfileType;
	visibility: ProfileVisibility;
	title: string;
	summary: string;
	competencies: string[];
	drivetrains: Drivetrain[];
	trl: number | null;
	partnershipKinds: PartnershipKind[];
	owner: OwnerView;
	expires: string;
	expiresIso: string | null;
};

/** A list row as the page's card; the owner has been through `profileOwner`. */
export function toProfileCard(
	actor: Actor,
	item: ListedProfile,
	owner: ProfileOwner,
	locale: 'de' | 'en'
): ProfileCard {
	const { profile } = item;
	return {
		id: profile.id,
		type: profile.type,
		visibility: profile.visibility,
		title: profile.title,
		summary: profile.summary,
		competencies: item.competencies.map((competence) => competenceName(competence, locale)),
		drivetrains: profile.drivetrains,
		trl: typesWithTrl.includes(profile.type) ? profile.trl : null,
		partnershipKinds: profile.partnershipKinds,
		owner: ownerView(actor, owner),
		expires: formatDay(profile.expiresAt, locale),
		expiresIso: profile.expiresAt?.toISOString() ?? null
	};
}

export const formatDateTime = (date: Date, locale: 'de' | 'en'): string => formatEventStart(date, locale);

export type MatchesView = {
	organisations: { id: string; name: string; href: string; reasons: string[] }[];
	profiles: { id: string; title: string; type: ProfileType; owner: OwnerView; reasons: string[] }[];
};

/** Matches for the page: organisations link to the directory; counter-profile owners as `OwnerView`. */
export function matchesView(actor: Actor, matches: ViewerMatches): MatchesView {
	const directory = can(actor, 'directory.members');
	return {
		organisations: matches.organisations.map((match) => ({
			id: match.id,
			name: match.name,
			href: directory ? `/directory/${match.id}` : `/atlas/${match.slug}`,
			reasons: match.reasons
		})),
		profiles: matches.profiles.map((match) => ({
			id: match.id,
			title: match.title,
			type: match.type,
			owner: ownerView(actor, match.owner),
			reasons: match.reasons
		}))
	};
}
