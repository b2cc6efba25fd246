import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import { useFreshDatabase } from '../helpers/database.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import { cooperationMatches } from '../../src/lib/server/db/schema/index.ts';
import {
	assignCompetencies,
	createCompetence,
	createNetwork,
	createOrganisation
} from '../../src/lib/server/testing/factories.ts';
import { createProfile } from '../../src/lib/server/testing/cooperation-factories.ts';
import { refreshSearchDocuments } from '../../src/lib/server/directory/mutations.ts';
import { xssPayloads } from '../../src/lib/server/testing/xss.ts';
import {
	explainMatch,
	findMatches,
	recordMatches,
	type OrganisationMatch
} from '../../src/lib/server/cooperation/matching/index.ts';
import { TEXT_HIGH, TEXT_MEDIUM } from '../../src/lib/server/cooperation/matching/scoring.ts';
import {
	labelledOrganisations,
	labelledProfiles,
	precisionAt,
	seedLabelledFixture,
	type LabelledFixture,
	type OrganisationSpec,
	type OrganisationKey,
	type ProfileKey
} from '../fixtures/cooperation-matching.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
});
afterAll(async () => {
	await database?.close();
});

const DAY = 86_400_000;

/** A small network: Leichtbau > {CFK, Aluminiumguss}, Antrieb > Brennstoffzelle. */
async function smallNetwork() {
	const networkId = (await createNetwork(db)).id;
	const leichtbau = await createCompetence(db, networkId, {
		slug: 'leichtbau',
		nameDe: 'Leichtbau',
		nameEn: 'Lightweight construction'
	});
	const cfk = await createCompetence(db, networkId, {
		slug: 'cfk',
		nameDe: 'CFK',
		nameEn: 'Carbon fibre',
		parent: leichtbau
	});
	const aluminium = await createCompetence(db, networkId, {
		slug: 'aluminium',
		nameDe: 'Aluminiumguss',
		nameEn: 'Aluminium casting',
		parent: leichtbau
	});
	const antrieb = await createCompetence(db, networkId, { slug: 'antrieb', nameDe: 'Antriebstechnik' });
	const brennstoffzelle = await createCompetence(db, networkId, {
		slug: 'brennstoffzelle',
		nameDe: 'Brennstoffzelle',
		nameEn: 'Fuel cell',
		parent: antrieb
	});
	const organisation = async (
		name: string,
		competenceIds: string[],
		overrides: Parameters<typeof createOrganisation>[2] = {}
	) => {
		const row = await createOrganisation(db, networkId, { name, ...overrides });
		await assignCompetencies(db, networkId, row.id, competenceIds);
		return row;
	};
	return { networkId, leichtbau, cfk, aluminium, antrieb, brennstoffzelle, organisation };
}

const names = (matches: OrganisationMatch[]) => matches.map((match) => match.organisationName);

describe('findMatches', () => {
	it('ranks exact competencies above a sub-competence, and both above drivetrains or weak text', async () => {
		const n = await smallNetwork();
		const owner = await n.organisation('Besitzer GmbH', []);
		await n.organisation('Zwei Exakt GmbH', [n.leichtbau.id, n.brennstoffzelle.id]);
		await n.organisation('Ein Exakt GmbH', [n.leichtbau.id]);
		await n.organisation('Unterkompetenz GmbH', [n.cfk.id]);
		await n.organisation('Nur Antrieb GmbH', [], { drivetrains: ['hydrogen'] });
		await n.organisation('Nichts GmbH', [n.antrieb.id]);
		await refreshSearchDocuments(n.networkId, undefined, db);
		const profile = await createProfile(db, n.networkId, owner.id, {
			title: 'Tankhalter gesucht',
			summary: 'Halterungen',
			drivetrains: ['hydrogen'],
			competenceIds: [n.leichtbau.id, n.brennstoffzelle.id]
		});

		const { organisations } = await findMatches(db, n.networkId, profile.id);

		expect(names(organisations)).toEqual(['Zwei Exakt GmbH', 'Ein Exakt GmbH', 'Unterkompetenz GmbH']);
		expect(organisations[0]!.score).toBeGreaterThan(organisations[1]!.score);
		expect(organisations[1]!.score).toBeGreaterThan(organisations[2]!.score);
		expect(organisations[0]!.reasons.competencies.map((c) => [c.nameDe, c.viaChild])).toEqual([
			['Brennstoffzelle', false],
			['Leichtbau', false]
		]);
		expect(organisations.every((match) => match.reasons.direction === 'organisation')).toBe(true);
	});

	it('counts a sub-competence for its parent, but not a sibling or only the parent', async () => {
		const n = await smallNetwork();
		const owner = await n.organisation('Besitzer GmbH', []);
		const child = await n.organisation('Carbon GmbH', [n.cfk.id]);
		await n.organisation('Guss GmbH', [n.aluminium.id]);
		await n.organisation('Allgemein Leichtbau GmbH', [n.leichtbau.id]);
		await refreshSearchDocuments(n.networkId, undefined, db);
		const parentProfile = await createProfile(db, n.networkId, owner.id, {
			title: 'Bauteile',
			competenceIds: [n.leichtbau.id]
		});
		const childProfile = await createProfile(db, n.networkId, owner.id, {
			title: 'Bauteile',
			competenceIds: [n.cfk.id]
		});

		const forParent = await findMatches(db, n.networkId, parentProfile.id);
		const carbon = forParent.organisations.find((match) => match.organisationId === child.id);
		expect(carbon?.reasons.competencies).toEqual([
			{ id: n.leichtbau.id, nameDe: 'Leichtbau', nameEn: 'Lightweight construction', viaChild: true }
		]);
		// Guss GmbH also has a child of Leichtbau; Allgemein has Leichtbau itself.
		expect(names(forParent.organisations).sort()).toEqual([
			'Allgemein Leichtbau GmbH',
			'Carbon GmbH',
			'Guss GmbH'
		]);
		expect(forParent.organisations[0]!.organisationName).toBe('Allgemein Leichtbau GmbH');

		// For CFK: the sibling (Aluminiumguss) and the mere parent (Leichtbau) do not count.
		const forChild = await findMatches(db, n.networkId, childProfile.id);
		expect(names(forChild.organisations)).toEqual(['Carbon GmbH']);
		expect(forChild.organisations[0]!.reasons.competencies[0]!.viaChild).toBe(false);
	});

	it('names shared drivetrains in the vocabulary order, and they alone make no match', async () => {
		const n = await smallNetwork();
		const owner = await n.organisation('Besitzer GmbH', []);
		await n.organisation('Passt GmbH', [n.cfk.id], { drivetrains: ['hybrid', 'hydrogen', 'bev'] });
		await n.organisation('Nur Antrieb GmbH', [], { drivetrains: ['hydrogen', 'bev', 'hybrid'] });
		await refreshSearchDocuments(n.networkId, undefined, db);
		const profile = await createProfile(db, n.networkId, owner.id, {
			title: 'Bauteile',
			drivetrains: ['hybrid', 'bev', 'combustion'],
			competenceIds: [n.cfk.id]
		});
		const { organisations } = await findMatches(db, n.networkId, profile.id);
		expect(names(organisations)).toEqual(['Passt GmbH']);
		expect(organisations[0]!.reasons.drivetrains).toEqual(['bev', 'hybrid']);
		expect(explainMatch(organisations[0]!.reasons, 'de')).toContain(
			'passende Antriebsarten: Batterieelektrisch (BEV), Hybrid'
		);
	});

	it('finds an organisation by German text similarity alone, stemmed, but not by a generic word', async () => {
		const n = await smallNetwork();
		const owner = await n.organisation('Besitzer GmbH', []);
		await n.organisation('Textpartner GmbH', [], {
			shortDescriptionDe:
				'Wir fertigen Wasserstofftanks und Drucktanks aus Faserverbund und prüfen Tanksysteme.',
			keywords: ['Drucktank', 'Tanksystem']
		});
		await n.organisation('Allgemein GmbH', [], {
			shortDescriptionDe: 'Wir suchen Partner für gemeinsame Projekte in der Region.'
		});
		await refreshSearchDocuments(n.networkId, undefined, db);
		const profile = await createProfile(db, n.networkId, owner.id, {
			title: 'Drucktanks für Wasserstoff',
			summary: 'Wir suchen einen Partner für Tanksysteme in unserer Region.',
			keywords: ['Drucktank', 'Tanksysteme']
		});
		const { organisations } = await findMatches(db, n.networkId, profile.id);
		expect(names(organisations)).toEqual(['Textpartner GmbH']);
		const match = organisations[0]!;
		expect(match.reasons.competencies).toEqual([]);
		expect(match.reasons.textSimilarity).toBeGreaterThanOrEqual(TEXT_MEDIUM);
		expect(match.reasons.textSimilarity).toBeLessThanOrEqual(1);
		// High on PostgreSQL 18 (PGlite), medium on 15, whose older Snowball stemmer makes
		// "Tanksystem" 'tanksyst' but "Tanksysteme" 'tanksystem'.
		expect(explainMatch(match.reasons, 'de')).toEqual([
			match.reasons.textSimilarity >= TEXT_HIGH ? 'Textähnlichkeit hoch' : 'Textähnlichkeit mittel'
		]);
		expect(explainMatch(match.reasons, 'en')[0]).toMatch(/^text similarity (high|medium)$/);
	});

	it('matches counter-profiles only of the answering type, live, not the owner’s, and research institutions get their bonus', async () => {
		const n = await smallNetwork();
		const owner = await n.organisation('Besitzer GmbH', []);
		const other = await n.organisation('Andere GmbH', [n.cfk.id]);
		const institute = await n.organisation('Institut', [n.cfk.id], { kind: 'research' });
		await refreshSearchDocuments(n.networkId, undefined, db);
		const offer = await createProfile(db, n.networkId, owner.id, {
			type: 'technology_offer',
			title: 'CFK-Recycling',
			competenceIds: [n.cfk.id]
		});
		const request = await createProfile(db, n.networkId, other.id, {
			type: 'technology_request',
			title: 'CFK gesucht',
			competenceIds: [n.cfk.id]
		});
		await createProfile(db, n.networkId, other.id, {
			type: 'technology_offer',
			title: 'Anderes CFK-Angebot',
			competenceIds: [n.cfk.id]
		});
		await createProfile(db, n.networkId, owner.id, {
			type: 'technology_request',
			title: 'Eigenes CFK-Gesuch',
			competenceIds: [n.cfk.id]
		});
		await createProfile(db, n.networkId, other.id, {
			type: 'technology_request',
			title: 'Abgelaufenes CFK-Gesuch',
			expiresAt: new Date(Date.now() - DAY),
			competenceIds: [n.cfk.id]
		});
		await createProfile(db, n.networkId, other.id, {
			type: 'technology_request',
			title: 'Entwurf CFK-Gesuch',
			status: 'draft',
			competenceIds: [n.cfk.id]
		});
		const anonymous = await createProfile(db, n.networkId, institute.id, {
			type: 'technology_request',
			title: 'Anonymes CFK-Gesuch',
			visibility: 'public_anonymous',
			competenceIds: [n.cfk.id]
		});

		const { organisations, profiles } = await findMatches(db, n.networkId, offer.id);
		expect(profiles.map((p) => p.profileId).sort()).toEqual([request.id, anonymous.id].sort());
		expect(profiles.every((p) => p.type === 'technology_request')).toBe(true);
		expect(profiles[0]!.reasons.direction).toBe('counterpart');
		expect(explainMatch(profiles[0]!.reasons, 'de')).toContain('Gegenstück: Technologiegesuch');
		expect(explainMatch(profiles[0]!.reasons, 'en')).toContain('counterpart: Technology request');

		// Andere GmbH has a members' request that answers: bonus and type; the institute's request is
		// anonymous, so it is not tied to the institute.
		const andere = organisations.find((match) => match.organisationId === other.id)!;
		const institut = organisations.find((match) => match.organisationId === institute.id)!;
		expect(andere.reasons.counterpartType).toBe('technology_request');
		expect(institut.reasons.counterpartType).toBeUndefined();
		expect(andere.score).toBeGreaterThan(institut.score);
		expect(names(organisations)).not.toContain('Besitzer GmbH');

		// An R&D partner search lifts the research institution above an equal company.
		const search = await createProfile(db, n.networkId, owner.id, {
			type: 'rnd_partner_search',
			title: 'Forschung',
			competenceIds: [n.cfk.id]
		});
		const forSearch = await findMatches(db, n.networkId, search.id);
		expect(forSearch.organisations[0]!.organisationId).toBe(institute.id);
		expect(forSearch.organisations[0]!.reasons.research).toBe(true);
		expect(explainMatch(forSearch.organisations[0]!.reasons, 'de')).toContain('Forschungseinrichtung');
		expect(forSearch.profiles).toEqual([]);
	});

	it('leaves out the owner, former members, applicants and other networks', async () => {
		const n = await smallNetwork();
		const owner = await n.organisation('Besitzer GmbH', [n.cfk.id]);
		await n.organisation('Mitglied GmbH', [n.cfk.id]);
		await n.organisation('Partner e. V.', [n.cfk.id], { status: 'partner', kind: 'other_partner' });
		await n.organisation('Ehemalig GmbH', [n.cfk.id], { status: 'former' });
		await n.organisation('Bewerber GmbH', [n.cfk.id], { status: 'applicant' });
		await refreshSearchDocuments(n.networkId, undefined, db);
		const profile = await createProfile(db, n.networkId, owner.id, {
			title: 'CFK-Bauteile gesucht',
			competenceIds: [n.cfk.id]
		});
		// Another network with the same words and an answering profile.
		const m = await smallNetwork();
		const foreign = await m.organisation('Fremd GmbH', [m.cfk.id], {
			shortDescriptionDe: 'CFK-Bauteile'
		});
		await refreshSearchDocuments(m.networkId, undefined, db);
		await createProfile(db, m.networkId, foreign.id, {
			type: 'technology_offer',
			title: 'CFK-Bauteile',
			competenceIds: [m.cfk.id]
		});

		const { organisations, profiles } = await findMatches(db, n.networkId, profile.id);
		expect(names(organisations)).toEqual(['Mitglied GmbH', 'Partner e. V.']);
		expect(profiles).toEqual([]);
		// The profile asked for in the other network has no matches there.
		expect(await findMatches(db, m.networkId, profile.id)).toEqual({ organisations: [], profiles: [] });
	});

	it('works for a draft (the office previews it) and for a profile without words or competencies', async () => {
		const n = await smallNetwork();
		const owner = await n.organisation('Besitzer GmbH', []);
		await n.organisation('Carbon GmbH', [n.cfk.id]);
		await refreshSearchDocuments(n.networkId, undefined, db);
		const draft = await createProfile(db, n.networkId, owner.id, {
			status: 'draft',
			title: 'Entwurf',
			competenceIds: [n.cfk.id]
		});
		expect(names((await findMatches(db, n.networkId, draft.id)).organisations)).toEqual(['Carbon GmbH']);
		const empty = await createProfile(db, n.networkId, owner.id, { title: 'Ab', summary: '' });
		expect(await findMatches(db, n.networkId, empty.id)).toEqual({ organisations: [], profiles: [] });
	});
});

describe('awkward words', () => {
	it('takes quotes, backslashes, markup and a very long description without breaking the query', async () => {
		const n = await smallNetwork();
		const owner = await n.organisation('Besitzer GmbH', []);
		await n.organisation('Drucktank GmbH', [], {
			shortDescriptionDe: "Drucktanks, O'Brien-Ventile und C:\\Pfade für C++-Steuergeräte."
		});
		await refreshSearchDocuments(n.networkId, undefined, db);
		const filler = Array.from({ length: 2500 }, (_, i) => `Füllwort${i}`).join(' ');
		const profile = await createProfile(db, n.networkId, owner.id, {
			title: "Drucktanks für O'Brien \\ 'x' | & ! :* (C++)",
			summary: xssPayloads.join(' '),
			descriptionDe: filler,
			keywords: ["Drucktank's", '\\', "''", 'a:b', '&|!']
		});
		const { organisations } = await findMatches(db, n.networkId, profile.id);
		// The title's words come first, so the many filler words do not push "Drucktank" out.
		expect(names(organisations)).toEqual(['Drucktank GmbH']);
	});
});

describe('recordMatches', () => {
	it('stores the top organisations with rank, reasons and the best counter-profile, replacing earlier ones', async () => {
		const n = await smallNetwork();
		const owner = await n.organisation('Besitzer GmbH', []);
		const a = await n.organisation('A GmbH', [n.leichtbau.id, n.cfk.id]);
		const b = await n.organisation('B GmbH', [n.cfk.id]);
		await refreshSearchDocuments(n.networkId, undefined, db);
		const profile = await createProfile(db, n.networkId, owner.id, {
			type: 'technology_request',
			title: 'Leichtbau',
			competenceIds: [n.leichtbau.id]
		});
		const bOffer = await createProfile(db, n.networkId, b.id, {
			type: 'technology_offer',
			title: 'Carbon-Angebot',
			competenceIds: [n.cfk.id]
		});

		const recorded = await db.transaction((tx) => recordMatches(tx, n.networkId, profile.id));
		expect(recorded).toEqual((await findMatches(db, n.networkId, profile.id)).organisations);
		const rows = () =>
			db
				.select()
				.from(cooperationMatches)
				.where(
					and(eq(cooperationMatches.networkId, n.networkId), eq(cooperationMatches.profileId, profile.id))
				)
				.orderBy(asc(cooperationMatches.rank));
		const first = await rows();
		// B: Leichtbau via CFK (2.5) + its matching offer (2) beats A: Leichtbau itself (3).
		expect(first.map((row) => [row.organisationId, row.rank, row.counterProfileId])).toEqual([
			[b.id, 1, bOffer.id],
			[a.id, 2, null]
		]);
		expect(first[0]!.reasons).toMatchObject({
			direction: 'organisation',
			counterpartType: 'technology_offer',
			competencies: [{ id: n.leichtbau.id, viaChild: true }]
		});
		expect(first[0]!.score).toBe(recorded[0]!.score);
		expect(first[1]!.reasons).toEqual({
			competencies: [
				{ id: n.leichtbau.id, nameDe: 'Leichtbau', nameEn: 'Lightweight construction', viaChild: false }
			],
			drivetrains: [],
			// "Leichtbau" is in the profile's title and in A's document (its competence's name).
			textSimilarity: expect.any(Number),
			direction: 'organisation'
		});
		expect(first[1]!.reasons.textSimilarity).toBeGreaterThan(0);

		// B loses its competencies and its offer: recording again replaces the rows.
		await db.execute(sql`delete from organisation_competencies where organisation_id = ${b.id}`);
		await db.execute(sql`update cooperation_profiles set status = 'withdrawn' where id = ${bOffer.id}`);
		await refreshSearchDocuments(n.networkId, [b.id], db);
		await recordMatches(db, n.networkId, profile.id);
		expect((await rows()).map((row) => [row.organisationId, row.rank])).toEqual([[a.id, 1]]);
	});
});

describe('explanations', () => {
	it('puts the reasons into German and English words', async () => {
		const reasons = {
			competencies: [
				{ id: '1', nameDe: 'Leichtbau', nameEn: 'Lightweight construction', viaChild: true },
				{ id: '2', nameDe: 'CFK', nameEn: 'Carbon fibre', viaChild: false },
				{ id: '3', nameDe: 'Prüfstände', nameEn: 'Test benches', viaChild: false }
			],
			drivetrains: ['hydrogen'],
			textSimilarity: 0.62,
			direction: 'counterpart' as const,
			counterpartType: 'technology_offer' as const
		};
		expect(explainMatch(reasons, 'de')).toEqual([
			'3 gemeinsame Kompetenzen: Leichtbau (über Unterkompetenz), CFK, Prüfstände',
			'passende Antriebsart: Wasserstoff / Brennstoffzelle',
			'Textähnlichkeit hoch',
			'Gegenstück: Technologieangebot'
		]);
		expect(explainMatch(reasons, 'en')).toEqual([
			'3 shared competencies: Lightweight construction (via a sub-competence), Carbon fibre, Test benches',
			'matching drivetrain: Hydrogen / fuel cell',
			'text similarity high',
			'counterpart: Technology offer'
		]);
	});
});

/**
 * Matching quality on the labelled fixture (tests/fixtures/cooperation-matching.ts): precision@5,
 * the mean over the 12 profiles of |top 5 ∩ expected| / min(5, |expected|).
 */
describe('precision@5 on the labelled fixture', () => {
	let fixture: LabelledFixture;
	let networkId: string;
	const K = 5;

	beforeAll(async () => {
		networkId = (await createNetwork(db)).id;
		fixture = await seedLabelledFixture(db, networkId);
	});

	/** The organisations findMatches may propose for a profile: members and partners, not the owner. */
	const candidates = (owner: OrganisationKey) =>
		(Object.keys(labelledOrganisations) as OrganisationKey[]).filter((key) => {
			const status = (labelledOrganisations[key] as OrganisationSpec).status ?? 'member';
			return key !== owner && (status === 'member' || status === 'partner');
		});

	it('reaches the threshold, well above ranking by drivetrain and a random ranking', async () => {
		const profileKeys = Object.keys(labelledProfiles) as ProfileKey[];
		let engine = 0;
		let drivetrainOnly = 0;
		let random = 0;
		const lines: string[] = [];
		for (const key of profileKeys) {
			const spec = labelledProfiles[key];
			const expected = Object.keys(spec.expected);
			const { organisations } = await findMatches(db, networkId, fixture.profileIds[key]);
			const ranked = organisations.map((match) => fixture.organisationKeys.get(match.organisationId)!);
			const precision = precisionAt(K, ranked, expected);
			engine += precision;
			lines.push(`${key}: ${precision.toFixed(2)} (top ${K}: ${ranked.slice(0, K).join(', ')})`);

			// Baseline 1: rank every candidate by the number of shared drivetrains (ties by name).
			const pool = candidates(spec.owner);
			const shared = (org: OrganisationKey) =>
				(labelledOrganisations[org].drivetrains as string[]).filter((d) =>
					(spec.drivetrains as string[]).includes(d)
				).length;
			const byDrivetrain = [...pool].sort(
				(x, y) =>
					shared(y) - shared(x) || labelledOrganisations[x].name.localeCompare(labelledOrganisations[y].name)
			);
			drivetrainOnly += precisionAt(K, byDrivetrain, expected);
			// Baseline 2: a random ranking, in expectation: each expected candidate is in the top K
			// with probability K / |pool|.
			random += Math.min(1, (K * expected.length) / pool.length) / Math.min(K, expected.length);
		}
		const n = profileKeys.length;
		engine /= n;
		drivetrainOnly /= n;
		random /= n;
		console.info(
			`cooperation matching precision@${K}: ${engine.toFixed(3)} over ${n} profiles; baselines: drivetrain only ${drivetrainOnly.toFixed(3)}, random ${random.toFixed(3)}\n  ${lines.join('\n  ')}`
		);
		// Measured 0.896 on PGlite and PostgreSQL (the same statements, so the same figure); ranking
		// by drivetrain gives 0.507 (most expected partners work on battery-electric vehicles, so it
		// is a fair baseline in this network), a random ranking 0.217. The threshold 0.8 leaves a
		// margin of about one lost hit in each of three or four three-partner profiles (0.028 each)
		// for harmless changes to weights or the fixture, and stays 0.25 above the drivetrain
		// baseline: a regression to "drivetrains decide" or to noise fails.
		const THRESHOLD = 0.8;
		expect(engine).toBeGreaterThanOrEqual(THRESHOLD);
		expect(THRESHOLD).toBeGreaterThan(drivetrainOnly + 0.25);
		expect(THRESHOLD).toBeGreaterThan(random + 0.25);
	});

	it('explains every recorded match with at least one substantive reason', async () => {
		for (const key of Object.keys(labelledProfiles) as ProfileKey[]) {
			const recorded = await recordMatches(db, networkId, fixture.profileIds[key]);
			expect(recorded.length).toBeLessThanOrEqual(10);
			for (const match of recorded) {
				const substantive =
					match.reasons.competencies.length > 0 ||
					match.reasons.textSimilarity >= TEXT_MEDIUM ||
					match.reasons.counterpartType !== undefined;
				expect(substantive).toBe(true);
				expect(explainMatch(match.reasons, 'de').length).toBeGreaterThan(0);
			}
		}
	});
});
