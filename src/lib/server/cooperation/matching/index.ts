/**
 * The matching engine's contract (implemented in this folder). Matching is explainable: every
 * match carries its reasons as facts (shared competencies, drivetrains, text similarity,
 * direction), which `explainMatch` puts into plain words. The formula and its weights are in
 * scoring.ts; the statements in queries.ts (findMatches) and mutations.ts (recordMatches).
 */
import type { DatabaseOrTransaction } from '../../db/index.ts';
import type { MatchReasons } from '../../db/schema/index.ts';
import type { ProfileType, ProfileVisibility } from '../../../cooperation/vocabulary.ts';
import { findMatches as findMatchesQuery } from './queries.ts';
import { recordMatches as recordMatchesMutation } from './mutations.ts';
import { explainMatch as explain } from './explain.ts';

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

/**
 * The ranked organisations and counter-profiles for a profile, best first (one statement). Works
 * for a profile in any status (the office may preview a draft's matches); an unknown profile or
 * one of another network has none.
 */
export async function findMatches(
	database: DatabaseOrTransaction,
	networkId: string,
	profileId: string,
	options: FindMatchesOptions = {}
): Promise<ProfileMatches> {
	return findMatchesQuery(database, networkId, profileId, options);
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
	return recordMatchesMutation(tx, networkId, profileId);
}

/**
 * The reasons in plain words, one sentence part each: "3 gemeinsame Kompetenzen: Leichtbau, CFK,
 * Prüfstände", "passende Antriebsart: Wasserstoff", "Textähnlichkeit hoch".
 */
export function explainMatch(reasons: MatchReasons, locale: 'de' | 'en'): string[] {
	return explain(reasons, locale);
}
