import { sql, type SQL } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/index.ts';
import type { MatchReasons as StoredMatchReasons } from '../../db/schema/index.ts';
import {
	counterpartTypes,
	profileTypes,
	type ProfileType,
	type ProfileVisibility
} from '../../../cooperation/vocabulary.ts';
import { drivetrains as drivetrainOrder } from '../../../directory/vocabulary.ts';
import {
	CHILD_COMPETENCE_WEIGHT,
	COUNTERPART_BONUS,
	DEFAULT_MATCH_LIMIT,
	DRIVETRAIN_WEIGHT,
	EXACT_COMPETENCE_WEIGHT,
	GENERIC_WORDS,
	ORGANISATION_TEXT_WEIGHTS,
	PROFILE_TEXT_WEIGHTS,
	RESEARCH_BONUS,
	QUERY_LEXEMES,
	SHORTLIST,
	researchSeekingTypes,
	TEXT_MEDIUM,
	TEXT_WEIGHT
} from './scoring.ts';
import type {
	CounterProfileMatch,
	FindMatchesOptions,
	MatchReasons,
	OrganisationMatch,
	ProfileMatches
} from './index.ts';

/** An organisation match with the counter-profile recorded next to it. */
export type OrganisationMatchRow = OrganisationMatch & { counterProfileId: string | null };

type CompetenceReason = StoredMatchReasons['competencies'][number];

const num = (value: number | string | null | undefined) => Number(value ?? 0);
const round = (value: number) => Math.round(value * 10_000) / 10_000;
const orderDrivetrains = (values: string[] | null) =>
	drivetrainOrder.filter((drivetrain) => (values ?? []).includes(drivetrain));

/** (profile type, answering type) pairs of `counterpartTypes`, as a VALUES list. */
function counterpartPairs(): SQL {
	const pairs = profileTypes.flatMap((type) =>
		counterpartTypes[type].map((answer) => sql`(${type}, ${answer})`)
	);
	return sql`(values ${sql.join(pairs, sql`, `)}) as pairs(type, answer)`;
}

/**
 * A tsquery of a document's lexemes OR-ed ('leichtbau' | 'batteriegehaus' | …), taken as they are
 * (already stemmed), without the words every profile uses (GENERIC_WORDS) and without one- and
 * two-letter fragments ("e" of "E-Fuels"); null without any. At most QUERY_LEXEMES: the most
 * frequent in the profile, then the earliest (title and summary come first), so a 20,000-character
 * description neither matches everything nor makes ranking slow.
 */
function orQuery(vector: SQL): SQL {
	return sql`(
		select string_agg('''' || lexeme || '''', ' | ')::tsquery
		from (
			select u.lexeme from unnest(${vector}) as u(lexeme, positions, weights)
			where length(u.lexeme) >= 3 and position(chr(39) in u.lexeme) = 0
				and position(chr(92) in u.lexeme) = 0
				and u.lexeme <> all (tsvector_to_array(to_tsvector('german', ${GENERIC_WORDS})))
			order by cardinality(u.positions) desc, u.positions[1], u.lexeme
			limit ${QUERY_LEXEMES}
		) chosen
	)`;
}

/**
 * The shared part of both statements: the profile P (of the network), its OR-ed text query, its
 * competencies with their subtrees, and P's live counter-profiles with their facts. Everything is
 * scoped by the network.
 *
 * ts_rank_cd is the expensive part (0.1–0.25 ms per document on PostgreSQL, 20 times ts_rank),
 * so it runs on a shortlist: the SHORTLIST candidates with the most shared competencies and the
 * SHORTLIST with the highest (cheap) ts_rank, whose order is close to ts_rank_cd's. A candidate
 * outside both lists has fewer shared competencies than 60 others and fewer words in common than
 * 60 others; it can hardly reach the top 20, and the statements stay fast on 10,000 organisations.
 */
function matchingCtes(networkId: string, profileId: string, now: Date): SQL {
	return sql`
		p as (
			select id, organisation_id, type, drivetrains, search from cooperation_profiles
			where network_id = ${networkId} and id = ${profileId}
		),
		-- P's own lexemes (title, summary, descriptions, keywords), OR-ed; see orQuery.
		q as (select ${orQuery(sql`p.search`)} as query from p),
		pc as (
			select c.id, c.path, c.name_de, c.name_en
			from cooperation_profile_competencies x
			join competencies c on c.id = x.competence_id and c.network_id = ${networkId}
			where x.network_id = ${networkId} and x.profile_id = ${profileId}
		),
		-- Each of P's competencies with itself and all its descendants (a sub-competence counts for its parent).
		sub as (
			select pc.id as pid, c.id as cid
			from pc join competencies c on c.network_id = ${networkId}
				and (c.id = pc.id or left(c.path, length(pc.path) + 1) = pc.path || '.')
		),
		answer as (
			select pairs.answer from ${counterpartPairs()} join p on p.type = pairs.type
		),
		-- Live counter-profiles of the answering types, not P's owner's.
		counter_pool as not materialized (
			select cp.id, cp.organisation_id, cp.type, cp.title, cp.visibility, cp.created_at, cp.drivetrains, cp.search
			from cooperation_profiles cp cross join p
			where cp.network_id = ${networkId} and cp.status = 'published'
				and (cp.expires_at is null or cp.expires_at > ${now.toISOString()}::timestamptz)
				and cp.type in (select answer from answer)
				and cp.organisation_id <> p.organisation_id and cp.id <> p.id
		),
		counter_competencies as (
			select h.cid, jsonb_agg(jsonb_build_object('id', pc.id, 'nameDe', pc.name_de, 'nameEn', pc.name_en,
					'viaChild', not h.exact) order by pc.path) as competencies,
				count(*) filter (where h.exact) as exact_count,
				count(*) filter (where not h.exact) as child_count
			from (
				select x.profile_id as cid, sub.pid, bool_or(x.competence_id = sub.pid) as exact
				from sub join cooperation_profile_competencies x
					on x.network_id = ${networkId} and x.competence_id = sub.cid
				group by x.profile_id, sub.pid
			) h join pc on pc.id = h.pid
			group by h.cid
		),
		counter_shortlist as (
			(select cc.cid as id from counter_competencies cc join counter_pool cp on cp.id = cc.cid
				order by ${EXACT_COMPETENCE_WEIGHT}::float8 * cc.exact_count + ${CHILD_COMPETENCE_WEIGHT}::float8 * cc.child_count desc
				limit ${SHORTLIST})
			union
			(select cp.id from counter_pool cp, q where q.query is not null and cp.search @@ q.query
				order by ts_rank(${PROFILE_TEXT_WEIGHTS}::float4[], cp.search, q.query, 32) desc
				limit ${SHORTLIST})
		),
		counter as materialized (
			select cp.id, cp.organisation_id, cp.type, cp.title, cp.visibility, cp.created_at,
				coalesce(cc.competencies, '[]'::jsonb) as competencies,
				coalesce(cc.exact_count, 0) as exact_count,
				coalesce(cc.child_count, 0) as child_count,
				array(select unnest(cp.drivetrains) intersect select unnest(p.drivetrains)) as drivetrains,
				case when q.query is null then 0
					else ts_rank_cd(${PROFILE_TEXT_WEIGHTS}::float4[], cp.search, q.query, 32) end as text_rank
			from counter_shortlist s
			join counter_pool cp on cp.id = s.id
			left join counter_competencies cc on cc.cid = cp.id
			cross join p cross join q
		),
		counter_scored as (
			select counter.*,
				${EXACT_COMPETENCE_WEIGHT}::float8 * exact_count + ${CHILD_COMPETENCE_WEIGHT}::float8 * child_count
					+ ${DRIVETRAIN_WEIGHT}::float8 * cardinality(drivetrains) + ${TEXT_WEIGHT}::float8 * text_rank as score
			from counter
			where exact_count + child_count > 0 or text_rank >= ${TEXT_MEDIUM}::float8
		)`;
}

/** One row of the statement: an organisation ('organisation') or a counter-profile ('profile'). */
type MatchRow = {
	kind: 'organisation' | 'profile';
	position: number | string;
	id: string;
	name: string | null;
	slug: string | null;
	title: string | null;
	type: ProfileType | null;
	visibility: ProfileVisibility | null;
	organisation_id: string;
	competencies: CompetenceReason[] | string;
	drivetrains: string[] | null;
	text_rank: number | string;
	research: boolean;
	counter_profile_id: string | null;
	counter_type: ProfileType | null;
	score: number | string;
};

const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/**
 * One statement for both lists: organisations of the network (members and partners, not P's
 * owner) and live counter-profiles, each with a substantive reason, best first. A limit of 0
 * leaves a list out.
 */
export async function matchesOf(
	database: DatabaseOrTransaction,
	networkId: string,
	profileId: string,
	limits: { organisations: number; profiles: number },
	now = new Date()
): Promise<{ organisations: OrganisationMatchRow[]; profiles: CounterProfileMatch[] }> {
	const researchTypes = sql.join(
		researchSeekingTypes.map((type) => sql`${type}`),
		sql`, `
	);
	const profileBranch =
		limits.profiles > 0
			? sql`
		union all
		(select 'profile' as kind, row_number() over (order by score desc, created_at desc, id) as position,
			id, null, null, title, type, visibility, organisation_id, competencies, drivetrains, text_rank,
			false, null, null, score
		from counter_scored
		order by score desc, created_at desc, id
		limit ${limits.profiles})`
			: sql``;
	const result = await database.execute<MatchRow>(sql`
		with ${matchingCtes(networkId, profileId, now)},
		-- An organisation's best counter-profile; only members' profiles, so that an anonymous one is
		-- never tied to its organisation in another organisation's list.
		best_counter as (
			select distinct on (organisation_id) organisation_id, id, type
			from counter_scored where visibility = 'members'
			order by organisation_id, score desc, created_at, id
		),
		org_pool as not materialized (
			select o.id, o.name, o.slug, o.kind, o.drivetrains, o.search_members
			from organisations o cross join p
			where o.network_id = ${networkId} and o.status in ('member', 'partner') and o.id <> p.organisation_id
		),
		org_competencies as (
			select h.oid, jsonb_agg(jsonb_build_object('id', pc.id, 'nameDe', pc.name_de, 'nameEn', pc.name_en,
					'viaChild', not h.exact) order by pc.path) as competencies,
				count(*) filter (where h.exact) as exact_count,
				count(*) filter (where not h.exact) as child_count
			from (
				select oc.organisation_id as oid, sub.pid, bool_or(oc.competence_id = sub.pid) as exact
				from sub join organisation_competencies oc
					on oc.network_id = ${networkId} and oc.competence_id = sub.cid
				group by oc.organisation_id, sub.pid
			) h join pc on pc.id = h.pid
			group by h.oid
		),
		candidates as (
			(select oc.oid as id from org_competencies oc join org_pool o on o.id = oc.oid
				order by ${EXACT_COMPETENCE_WEIGHT}::float8 * oc.exact_count + ${CHILD_COMPETENCE_WEIGHT}::float8 * oc.child_count desc
				limit ${SHORTLIST})
			union
			(select o.id from org_pool o, q where q.query is not null and o.search_members @@ q.query
				order by ts_rank(${ORGANISATION_TEXT_WEIGHTS}::float4[], o.search_members, q.query, 32) desc
				limit ${SHORTLIST})
			union
			select organisation_id from best_counter
		),
		facts as materialized (
			select o.id, o.name, o.slug,
				coalesce(oc.competencies, '[]'::jsonb) as competencies,
				coalesce(oc.exact_count, 0) as exact_count,
				coalesce(oc.child_count, 0) as child_count,
				array(select unnest(o.drivetrains) intersect select unnest(p.drivetrains)) as drivetrains,
				case when q.query is null or o.search_members is null then 0
					else ts_rank_cd(${ORGANISATION_TEXT_WEIGHTS}::float4[], o.search_members, q.query, 32) end as text_rank,
				(o.kind = 'research' and p.type in (${researchTypes})) as research,
				bc.id as counter_profile_id, bc.type as counter_type
			from candidates
			join org_pool o on o.id = candidates.id
			left join org_competencies oc on oc.oid = o.id
			left join best_counter bc on bc.organisation_id = o.id
			cross join p cross join q
		),
		org_scored as (
			select facts.*,
				${EXACT_COMPETENCE_WEIGHT}::float8 * exact_count + ${CHILD_COMPETENCE_WEIGHT}::float8 * child_count
					+ ${DRIVETRAIN_WEIGHT}::float8 * cardinality(drivetrains) + ${TEXT_WEIGHT}::float8 * text_rank
					+ case when research then ${RESEARCH_BONUS}::float8 else 0 end
					+ case when counter_profile_id is not null then ${COUNTERPART_BONUS}::float8 else 0 end as score
			from facts
			where exact_count + child_count > 0 or text_rank >= ${TEXT_MEDIUM}::float8 or counter_profile_id is not null
		)
		(select 'organisation' as kind, row_number() over (order by score desc, name, id) as position,
			id, name, slug, null as title, null as type, null as visibility, id as organisation_id,
			competencies, drivetrains, text_rank, research, counter_profile_id, counter_type, score
		from org_scored
		order by score desc, name, id
		limit ${limits.organisations})
		${profileBranch}
	`);
	const rows = [...result.rows].sort((a, b) => num(a.position) - num(b.position));
	const facts = (row: MatchRow) => ({
		competencies: json(row.competencies),
		drivetrains: orderDrivetrains(row.drivetrains),
		textSimilarity: round(num(row.text_rank))
	});
	const organisations = rows
		.filter((row) => row.kind === 'organisation')
		.map((row) => {
			const reasons: MatchReasons = { ...facts(row), direction: 'organisation' };
			if (row.research) reasons.research = true;
			if (row.counter_type) reasons.counterpartType = row.counter_type;
			return {
				organisationId: row.id,
				organisationName: row.name!,
				organisationSlug: row.slug!,
				score: round(num(row.score)),
				reasons,
				counterProfileId: row.counter_profile_id
			};
		});
	const profiles = rows
		.filter((row) => row.kind === 'profile')
		.map((row) => ({
			profileId: row.id,
			title: row.title!,
			type: row.type!,
			visibility: row.visibility!,
			organisationId: row.organisation_id,
			score: round(num(row.score)),
			reasons: { ...facts(row), direction: 'counterpart' as const, counterpartType: row.type! }
		}));
	return { organisations, profiles };
}

/** See the contract in index.ts: both lists in one statement. */
export async function findMatches(
	database: DatabaseOrTransaction,
	networkId: string,
	profileId: string,
	options: FindMatchesOptions = {}
): Promise<ProfileMatches> {
	const limit = options.limit ?? DEFAULT_MATCH_LIMIT;
	const { organisations, profiles } = await matchesOf(
		database,
		networkId,
		profileId,
		{ organisations: limit, profiles: limit },
		options.now
	);
	return { organisations: organisations.map(({ counterProfileId: _, ...match }) => match), profiles };
}
