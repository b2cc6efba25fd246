import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { db } from '../../../db/index.ts';
import {
	competencies,
	cooperationAttachments,
	cooperationInterests,
	cooperationMatches,
	cooperationProfileCompetencies,
	cooperationProfileViews,
	organisations
} from '../../../db/schema/index.ts';
import type { InterestStatus } from '../../../../cooperation/vocabulary.ts';
import type { ProfileRow } from '../../scope.ts';
import { ownerColumns, type OwnerOrganisation } from '../../owner.ts';
import type { CompetenceName } from '../queries.ts';

export type ProfileAttachment = { id: string; fileName: string; contentType: string; byteSize: number };

/**
 * What the detail page shows beside the profile row: the owner's directory facts (passed through
 * `profileOwner` before anything leaves the server), the competencies by name and — only when
 * asked, i.e. for those who may know the owner — the attachments.
 */
export async function findProfileDetail(
	networkId: string,
	profile: Pick<ProfileRow, 'id' | 'organisationId'>,
	options: { attachments: boolean }
): Promise<{
	organisation: OwnerOrganisation;
	competencies: CompetenceName[];
	attachments: ProfileAttachment[];
}> {
	const database = await db();
	const [[organisation], named, attachments] = await Promise.all([
		database
			.select(ownerColumns)
			.from(organisations)
			.where(and(eq(organisations.networkId, networkId), eq(organisations.id, profile.organisationId)))
			.limit(1),
		database
			.select({
				id: competencies.id,
				path: competencies.path,
				nameDe: competencies.nameDe,
				nameEn: competencies.nameEn
			})
			.from(cooperationProfileCompetencies)
			.innerJoin(
				competencies,
				and(
					eq(competencies.id, cooperationProfileCompetencies.competenceId),
					eq(competencies.networkId, networkId)
				)
			)
			.where(
				and(
					eq(cooperationProfileCompetencies.networkId, networkId),
					eq(cooperationProfileCompetencies.profileId, profile.id)
				)
			)
			.orderBy(asc(competencies.path)),
		options.attachments
			? database
					.select({
						id: cooperationAttachments.id,
						fileName: cooperationAttachments.fileName,
						contentType: cooperationAttachments.contentType,
						byteSize: cooperationAttachments.byteSize
					})
					.from(cooperationAttachments)
					.where(
						and(
							eq(cooperationAttachments.networkId, networkId),
							eq(cooperationAttachments.profileId, profile.id)
						)
					)
					.orderBy(asc(cooperationAttachments.createdAt))
			: Promise.resolve([])
	]);
	if (!organisation) throw new Error(`profile ${profile.id} has no owner in network ${networkId}`);
	return { organisation, competencies: named, attachments };
}

export type ProfileFigures = {
	/** Signed-in people outside the owner organisation who opened it, once each. */
	viewers: number;
	anonymousViews: number;
	matches: number;
	interests: Record<InterestStatus, number>;
};

/** The owner's figures: viewers, matched organisations and expressions of interest by state. */
export async function findProfileFigures(
	networkId: string,
	profile: Pick<ProfileRow, 'id' | 'anonymousViews'>
): Promise<ProfileFigures> {
	const database = await db();
	const [[viewers], [matches], interests] = await Promise.all([
		database
			.select({ count: count() })
			.from(cooperationProfileViews)
			.where(
				and(
					eq(cooperationProfileViews.networkId, networkId),
					eq(cooperationProfileViews.profileId, profile.id)
				)
			),
		database
			.select({ count: count() })
			.from(cooperationMatches)
			.where(and(eq(cooperationMatches.networkId, networkId), eq(cooperationMatches.profileId, profile.id))),
		database
			.select({ status: cooperationInterests.status, count: count() })
			.from(cooperationInterests)
			.where(
				and(eq(cooperationInterests.networkId, networkId), eq(cooperationInterests.profileId, profile.id))
			)
			.groupBy(cooperationInterests.status)
	]);
	const byStatus: Record<InterestStatus, number> = { pending: 0, accepted: 0, declined: 0, withdrawn: 0 };
	for (const row of interests) byStatus[row.status] = row.count;
	return {
		viewers: viewers?.count ?? 0,
		anonymousViews: profile.anonymousViews,
		matches: matches?.count ?? 0,
		interests: byStatus
	};
}

/** The open (pending or accepted) expressions of interest of these organisations in a profile. */
export async function findOpenInterests(
	networkId: string,
	profileId: string,
	organisationIds: string[]
): Promise<{ organisationId: string; status: InterestStatus }[]> {
	if (organisationIds.length === 0) return [];
	return (await db())
		.select({ organisationId: cooperationInterests.organisationId, status: cooperationInterests.status })
		.from(cooperationInterests)
		.where(
			and(
				eq(cooperationInterests.networkId, networkId),
				eq(cooperationInterests.profileId, profileId),
				inArray(cooperationInterests.organisationId, organisationIds),
				inArray(cooperationInterests.status, ['pending', 'accepted'])
			)
		);
}
