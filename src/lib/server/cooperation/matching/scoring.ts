/**
 * The matching formula, in named constants (no black box). For a candidate (an organisation of the
 * network or a live counter-profile) of a profile P:
 *
 *   score = 3   · (P's competencies the candidate has itself)
 *         + 2.5 · (P's competencies the candidate has only through a sub-competence)
 *         + 1   · (shared drivetrains)
 *         + 4   · (text similarity, 0..1)
 *         + 1.5 if P looks for research (R&D partner search, student project) and the candidate
 *               organisation is a research institution
 *         + 2   if the organisation has a live counter-profile (members' visibility) that matches P
 *
 * A candidate is a match only with a substantive reason: a shared competence, a text similarity of
 * at least 'medium', or (organisations) a matching counter-profile. Drivetrains and the bonuses
 * only order the matches; they never make one.
 */
import type { ProfileType } from '../../../cooperation/vocabulary.ts';

/**
 * A competence the candidate names itself is the strongest, curated fact: the office's taxonomy,
 * chosen by the organisation. Worth most.
 */
export const EXACT_COMPETENCE_WEIGHT = 3;
/**
 * A sub-competence counts for its parent ("CFK" answers "Leichtbau"), slightly less: the candidate
 * covers part of what P names, not necessarily all of it.
 */
export const CHILD_COMPETENCE_WEIGHT = 2.5;
/**
 * Drivetrain relevance is broad (most suppliers name several), so each shared one adds a little:
 * it orders candidates with the same competencies but cannot make a match alone.
 */
export const DRIVETRAIN_WEIGHT = 1;
/**
 * Text similarity is 0..1; ×4 makes a high similarity (≥ 0.5 → ≥ 2) worth about one shared
 * competence: words catch what the taxonomy misses (products, methods), but are noisier.
 */
export const TEXT_WEIGHT = 4;
/**
 * R&D partner searches and student projects look for research partners: a university or institute
 * with a substantive reason is lifted by half a competence.
 */
export const RESEARCH_BONUS = 1.5;
/** The profile types for which research institutions get RESEARCH_BONUS. */
export const researchSeekingTypes: readonly ProfileType[] = ['rnd_partner_search', 'student_project'];
/**
 * An organisation that has published the counterpart itself (a request for P's offer) has said in
 * so many words that it wants this: worth about two-thirds of a shared competence.
 */
export const COUNTERPART_BONUS = 2;

/**
 * Text similarity is PostgreSQL's ts_rank_cd of P's words (OR-ed lexemes) in the candidate's
 * document with normalisation 32, i.e. rank / (rank + 1), which maps 0..∞ onto 0..1. In an
 * organisation's members' document a competence/keyword hit weighs 0.4 (weight B), a description
 * hit 0.2 (C) or 0.1 (English, D), a name hit 1.0 (A); in a profile's own document every word
 * weighs 0.4 (PROFILE_TEXT_WEIGHTS: all of a profile's words are about its subject).
 *
 * - high ≥ 0.5: raw rank ≥ 1, e.g. three keyword/competence hits or five description hits;
 * - medium ≥ 0.25: raw rank ≥ 1/3, e.g. one keyword hit plus a description hit, or two
 *   description hits; enough to be a match on its own;
 * - low > 0: a single description word in common, shown but never a match alone.
 */
export const TEXT_HIGH = 0.5;
export const TEXT_MEDIUM = 0.25;
export type TextLevel = 'high' | 'medium' | 'low' | 'none';

export function textLevel(similarity: number): TextLevel {
	if (similarity >= TEXT_HIGH) return 'high';
	if (similarity >= TEXT_MEDIUM) return 'medium';
	if (similarity > 0) return 'low';
	return 'none';
}

/** ts_rank_cd weights {D, C, B, A} for a profile's `search` column (all its lexemes carry weight D). */
export const PROFILE_TEXT_WEIGHTS = '{0.4,0.4,0.4,1.0}';
/** ts_rank_cd's default weights {D, C, B, A}, for the organisations' weighted documents. */
export const ORGANISATION_TEXT_WEIGHTS = '{0.1,0.2,0.4,1.0}';

/**
 * Words every cooperation profile uses ("Wir suchen einen Partner für ein gemeinsames Projekt"):
 * left out of P's query, since they would make every description similar. Stemmed by PostgreSQL.
 */
export const GENERIC_WORDS =
	'suchen suche gesucht bieten bietet angebot anbieten partner partnerin partnern kooperation ' +
	'kooperationspartner zusammenarbeit projekt projekte unternehmen firma firmen gemeinsam gemeinsame ' +
	'region regional interesse möglich möglichkeit bereich thema neue neuen gerne kontakt mitglied ' +
	'netzwerk search offer partners cooperation project company together';

/** How many organisations a profile's recorded matches keep. */
export const RECORDED_MATCHES = 10;
/** The default length of findMatches' lists. */
export const DEFAULT_MATCH_LIMIT = 20;
/**
 * Candidates that get the full (expensive) text rank: this many by shared competencies plus this
 * many by the cheap rank of their words; see queries.ts.
 */
export const SHORTLIST = 60;
/** The most words of a profile its text query uses (see queries.ts). */
export const QUERY_LEXEMES = 64;
