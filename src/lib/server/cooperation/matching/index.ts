/**
 * The matching engine's contract (implemented in this folder). Matching is explainable: every
 * match carries its reasons as facts (shared competencies, drivetrains, text similarity,
 * direction), which `explainMatch` puts into plain words.
 */
import type { DatabaseOrTransaction } from '../../db/index.ts';
import type { MatchReasons } from '../../db/schema/index.ts';
import type { ProfileType, ProfileVisibility } from '../../../cooperation/vocabulary.ts';

export type { MatchReasons };

/** An organisation of the network that fits the profile (its directory entry is members' knowledge). */
export type OrganisationMatch = {
	organisationId: string;
	organisationName: string;
	organisationSlug: string;
	score: number;
	reasons: MatchReasons;
};

/**
 * A live counter-profile (an offer for a request, and vice versa). `organisationId` is internal:
 * pages show the owner only through `profileOwner` (an anonymous counter-profile stays anonymous).
 */
export type CounterProfileMatch = {
	profileId: string;
	title: string;
	type: ProfileType;
	visibility: ProfileVisibility;
	organisationId: string;
	score: number;
	reasons: MatchReasons;
};

export type ProfileMatches = { organisations: OrganisationMatch[]; profiles: CounterProfileMatch[] };

export type FindMatchesOptions = { limit?: number; now?: Date };

/** The ranked organisations and counter-profiles for a profile, best first. */
export async function findMatches(
	database: DatabaseOrTransaction,
	networkId: string,
	profileId: string,
	options: FindMatchesOptions = {}
): Promise<ProfileMatches> {
	void database;
	void networkId;
	void profileId;
	void options;
	throw new Error('not implemented');
}

/**
 * Computes and stores (replacing earlier ones) the profile's organisation matches in
 * `cooperation_matches` (with the organisation's best counter-profile, if any), in the caller's
 * transaction; called when a profile is published or renewed. Returns them, best first.
 */
export async function recordMatches(
	tx: DatabaseOrTransaction,
	networkId: string,
	profileId: string
): Promise<OrganisationMatch[]> {
	void tx;
	void networkId;
	void profileId;
	throw new Error('not implemented');
}

/**
 * The reasons in plain words, one sentence part each: "3 gemeinsame Kompetenzen: Leichtbau, CFK,
 * Prüfstände", "passende Antriebsart: Wasserstoff", "Textähnlichkeit hoch".
 */
export function explainMatch(reasons: MatchReasons, locale: 'de' | 'en'): string[] {
	void reasons;
	void locale;
	throw new Error('not implemented');
}
