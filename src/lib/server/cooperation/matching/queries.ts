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
 * The shared part of both statements: the profile P (of the network), its OR-ed text query, its
 * competencies with their subtrees, and P's live counter-profiles with their facts. Everything is
 * scoped by the network.
 */
function matchingCtes(networkId: string, profileId: string, now: Date): SQL {
	return sql`
		p as (
			select id, organisation_id, type, drivetrains, search from cooperation_profiles
			where network_id = ${networkId} and id = ${profileId}
		),
		-- P's own lexemes (title, summary, descriptions, keywords), OR-ed, without the words every
		-- profile uses and without one- and two-letter fragments ("e" of "E-Fuels").
		q as (
			select (
				select string_agg('''' || lex || '''', ' | ')
				from p, unnest(tsvector_to_array(p.search)) as lex
				where length(lex) >= 3 and position(chr(39) in lex) = 0 and position(chr(92) in lex) = 0
					and lex <> all (tsvector_to_array(to_tsvector('german', ${GENERIC_WORDS})))
			)::tsquery as query
		),
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
		counter_hits as (
			select x.profile_id as cid, sub.pid, bool_or(x.competence_id = sub.pid) as exact
			from sub join cooperation_profile_competencies x
				on x.network_id = ${networkId} and x.competence_id = sub.cid
			group by x.profile_id, sub.pid
		),
		counter_candidates as (
			select cp.id from cooperation_profiles cp, q
			where cp.network_id = ${networkId} and q.query is not null and cp.search @@ q.query
			union
			select cid from counter_hits
		),
		counter as (
			select cp.id, cp.organisation_id, cp.type, cp.title, cp.visibility, cp.created_at,
				coalesce(h.competencies, '[]'::jsonb) as competencies,
				coalesce(h.exact_count, 0) as exact_count,
				coalesce(h.child_count, 0) as child_count,
				array(select unnest(cp.drivetrains) intersect select unnest(p.drivetrains)) as drivetrains,
				case when q.query is null then 0
					else ts_rank_cd(${PROFILE_TEXT_WEIGHTS}::float4[], cp.search, q.query, 32) end as text_rank
			from counter_candidates cc
			join cooperation_profiles cp on cp.id = cc.id and cp.network_id = ${networkId}
			cross join p cross join q
			left join lateral (
				select jsonb_agg(jsonb_build_object('id', pc.id, 'nameDe', pc.name_de, 'nameEn', pc.name_en,
						'viaChild', not ch.exact) order by pc.path) as competencies,
					count(*) filter (where ch.exact) as exact_count,
					count(*) filter (where not ch.exact) as child_count
				from counter_hits ch join pc on pc.id = ch.pid
				where ch.cid = cp.id
			) h on true
			where cp.status = 'published' and (cp.expires_at is null or cp.expires_at > ${now.toISOString()}::timestamptz)
				and cp.type in (select answer from answer)
				and cp.organisation_id <> p.organisation_id and cp.id <> p.id
		),
		counter_scored as (
			select counter.*,
				${EXACT_COMPETENCE_WEIGHT}::float8 * exact_count + ${CHILD_COMPETENCE_WEIGHT}::float8 * child_count
					+ ${DRIVETRAIN_WEIGHT}::float8 * cardinality(drivetrains) + ${TEXT_WEIGHT}::float8 * text_rank as score
			from counter
			where exact_count + child_count > 0 or text_rank >= ${TEXT_MEDIUM}::float8
		)`;
}

type CounterRow = {
	id: string;
	organisation_id: string;
	type: ProfileType;
	title: string;
	visibility: ProfileVisibility;
	competencies: CompetenceReason[] | string;
	drivetrains: string[] | null;
	text_rank: number | string;
	score: number | string;
};

type OrganisationRow = {
	id: string;
	name: string;
	slug: string;
	competencies: CompetenceReason[] | string;
	drivetrains: string[] | null;
	text_rank: number | string;
	research: boolean;
	counter_profile_id: string | null;
	counter_type: ProfileType | null;
	score: number | string;
};

const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/** Organisations of the network (members and partners, not P's owner) with a substantive reason, best first. */
export async function organisationMatches(
	database: DatabaseOrTransaction,
	networkId: string,
	profileId: string,
	limit: number,
	now = new Date()
): Promise<OrganisationMatchRow[]> {
	const researchTypes = sql.join(
		researchSeekingTypes.map((type) => sql`${type}`),
		sql`, `
	);
	const result = await database.execute<OrganisationRow>(sql`
		with ${matchingCtes(networkId, profileId, now)},
		-- An organisation's best counter-profile; only members' profiles, so that an anonymous one is
		-- never tied to its organisation in another organisation's list.
		best_counter as (
			select distinct on (organisation_id) organisation_id, id, type
			from counter_scored where visibility = 'members'
			order by organisation_id, score desc, created_at, id
		),
		org_hits as (
			select oc.organisation_id as oid, sub.pid, bool_or(oc.competence_id = sub.pid) as exact
			from sub join organisation_competencies oc
				on oc.network_id = ${networkId} and oc.competence_id = sub.cid
			group by oc.organisation_id, sub.pid
		),
		candidates as (
			select o.id from organisations o, q
			where o.network_id = ${networkId} and q.query is not null and o.search_members @@ q.query
			union select oid from org_hits
			union select organisation_id from best_counter
		),
		facts as (
			select o.id, o.name, o.slug,
				coalesce(h.competencies, '[]'::jsonb) as competencies,
				coalesce(h.exact_count, 0) as exact_count,
				coalesce(h.child_count, 0) as child_count,
				array(select unnest(o.drivetrains) intersect select unnest(p.drivetrains)) as drivetrains,
				case when q.query is null or o.search_members is null then 0
					else ts_rank_cd(${ORGANISATION_TEXT_WEIGHTS}::float4[], o.search_members, q.query, 32) end as text_rank,
				(o.kind = 'research' and p.type in (${researchTypes})) as research,
				bc.id as counter_profile_id, bc.type as counter_type
			from candidates
			join organisations o on o.id = candidates.id and o.network_id = ${networkId}
			cross join p cross join q
			left join best_counter bc on bc.organisation_id = o.id
			left join lateral (
				select jsonb_agg(jsonb_build_object('id', pc.id, 'nameDe', pc.name_de, 'nameEn', pc.name_en,
						'viaChild', not oh.exact) order by pc.path) as competencies,
					count(*) filter (where oh.exact) as exact_count,
					count(*) filter (where not oh.exact) as child_count
				from org_hits oh join pc on pc.id = oh.pid
				where oh.oid = o.id
			) h on true
			where o.status in ('member', 'partner') and o.id <> p.organisation_id
		)
		select id, name, slug, competencies, drivetrains, text_rank, research, counter_profile_id, counter_type,
			${EXACT_COMPETENCE_WEIGHT}::float8 * exact_count + ${CHILD_COMPETENCE_WEIGHT}::float8 * child_count
				+ ${DRIVETRAIN_WEIGHT}::float8 * cardinality(drivetrains) + ${TEXT_WEIGHT}::float8 * text_rank
				+ case when research then ${RESEARCH_BONUS}::float8 else 0 end
				+ case when counter_profile_id is not null then ${COUNTERPART_BONUS}::float8 else 0 end as score
		from facts
		where exact_count + child_count > 0 or text_rank >= ${TEXT_MEDIUM}::float8 or counter_profile_id is not null
		order by score desc, name, id
		limit ${limit}
	`);
	return result.rows.map((row) => {
		const reasons: MatchReasons = {
			competencies: json(row.competencies),
			drivetrains: orderDrivetrains(row.drivetrains),
			textSimilarity: round(num(row.text_rank)),
			direction: 'organisation'
		};
		if (row.research) reasons.research = true;
		if (row.counter_type) reasons.counterpartType = row.counter_type;
		return {
			organisationId: row.id,
			organisationName: row.name,
			organisationSlug: row.slug,
			score: round(num(row.score)),
			reasons,
			counterProfileId: row.counter_profile_id
		};
	});
}

/** Live counter-profiles (of the answering types, not P's owner's) with a substantive reason, best first. */
export async function counterProfileMatches(
	database: DatabaseOrTransaction,
	networkId: string,
	profileId: string,
	limit: number,
	now = new Date()
): Promise<CounterProfileMatch[]> {
	const result = await database.execute<CounterRow>(sql`
		with ${matchingCtes(networkId, profileId, now)}
		select id, organisation_id, type, title, visibility, competencies, drivetrains, text_rank, score
		from counter_scored
		order by score desc, created_at desc, id
		limit ${limit}
	`);
	return result.rows.map((row) => ({
		profileId: row.id,
		title: row.title,
		type: row.type,
		visibility: row.visibility,
		organisationId: row.organisation_id,
		score: round(num(row.score)),
		reasons: {
			competencies: json(row.competencies),
			drivetrains: orderDrivetrains(row.drivetrains),
			textSimilarity: round(num(row.text_rank)),
			direction: 'counterpart',
			counterpartType: row.type
		}
	}));
}

/** See the contract in index.ts. */
export async function findMatches(
	database: DatabaseOrTransaction,
	networkId: string,
	profileId: string,
	options: FindMatchesOptions = {}
): Promise<ProfileMatches> {
	const limit = options.limit ?? DEFAULT_MATCH_LIMIT;
	const now = options.now ?? new Date();
	const organisations = await organisationMatches(database, networkId, profileId, limit, now);
	const profiles = await counterProfileMatches(database, networkId, profileId, limit, now);
	return {
		organisations: organisations.map(({ counterProfileId: _, ...match }) => match),
		profiles
	};
}
