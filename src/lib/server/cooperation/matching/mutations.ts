import { and, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/index.ts';
import { cooperationMatches } from '../../db/schema/index.ts';
import { matchesOf } from './queries.ts';
import { RECORDED_MATCHES } from './scoring.ts';
import type { OrganisationMatch } from './index.ts';

/**
 * See the contract in index.ts: one statement computes the top RECORDED_MATCHES organisations,
 * then the profile's earlier matches are replaced by them (a delete and one insert).
 */
export async function recordMatches(
	tx: DatabaseOrTransaction,
	networkId: string,
	profileId: string
): Promise<OrganisationMatch[]> {
	const { organisations: matches } = await matchesOf(tx, networkId, profileId, {
		organisations: RECORDED_MATCHES,
		profiles: 0
	});
	await tx
		.delete(cooperationMatches)
		.where(and(eq(cooperationMatches.networkId, networkId), eq(cooperationMatches.profileId, profileId)));
	if (matches.length > 0)
		await tx.insert(cooperationMatches).values(
			matches.map((match, index) => ({
				networkId,
				profileId,
				organisationId: match.organisationId,
				counterProfileId: match.counterProfileId,
				score: match.score,
				rank: index + 1,
				reasons: match.reasons
			}))
		);
	return matches.map(({ counterProfileId: _, ...match }) => match);
}
