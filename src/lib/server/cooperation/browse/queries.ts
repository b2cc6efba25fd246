import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { db } from '../../db/index.ts';
import { competencies, cooperationProfiles, organisations } from '../../db/schema/index.ts';
import type { Actor } from '../../policy/actor.ts';
import { can } from '../../policy/policy.ts';
import {
	profileVisibilities,
	type PartnershipKind,
	type ProfileType
} from '../../../cooperation/vocabulary.ts';
import type { Drivetrain } from '../../../directory/vocabulary.ts';
import { explainMatch, findMatches } from '../matching/index.ts';
import { ownerColumns, profileOwner, type OwnerOrganisation, type ProfileOwner } from '../owner.ts';
import { profileResource, type ProfileRow } from '../scope.ts';

export type CompetenceName = { id: string; path: string; nameDe: string; nameEn: string };

export type ProfileListFilters = {
	type?: ProfileType | null;
	/** A taxonomy path: profiles naming this competence or one below it. */
	competence?: string | null;
	drivetrain?: Drivetrain | null;
	partnership?: PartnershipKind | null;
	/** Full text over the profile's own words (German, websearch syntax); never the owner's name. */
	q?: string | null;
	page: number;
	pageSize: number;
};

export type ListedProfile = {
	profile: Pick<
		ProfileRow,
		| 'id'
		| 'networkId'
		| 'organisationId'
		| 'type'
		| 'status'
		| 'visibility'
		| 'title'
		| 'summary'
		| 'descriptionDe'
		| 'descriptionEn'
		| 'keywords'
		| 'drivetrains'
		| 'trl'
		| 'partnershipKinds'
		| 'expiresAt'
		| 'publishedAt'
		| 'updatedAt'
	>;
	revealedTo: string[];
	organisation: OwnerOrganisation;
	competencies: CompetenceName[];
};

/** No organisation has this id: a probe profile that belongs to nobody the actor is part of. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

/**
 * Which live profiles an actor may see, as SQL: the policy's 'cooperation.profile.view' asked for
 * a live profile of each visibility owned by somebody else, plus the live profiles of the actor's
 * own organisations. The lists filter in the database this way and then ask `can()` once more per
 * row; cooperation-browse.test.ts compares both for every role.
 */
function listableSql(actor: Actor, networkId: string, now: Date): SQL {
	const visibilities = profileVisibilities.filter((visibility) =>
		can(actor, 'cooperation.profile.view', {
			networkId,
			profile: { organisationId: NOBODY, status: 'published', visibility, expired: false, revealedTo: [] }
		})
	);
	const own = actor.organisations.map((m) => m.organisationId);
	const seen: SQL[] = [];
	if (visibilities.length) seen.push(inArray(cooperationProfiles.visibility, visibilities));
	if (own.length) seen.push(inArray(cooperationProfiles.organisationId, own));
	const live = sql`${cooperationProfiles.status} = 'published' and (${cooperationProfiles.expiresAt} is null or ${cooperationProfiles.expiresAt} > ${now})`;
	return seen.length ? sql`(${live} and (${sql.join(seen, sql` or `)}))` : sql`false`;
}

const competenceNames = (networkId: string) => sql<CompetenceName[]>`coalesce((
	select json_agg(json_build_object('id', c.id, 'path', c.path, 'nameDe', c.name_de, 'nameEn', c.name_en) order by c.path)
	from cooperation_profile_competencies pc
	join competencies c on c.id = pc.competence_id and c.network_id = ${networkId}
	where pc.network_id = ${networkId} and pc.profile_id = ${cooperationProfiles.id}
), '[]'::json)`;

const revealedToSql = (networkId: string) => sql<string[]>`array(
	select i.organisation_id::text from cooperation_interests i
	where i.network_id = ${networkId} and i.profile_id = ${cooperationProfiles.id} and i.status = 'accepted'
)`;

/**
 * One page of the live profiles the actor may see, with their owners' directory facts and
 * competencies, in one statement (`total` by a window count). With `q`, best matches first;
 * otherwise newest first. `q` searches the profile's own `search` column only, so the owner's
 * name never finds an anonymous profile.
 */
export async function listProfiles(
	actor: Actor,
	networkId: string,
	filters: ProfileListFilters,
	now = new Date()
): Promise<{ items: ListedProfile[]; total: number }> {
	const database = await db();
	const query = filters.q?.trim() ? sql`websearch_to_tsquery('german', ${filters.q.trim()})` : null;
	const conditions: SQL[] = [
		eq(cooperationProfiles.networkId, networkId),
		listableSql(actor, networkId, now)
	];
	if (filters.type) conditions.push(eq(cooperationProfiles.type, filters.type));
	if (filters.drivetrain)
		conditions.push(sql`${cooperationProfiles.drivetrains} @> array[${filters.drivetrain}]::text[]`);
	if (filters.partnership)
		conditions.push(sql`${cooperationProfiles.partnershipKinds} @> array[${filters.partnership}]::text[]`);
	if (filters.competence)
		conditions.push(sql`exists (
			select 1 from cooperation_profile_competencies pc
			join competencies c on c.id = pc.competence_id and c.network_id = ${networkId}
			where pc.network_id = ${networkId} and pc.profile_id = ${cooperationProfiles.id}
				and (c.path = ${filters.competence} or starts_with(c.path, ${`${filters.competence}.`}))
		)`);
	if (query) conditions.push(sql`${cooperationProfiles.search} @@ ${query}`);
	const order = query ? [desc(sql`ts_rank(${cooperationProfiles.search}, ${query})`)] : [];
	const rows = await database
		.select({
			profile: {
				id: cooperationProfiles.id,
				networkId: cooperationProfiles.networkId,
				organisationId: cooperationProfiles.organisationId,
				type: cooperationProfiles.type,
				status: cooperationProfiles.status,
				visibility: cooperationProfiles.visibility,
				title: cooperationProfiles.title,
				summary: cooperationProfiles.summary,
				descriptionDe: cooperationProfiles.descriptionDe,
				descriptionEn: cooperationProfiles.descriptionEn,
				keywords: cooperationProfiles.keywords,
				drivetrains: cooperationProfiles.drivetrains,
				trl: cooperationProfiles.trl,
				partnershipKinds: cooperationProfiles.partnershipKinds,
				expiresAt: cooperationProfiles.expiresAt,
				publishedAt: cooperationProfiles.publishedAt,
				updatedAt: cooperationProfiles.updatedAt
			},
			organisation: ownerColumns,
			competencies: competenceNames(networkId),
			revealedTo: revealedToSql(networkId),
			total: sql<number>`count(*) over ()`.mapWith(Number)
		})
		.from(cooperationProfiles)
		.innerJoin(
			organisations,
			and(eq(organisations.id, cooperationProfiles.organisationId), eq(organisations.networkId, networkId))
		)
		.where(and(...conditions))
		.orderBy(...order, sql`${cooperationProfiles.publishedAt} desc nulls last`, asc(cooperationProfiles.id))
		.limit(filters.pageSize)
		.offset((filters.page - 1) * filters.pageSize);
	let total = rows[0]?.total ?? 0;
	if (rows.length === 0 && filters.page > 1) {
		// Past the last page: the window count has no row to ride on.
		const [counted] = await database
			.select({ total: count() })
			.from(cooperationProfiles)
			.where(and(...conditions));
		total = counted?.total ?? 0;
	}
	const items = rows
		.map(({ total: _total, ...row }) => ({ ...row, revealedTo: row.revealedTo ?? [] }))
		// The SQL above is the policy's rule; asking the policy again keeps the two from drifting apart.
		.filter((row) => can(actor, 'cooperation.profile.view', profileResource(row.profile, row.revealedTo)));
	return { items, total };
}

/** The network's taxonomy as choices for the competence filter, in tree order by path. */
export async function listCompetenceChoices(
	networkId: string
): Promise<(CompetenceName & { depth: number })[]> {
	const rows = await (
		await db()
	)
		.select({
			id: competencies.id,
			path: competencies.path,
			nameDe: competencies.nameDe,
			nameEn: competencies.nameEn,
			parentId: competencies.parentId,
			position: competencies.position
		})
		.from(competencies)
		.where(eq(competencies.networkId, networkId));
	const children = new Map<string | null, typeof rows>();
	for (const row of rows) children.set(row.parentId, [...(children.get(row.parentId) ?? []), row]);
	const ordered: (CompetenceName & { depth: number })[] = [];
	const visit = (parentId: string | null, depth: number) => {
		const list = (children.get(parentId) ?? []).sort(
			(a, b) => a.position - b.position || a.nameDe.localeCompare(b.nameDe, 'de')
		);
		for (const row of list) {
			ordered.push({ id: row.id, path: row.path, nameDe: row.nameDe, nameEn: row.nameEn, depth });
			visit(row.id, depth + 1);
		}
	};
	visit(null, 0);
	return ordered;
}

/** The owner's selection of a profile's columns that lists, the API and the matches need. */
const listedColumns = {
	id: cooperationProfiles.id,
	networkId: cooperationProfiles.networkId,
	organisationId: cooperationProfiles.organisationId,
	type: cooperationProfiles.type,
	status: cooperationProfiles.status,
	visibility: cooperationProfiles.visibility,
	expiresAt: cooperationProfiles.expiresAt
};

export type ViewerMatches = {
	organisations: { id: string; name: string; slug: string; score: number; reasons: string[] }[];
	/** Counter-profiles the viewer may open, their owners as far as the viewer may know them. */
	profiles: {
		id: string;
		title: string;
		type: ProfileType;
		owner: ProfileOwner;
		score: number;
		reasons: string[];
	}[];
};

/**
 * The matching engine's ranked organisations and counter-profiles for a profile, as one viewer
 * may see them: reasons in plain words, counter-profiles only when the viewer may open them and
 * their owners only through `profileOwner` (an anonymous counter-profile stays anonymous; its
 * organisation's id never leaves this function). The caller has checked 'cooperation.profile.stats'.
 */
export async function findViewerMatches(
	actor: Actor,
	networkId: string,
	profileId: string,
	locale: 'de' | 'en'
): Promise<ViewerMatches> {
	const database = await db();
	const matches = await findMatches(database, networkId, profileId, { limit: 10 });
	const counterIds = matches.profiles.map((match) => match.profileId);
	const counterRows = counterIds.length
		? await database
				.select({
					profile: listedColumns,
					organisation: ownerColumns,
					revealedTo: revealedToSql(networkId)
				})
				.from(cooperationProfiles)
				.innerJoin(
					organisations,
					and(
						eq(organisations.id, cooperationProfiles.organisationId),
						eq(organisations.networkId, networkId)
					)
				)
				.where(and(eq(cooperationProfiles.networkId, networkId), inArray(cooperationProfiles.id, counterIds)))
		: [];
	const byId = new Map(counterRows.map((row) => [row.profile.id, row]));
	return {
		organisations: matches.organisations.map((match) => ({
			id: match.organisationId,
			name: match.organisationName,
			slug: match.organisationSlug,
			score: match.score,
			reasons: explainMatch(match.reasons, locale)
		})),
		profiles: matches.profiles.flatMap((match) => {
			const row = byId.get(match.profileId);
			const revealedTo = row?.revealedTo ?? [];
			if (!row || !can(actor, 'cooperation.profile.view', profileResource(row.profile, revealedTo)))
				return [];
			return [
				{
					id: match.profileId,
					title: match.title,
					type: match.type,
					owner: profileOwner(actor, row.profile, revealedTo, row.organisation),
					score: match.score,
					reasons: explainMatch(match.reasons, locale)
				}
			];
		})
	};
}
