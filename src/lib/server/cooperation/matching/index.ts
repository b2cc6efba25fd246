/**
 * The matching engine's contract (implemented in this folder). Matching is explainable: every
 * match carries its reasons as facts (shared competencies, drivetrains, text similarity,
 * direction), which `describeMatch` puts into plain words.
 */
import type { DatabaseOrTransaction } from '../../db/index.ts';
import type { MatchReasons } from '../../db/schema/index.ts';

export type { MatchReasons };

export type ProfileMatch = {
	organisationId: string;
	organisationName: string;
	/** The organisation's best live counter-profile (an offer for a request), if it has one. */
	counterProfileId: string | null;
	counterProfileTitle: string | null;
	score: number;
	reasons: MatchReasons;
};

export type FindMatchesOptions = { limit?: number; now?: Date };

/** The ranked organisations (with their best counter-profile) for a profile; best first. */
export async function findMatches(
	database: DatabaseOrTransaction,
	networkId: string,
	profileId: string,
	options: FindMatchesOptions = {}
): Promise<ProfileMatch[]> {
	void database;
	void networkId;
	void profileId;
	void options;
	throw new Error('not implemented');
}

/**
 * Computes and stores (replacing earlier ones) the profile's matches in `cooperation_matches`,
 * in the caller's transaction; called when a profile is published or renewed. Returns them.
 */
export async function recordMatches(
	tx: DatabaseOrTransaction,
	networkId: string,
	profileId: string
): Promise<ProfileMatch[]> {
	void tx;
	void networkId;
	void profileId;
	throw new Error('not implemented');
}
