import type { Database } from '../db/index.ts';
import { competencies, organisationCompetencies } from '../db/schema/index.ts';
import { defaultFieldVisibility, fieldGroups, type FieldVisibility } from '../../directory/vocabulary.ts';
import { seededRandom } from './demo-contacts.ts';
import { demoProfiles, type DemoProfile } from './demo-profiles.ts';
import { flattenTaxonomy } from './demo-taxonomy.ts';

/** All field groups public: what most demo members chose. */
const allPublic = Object.fromEntries(fieldGroups.map((g) => [g, 'public'])) as FieldVisibility;

export function profileOf(name: string): DemoProfile {
	const profile = demoProfiles[name];
	if (!profile) throw new Error(`Demo profile missing: ${name}`);
	return profile;
}

/** The organisations columns a demo profile fills. */
export function profileColumns(name: string) {
	const profile = profileOf(name);
	return {
		longDescriptionDe: profile.de,
		longDescriptionEn: profile.en,
		latitude: profile.at?.[0] ?? null,
		longitude: profile.at?.[1] ?? null,
		valueChain: profile.valueChain,
		drivetrains: profile.drivetrains,
		products: profile.products,
		certifications: profile.certifications,
		keywords: profile.keywords,
		visibility: { ...defaultFieldVisibility, ...allPublic, ...profile.visibility }
	};
}

/**
 * Inserts the competence taxonomy, one batch per tree level (parents need their ids first), and
 * returns the ids by path.
 */
export async function insertTaxonomy(db: Database, networkId: string) {
	const rows = flattenTaxonomy();
	const idByPath = new Map<string, string>();
	const depths = Math.max(...rows.map((r) => r.depth));
	for (let depth = 0; depth <= depths; depth++) {
		const level = rows.filter((r) => r.depth === depth);
		const inserted = await db
			.insert(competencies)
			.values(
				level.map((r) => ({
					networkId,
					parentId: r.parentPath ? idByPath.get(r.parentPath)! : null,
					slug: r.slug,
					path: r.path,
					nameDe: r.nameDe,
					nameEn: r.nameEn,
					position: r.position
				}))
			)
			.returning({ id: competencies.id, path: competencies.path });
		for (const row of inserted) idByPath.set(row.path, row.id);
	}
	return idByPath;
}

/** Links every organisation to its profile's competencies in one insert. */
export async function insertOrganisationCompetencies(
	db: Database,
	networkId: string,
	organisations: { id: string; name: string }[],
	competenceIdByPath: Map<string, string>
) {
	const rows = organisations.flatMap((organisation) =>
		profileOf(organisation.name).competencies.map((path) => {
			const competenceId = competenceIdByPath.get(path);
			if (!competenceId) throw new Error(`Unknown competence ${path} for ${organisation.name}`);
			return { networkId, organisationId: organisation.id, competenceId };
		})
	);
	await db.insert(organisationCompetencies).values(rows);
	return rows.length;
}

const CONSENT_SEED = 2024;
const CONSENT_BASE = Date.UTC(2024, 0, 15, 9, 0, 0);
const DAY = 24 * 60 * 60 * 1000;

/**
 * Whether each seeded contact agreed to be listed in the members' directory: about two in three,
 * each with a consent date in 2024. Deterministic, independent of the name generator.
 */
export function createConsentGenerator() {
	const random = seededRandom(CONSENT_SEED);
	return (): Date | null => {
		const consents = random() < 2 / 3;
		const day = Math.floor(random() * 300);
		return consents ? new Date(CONSENT_BASE + day * DAY) : null;
	};
}
