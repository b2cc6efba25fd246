import { and, eq, inArray, sql } from 'drizzle-orm';
import { db } from '../db/index.ts';
import { competencies, networks, organisationCompetencies, organisations } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { recordAudit, type AuditContext } from '../audit/mutations.ts';
import { refreshSearchDocuments } from '../directory/mutations.ts';
import { normaliseVisibility } from '../directory/visibility.ts';
import { can } from '../policy/policy.ts';
import { isOffice, type Actor } from '../policy/actor.ts';
import { changedFields } from './diff.ts';
import type { ProfileInput } from './schemas.ts';

export type ProfileUpdateResult =
	| { ok: true; changed: string[] }
	| { ok: false; reason: 'NOT_FOUND' }
	| { ok: false; reason: 'STALE' }
	| { ok: false; reason: 'INVALID'; field: 'district' | 'competencies' };

/**
 * Saves a profile edit in one transaction: the row, its competencies, the search documents and
 * an audit entry with before/after of the changed fields. Refuses when the row changed since the
 * editor loaded it (`updatedAt`), so a parallel save is never silently overwritten.
 */
export async function updateOrganisationProfile(input: {
	actor: Actor;
	networkId: string;
	organisationId: string;
	profile: ProfileInput;
	context?: AuditContext;
}): Promise<ProfileUpdateResult> {
	const { actor, networkId, organisationId, profile } = input;
	if (!can(actor, 'organisation.edit_profile', { networkId, organisationId })) {
		throw new AppError('FORBIDDEN', 'May not edit this profile.');
	}
	return (await db()).transaction(async (t): Promise<ProfileUpdateResult> => {
		const [row] = await t
			.select()
			.from(organisations)
			.where(and(eq(organisations.networkId, networkId), eq(organisations.id, organisationId)))
			.for('update');
		if (!row) return { ok: false, reason: 'NOT_FOUND' };
		if (row.updatedAt.getTime() !== profile.updatedAt.getTime()) return { ok: false, reason: 'STALE' };

		const [network] = await t
			.select({ settings: networks.settings })
			.from(networks)
			.where(eq(networks.id, networkId));
		const districts = network?.settings.districts ?? [];
		// An unchanged, since-removed district may stay; a new value must be one of the network's.
		if (profile.district && profile.district !== row.district && !districts.includes(profile.district)) {
			return { ok: false, reason: 'INVALID', field: 'district' };
		}
		const chosen = profile.competencies.length
			? await t
					.select({ id: competencies.id, path: competencies.path })
					.from(competencies)
					.where(and(eq(competencies.networkId, networkId), inArray(competencies.id, profile.competencies)))
					// Shared locks: the office cannot delete a node while it is being chosen.
					.for('share')
			: [];
		if (chosen.length !== profile.competencies.length) {
			return { ok: false, reason: 'INVALID', field: 'competencies' };
		}
		const current = await t
			.select({ id: competencies.id, path: competencies.path })
			.from(organisationCompetencies)
			.innerJoin(competencies, eq(competencies.id, organisationCompetencies.competenceId))
			.where(
				and(
					eq(organisationCompetencies.networkId, networkId),
					eq(organisationCompetencies.organisationId, organisationId)
				)
			);

		// Kind, status and membership year are the office's to set; an org admin's form cannot.
		const office = isOffice(actor);
		const values = {
			name: profile.name,
			legalForm: profile.legalForm,
			shortDescriptionDe: profile.shortDescriptionDe,
			shortDescriptionEn: profile.shortDescriptionEn,
			longDescriptionDe: profile.longDescriptionDe,
			longDescriptionEn: profile.longDescriptionEn,
			website: profile.website,
			email: profile.email,
			phone: profile.phone,
			street: profile.street,
			postalCode: profile.postalCode,
			city: profile.city,
			district: profile.district,
			latitude: profile.latitude,
			longitude: profile.longitude,
			foundedYear: profile.foundedYear,
			employees: profile.employees,
			kind: office && profile.kind ? profile.kind : row.kind,
			status: office && profile.status ? profile.status : row.status,
			memberSince: office ? profile.memberSince : row.memberSince,
			valueChain: profile.valueChain,
			drivetrains: profile.drivetrains,
			keywords: profile.keywords,
			products: profile.products,
			certifications: profile.certifications,
			visibility: profile.visibility
		};
		const { before, after } = changedFields(
			{
				...row,
				visibility: normaliseVisibility(row.visibility),
				competencies: current.map((c) => c.path).sort()
			},
			{ ...values, competencies: chosen.map((c) => c.path).sort() }
		);
		const changed = Object.keys(after);
		if (changed.length === 0) return { ok: true, changed };

		await t
			.update(organisations)
			.set({
				...values,
				// Strictly later than before, even within one millisecond: the editor's token changes.
				updatedAt: sql`greatest(now(), ${organisations.updatedAt} + interval '1 millisecond')`
			})
			.where(and(eq(organisations.networkId, networkId), eq(organisations.id, organisationId)));
		if ('competencies' in after) {
			await t
				.delete(organisationCompetencies)
				.where(
					and(
						eq(organisationCompetencies.networkId, networkId),
						eq(organisationCompetencies.organisationId, organisationId)
					)
				);
			if (chosen.length > 0) {
				await t
					.insert(organisationCompetencies)
					.values(chosen.map((c) => ({ networkId, organisationId, competenceId: c.id })));
			}
		}
		await refreshSearchDocuments(networkId, [organisationId], t);
		await recordAudit(
			{
				networkId,
				actor,
				action: 'organisation.profile_updated',
				targetType: 'organisation',
				targetId: organisationId,
				details: { before, after },
				context: input.context
			},
			t
		);
		return { ok: true, changed };
	});
}
