import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { db } from '../../db/index.ts';
import {
	cooperationAttachments,
	cooperationProfileCompetencies,
	cooperationProfiles,
	organisations,
	storedFiles
} from '../../db/schema/index.ts';
import type { Actor } from '../../policy/actor.ts';
import { can } from '../../policy/policy.ts';
import type { InterestStatus } from '../../../cooperation/vocabulary.ts';

/** Reads of the owner's side: every query carries the network, sub-resources their profile. */

export type OrganisationOption = { value: string; label: string };

/**
 * The organisations the actor may create a profile for ('cooperation.profile.create' per
 * organisation): their own as admin; the office any member or partner of the network.
 */
export async function listCreatableOrganisations(actor: Actor): Promise<OrganisationOption[]> {
	const own = actor.organisations.map((membership) => membership.organisationId);
	const rows = await (
		await db()
	)
		.select({ id: organisations.id, name: organisations.name })
		.from(organisations)
		.where(
			and(
				eq(organisations.networkId, actor.networkId),
				or(
					inArray(organisations.status, ['member', 'partner']),
					own.length ? inArray(organisations.id, own) : sql`false`
				)
			)
		)
		.orderBy(asc(organisations.name));
	return rows
		.filter((row) =>
			can(actor, 'cooperation.profile.create', { networkId: actor.networkId, organisationId: row.id })
		)
		.map((row) => ({ value: row.id, label: row.name }));
}

export async function listProfileCompetenceIds(networkId: string, profileId: string): Promise<string[]> {
	const rows = await (
		await db()
	)
		.select({ id: cooperationProfileCompetencies.competenceId })
		.from(cooperationProfileCompetencies)
		.where(
			and(
				eq(cooperationProfileCompetencies.networkId, networkId),
				eq(cooperationProfileCompetencies.profileId, profileId)
			)
		);
	return rows.map((row) => row.id);
}

export type AttachmentItem = { id: string; fileName: string; contentType: string; byteSize: number };

export async function listProfileAttachments(
	networkId: string,
	profileId: string
): Promise<AttachmentItem[]> {
	return (await db())
		.select({
			id: cooperationAttachments.id,
			fileName: cooperationAttachments.fileName,
			contentType: cooperationAttachments.contentType,
			byteSize: cooperationAttachments.byteSize
		})
		.from(cooperationAttachments)
		.where(
			and(eq(cooperationAttachments.networkId, networkId), eq(cooperationAttachments.profileId, profileId))
		)
		.orderBy(asc(cooperationAttachments.createdAt), asc(cooperationAttachments.id));
}

/** An attachment's bytes, looked up within its profile (another profile's attachment: null). */
export async function findAttachmentFile(networkId: string, profileId: string, attachmentId: string) {
	const [row] = await (
		await db()
	)
		.select({
			fileName: cooperationAttachments.fileName,
			contentType: cooperationAttachments.contentType,
			byteSize: cooperationAttachments.byteSize,
			content: storedFiles.content
		})
		.from(cooperationAttachments)
		.innerJoin(
			storedFiles,
			and(eq(storedFiles.id, cooperationAttachments.fileId), eq(storedFiles.networkId, networkId))
		)
		.where(
			and(
				eq(cooperationAttachments.networkId, networkId),
				eq(cooperationAttachments.profileId, profileId),
				eq(cooperationAttachments.id, attachmentId)
			)
		);
	return row ?? null;
}

export type OwnProfileRow = Awaited<ReturnType<typeof listOrganisationProfiles>>[number];

/**
 * The profiles of these organisations in every state, newest first, with the owner's figures:
 * signed-in people who viewed it, anonymous views, matched organisations and the expressions of
 * interest by status.
 */
export async function listOrganisationProfiles(networkId: string, organisationIds: string[]) {
	if (organisationIds.length === 0) return [];
	const profile = sql.raw('"cooperation_profiles"');
	const rows = await (
		await db()
	)
		.select({
			profile: cooperationProfiles,
			organisationName: organisations.name,
			viewers: sql<number>`(select count(*)::int from cooperation_profile_views v
				where v.network_id = ${networkId} and v.profile_id = ${profile}.id)`,
			matches: sql<number>`(select count(*)::int from cooperation_matches cm
				where cm.network_id = ${networkId} and cm.profile_id = ${profile}.id)`,
			interests: sql<Record<string, number> | null>`(select jsonb_object_agg(s.status, s.n) from
				(select ci.status, count(*)::int as n from cooperation_interests ci
				where ci.network_id = ${networkId} and ci.profile_id = ${profile}.id group by ci.status) s)`
		})
		.from(cooperationProfiles)
		.innerJoin(
			organisations,
			and(eq(organisations.id, cooperationProfiles.organisationId), eq(organisations.networkId, networkId))
		)
		.where(
			and(
				eq(cooperationProfiles.networkId, networkId),
				inArray(cooperationProfiles.organisationId, organisationIds)
			)
		)
		.orderBy(desc(cooperationProfiles.updatedAt), asc(cooperationProfiles.id));
	return rows.map((row) => ({
		...row,
		viewers: Number(row.viewers),
		matches: Number(row.matches),
		interests: { pending: 0, accepted: 0, declined: 0, withdrawn: 0, ...(row.interests ?? {}) } as Record<
			InterestStatus,
			number
		>
	}));
}
