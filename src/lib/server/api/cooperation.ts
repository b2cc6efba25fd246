import { m } from '../../paraglide/messages.js';
import { typesWithTrl } from '../../cooperation/vocabulary.ts';
import { findProfile } from '../cooperation/queries.ts';
import { profileOwner, type ProfileOwner } from '../cooperation/owner.ts';
import { profileResource, type ProfileRow } from '../cooperation/scope.ts';
import { listProfiles, type CompetenceName } from '../cooperation/browse/queries.ts';
import { findProfileDetail } from '../cooperation/browse/detail/queries.ts';
import { profileState } from '../cooperation/browse/present.ts';
import { can } from '../policy/policy.ts';
import { isUuid } from '../office/params.ts';
import { errorResponse, okResponse, requirePermission, runApi, type ApiContext } from './http.ts';
import { parseQuery } from './query-params.ts';
import {
	cooperationListQuerySchema,
	type ApiCooperationProfile,
	type ApiCooperationProfileList
} from './cooperation-schemas.ts';

/**
 * GET /api/v1/cooperation-profiles and /{id}. Which profiles a caller gets is the web page's rule
 * ('cooperation.profile.view'): without a token the live public anonymous ones, with a token what
 * its user may see. The owner goes through `profileOwner`, so an anonymous profile's owner is
 * kind, size class and district — no id, no name — until it accepted the caller's interest.
 */

type ApiProfileRow = Pick<
	ProfileRow,
	| 'id'
	| 'type'
	| 'status'
	| 'expiresAt'
	| 'visibility'
	| 'title'
	| 'summary'
	| 'descriptionDe'
	| 'descriptionEn'
	| 'keywords'
	| 'drivetrains'
	| 'trl'
	| 'partnershipKinds'
	| 'publishedAt'
>;

export function toApiCooperationProfile(
	profile: ApiProfileRow,
	competencies: CompetenceName[],
	owner: ProfileOwner,
	origin: string
): ApiCooperationProfile {
	const { kind, sizeClass, district } = owner;
	return {
		id: profile.id,
		type: profile.type,
		status: profileState(profile),
		visibility: profile.visibility,
		title: profile.title,
		summary: profile.summary,
		description: { de: profile.descriptionDe, en: profile.descriptionEn },
		competencies: competencies.map((c) => ({ id: c.id, path: c.path, name: { de: c.nameDe, en: c.nameEn } })),
		keywords: profile.keywords,
		drivetrains: profile.drivetrains,
		trl: typesWithTrl.includes(profile.type) ? profile.trl : null,
		partnershipKinds: profile.partnershipKinds,
		publishedAt: profile.publishedAt?.toISOString() ?? null,
		expiresAt: profile.expiresAt?.toISOString() ?? null,
		// Built field by field: nothing of the organisation but what profileOwner let through.
		owner: owner.anonymous
			? { anonymous: true, kind, sizeClass, district }
			: { anonymous: false, id: owner.id, name: owner.name, slug: owner.slug, kind, sizeClass, district },
		url: `${origin}/cooperation/${profile.id}`
	};
}

/** GET /api/v1/cooperation-profiles — one page of the live profiles the caller may see. */
export function listCooperationProfiles(ctx: ApiContext) {
	return runApi(ctx, async (actor) => {
		requirePermission(actor, 'api.cooperation.read');
		const query = parseQuery(ctx.url, cooperationListQuerySchema);
		const { items, total } = await listProfiles(actor, actor.networkId, query);
		const body: ApiCooperationProfileList = {
			data: items.map((item) =>
				toApiCooperationProfile(
					item.profile,
					item.competencies,
					profileOwner(actor, item.profile, item.revealedTo, item.organisation),
					ctx.url.origin
				)
			),
			page: query.page,
			pageSize: query.pageSize,
			total
		};
		return okResponse(body, actor);
	});
}

/**
 * GET /api/v1/cooperation-profiles/{id}. Unknown, malformed, other networks' ids and profiles the
 * caller may not view (another organisation's draft, a members' profile without a token) all
 * answer the same 404, so an id reveals nothing about what exists.
 */
export function showCooperationProfile(ctx: ApiContext, id: string) {
	return runApi(ctx, async (actor) => {
		requirePermission(actor, 'api.cooperation.read');
		const loaded = isUuid(id) ? await findProfile(actor.networkId, id.toLowerCase()) : null;
		if (
			!loaded ||
			!can(actor, 'cooperation.profile.view', profileResource(loaded.profile, loaded.revealedTo))
		)
			return errorResponse('NOT_FOUND', 404, m.cooperation_api_profile_not_found({}, { locale: ctx.locale }));
		const { profile, revealedTo } = loaded;
		const detail = await findProfileDetail(actor.networkId, profile, { attachments: false });
		const owner = profileOwner(actor, profile, revealedTo, detail.organisation);
		return okResponse(toApiCooperationProfile(profile, detail.competencies, owner, ctx.url.origin), actor);
	});
}
