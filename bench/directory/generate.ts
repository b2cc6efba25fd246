/**
 * Synthetic organisations for the directory benchmark: deterministic (seeded), plausible German
 * text, spread over the region's districts with coordinates, facets and 1–5 competencies, some
 * with members-only field groups. Inserted with multi-row INSERTs, then made searchable.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db/index.ts';
import {
	competencies,
	networks,
	organisationCompetencies,
	organisations
} from '../../src/lib/server/db/schema/index.ts';
import { refreshSearchDocuments } from '../../src/lib/server/directory/mutations.ts';
import {
	drivetrains,
	valueChainPositions,
	type FieldVisibility,
	type OrganisationKind
} from '../../src/lib/directory/vocabulary.ts';
import { createRandom, type Random } from './random.ts';
import { flattenTaxonomy } from './taxonomy.ts';
import {
	certificationList,
	customersDe,
	customersEn,
	districts,
	familyNames,
	placeNames,
	towns,
	trades
} from './words.ts';

type OrganisationRow = typeof organisations.$inferInsert;

const ORGANISATIONS_PER_INSERT = 2000;
const COMPETENCIES_PER_INSERT = 5000;

const legalForms = ['GmbH', 'GmbH', 'GmbH', 'GmbH & Co. KG', 'GmbH & Co. KG', 'AG', 'KG', 'e.K.'];

function organisationName(random: Random, place: string, word: string, kind: OrganisationKind) {
	if (kind === 'research') return `Forschungszentrum ${word} ${place}`;
	if (kind === 'support_agency') return `Netzwerk ${word} ${place} e.V.`;
	const form = random.pick(legalForms);
	const family = random.pick(familyNames);
	switch (random.int(0, 3)) {
		case 0:
			return { name: `${place} ${word} ${form}`, form };
		case 1:
			return { name: `${family} ${word} ${form}`, form };
		case 2:
			return { name: `${family} & ${random.pick(familyNames)} ${word} ${form}`, form };
		default:
			return { name: `${place} ${word} ${family} ${form}`, form };
	}
}

function pickKind(random: Random): OrganisationKind {
	const r = random.next();
	if (r < 0.86) return 'member_company';
	if (r < 0.91) return 'research';
	if (r < 0.94) return 'support_agency';
	if (r < 0.96) return 'state_agency';
	return 'other_partner';
}

/** Most keep the defaults; some hide competencies, facts or more from the public. */
function pickVisibility(random: Random): FieldVisibility | undefined {
	const r = random.next();
	if (r < 0.8) return undefined;
	if (r < 0.92)
		return {
			description: 'public',
			contact: 'members',
			address: 'public',
			competencies: 'members',
			facts: 'members'
		};
	if (r < 0.97)
		return {
			description: 'members',
			contact: 'members',
			address: 'members',
			competencies: 'members',
			facts: 'office'
		};
	return {
		description: 'office',
		contact: 'office',
		address: 'office',
		competencies: 'office',
		facts: 'office'
	};
}

function employees(random: Random) {
	// Roughly log-normal: many small firms, a few large ones.
	return Math.max(1, Math.round(Math.exp(random.next() * 4.5 + random.next() * 3.5)));
}

export type Generated = { row: OrganisationRow; competencePaths: string[] };

export function generateOrganisation(random: Random, index: number, networkId: string): Generated {
	const kind = pickKind(random);
	const home = random.pick(towns);
	const place = random.chance(0.5) ? random.pick(placeNames) : home.name.replace(/-.*/, '');
	const main = random.pick(trades);
	const side = random.chance(0.4) ? random.pick(trades) : undefined;
	const named = organisationName(random, place, main.word, kind);
	const name = typeof named === 'string' ? named : named.name;
	const customerIndex = random.int(0, customersDe.length - 1);
	const year = random.int(1890, 2022);
	const certifications = random.sample(certificationList, random.int(0, 3));
	const shortDe = `${main.de[0]} für ${customersDe[customerIndex]} aus ${home.name}.`;
	const shortEn = `${main.en[0]} for ${customersEn[customerIndex]} from ${home.name}.`;
	const longDe = [
		`Seit ${year} fertigen wir ${main.de[1]}.`,
		side
			? `Außerdem liefern wir ${side.de[0]}.`
			: `Unsere Kunden sind ${customersDe[(customerIndex + 1) % customersDe.length]}.`,
		certifications.length ? `Zertifiziert nach ${certifications.join(', ')}.` : ''
	].join(' ');
	const longEn = [
		`Since ${year} we make ${main.en[1]}.`,
		side
			? `We also supply ${side.en[0]}.`
			: `Our customers are ${customersEn[(customerIndex + 1) % customersEn.length]}.`,
		certifications.length ? `Certified to ${certifications.join(', ')}.` : ''
	].join(' ');
	const own = [...main.competencies, ...(side?.competencies ?? [])];
	const competencePaths = random.sample([...new Set(own)], random.int(1, Math.min(5, own.length)));
	const staff = employees(random);
	const slugBase = name
		.toLowerCase()
		.replace(/[äöüß]/g, (c) => ({ ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' })[c]!)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	const row: OrganisationRow = {
		id: random.uuid(),
		networkId,
		name,
		slug: `${slugBase}-${index}`,
		kind,
		status: random.chance(0.08)
			? random.pick(['applicant', 'former'] as const)
			: kind === 'member_company'
				? 'member'
				: 'partner',
		legalForm: typeof named === 'string' ? null : named.form,
		shortDescriptionDe: shortDe,
		shortDescriptionEn: shortEn,
		longDescriptionDe: longDe,
		longDescriptionEn: longEn,
		website: `https://www.${slugBase.slice(0, 40)}.example`,
		email: `info@${slugBase.slice(0, 40)}.example`,
		phone: `+49 541 ${random.int(100000, 999999)}`,
		street: `${random.pick(placeNames)}straße ${random.int(1, 180)}`,
		postalCode: String(random.int(48000, 49999)),
		city: home.name,
		district: home.district,
		employees: staff,
		foundedYear: year,
		memberSince: random.int(2005, 2025),
		latitude: home.lat + (random.next() - 0.5) * 0.06,
		longitude: home.lon + (random.next() - 0.5) * 0.09,
		valueChain: random.pick(valueChainPositions),
		drivetrains: random.sample(drivetrains, random.int(0, 3)),
		products: [...main.products, ...(side?.products.slice(0, 1) ?? [])],
		certifications,
		keywords: random.chance(0.3) ? [random.pick(main.products)] : [],
		visibility: pickVisibility(random)
	};
	return { row, competencePaths };
}

/** The benchmark network while it grows: 10,000 organisations first, then more up to 100,000. */
export type Population = {
	networkId: string;
	random: Random;
	competenceIds: Map<string, string>;
	count: number;
	/** A deterministic sample of generated names (members and partners), for typo queries. */
	sampleNames: string[];
};

export type GrowthTiming = {
	insert: number;
	refresh: number;
	indexes: number;
	analyze: number;
	refreshChunks: number;
	bulk: boolean;
};

/** Creates the default network and the taxonomy in an empty, migrated database. */
export async function createPopulation(db: Database, seed = 20_260_521): Promise<Population> {
	const random = createRandom(seed);
	const [network] = await db
		.insert(networks)
		.values({
			slug: 'bench',
			name: 'Automotive-Netzwerk Benchmark',
			shortName: 'Bench',
			hosts: [],
			isDefault: true,
			settings: { districts: [...districts] }
		})
		.returning({ id: networks.id });
	const networkId = network!.id;
	const competenceIds = new Map<string, string>();
	for (const entry of flattenTaxonomy()) {
		const id = random.uuid();
		competenceIds.set(entry.path, id);
		await db.insert(competencies).values({
			id,
			networkId,
			parentId: entry.parentPath ? competenceIds.get(entry.parentPath)! : null,
			slug: entry.node.slug,
			path: entry.path,
			nameDe: entry.node.de,
			nameEn: entry.node.en,
			position: entry.position
		});
	}
	return { networkId, random, competenceIds, count: 0, sampleNames: [] };
}

type Rows<T> = { rows: T[] };
const seconds = (since: number) => (performance.now() - since) / 1000;

/**
 * Grows the network to `target` organisations and makes the new ones searchable.
 *
 * `bulk` is the usual bulk-load path: drop the GIN indexes of organisations, insert, refresh, and
 * build the indexes again (on PostgreSQL several times faster than maintaining them row by row).
 * Without it the new rows are refreshed in chunks of `refreshChunk` ids with every index in place,
 * as the application does it.
 */
export async function growPopulation(
	db: Database,
	population: Population,
	target: number,
	options: { bulk: boolean; refreshChunk: number }
): Promise<GrowthTiming> {
	const { networkId, random, competenceIds } = population;
	let indexSeconds = 0;
	let dropped: { indexname: string; indexdef: string }[] = [];
	if (options.bulk) {
		const since = performance.now();
		dropped = (
			(await db.execute(
				sql`select indexname, indexdef from pg_indexes where tablename = 'organisations' and indexdef ilike '% using gin %'`
			)) as unknown as Rows<{ indexname: string; indexdef: string }>
		).rows;
		for (const index of dropped) await db.execute(sql.raw(`drop index "${index.indexname}"`));
		indexSeconds += seconds(since);
	}

	const insertStarted = performance.now();
	const ids: string[] = [];
	for (let start = population.count; start < target; start += ORGANISATIONS_PER_INSERT) {
		const batch: Generated[] = [];
		for (let i = start; i < Math.min(target, start + ORGANISATIONS_PER_INSERT); i++) {
			const generated = generateOrganisation(random, i, networkId);
			batch.push(generated);
			ids.push(generated.row.id!);
			const listed = generated.row.status === 'member' || generated.row.status === 'partner';
			if (i % 97 === 0 && listed) population.sampleNames.push(generated.row.name);
		}
		await db.insert(organisations).values(batch.map((g) => g.row));
		const links = batch.flatMap((g) =>
			g.competencePaths.map((path) => ({
				networkId,
				organisationId: g.row.id!,
				competenceId: competenceIds.get(path)!
			}))
		);
		for (let i = 0; i < links.length; i += COMPETENCIES_PER_INSERT)
			await db.insert(organisationCompetencies).values(links.slice(i, i + COMPETENCIES_PER_INSERT));
	}
	population.count = target;
	const insert = seconds(insertStarted);

	const refreshStarted = performance.now();
	let refreshChunks = 0;
	for (let i = 0; i < ids.length; i += options.refreshChunk) {
		await refreshSearchDocuments(networkId, ids.slice(i, i + options.refreshChunk));
		refreshChunks++;
	}
	const refresh = seconds(refreshStarted);

	if (dropped.length) {
		const since = performance.now();
		await db.transaction(async (tx) => {
			await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
			for (const index of dropped) await tx.execute(sql.raw(index.indexdef));
		});
		indexSeconds += seconds(since);
	}

	const analyzeStarted = performance.now();
	// The refresh rewrote every new row: vacuum so the measured plans see a settled table.
	await db.execute(sql`vacuum analyze organisations`);
	await db.execute(sql`analyze organisation_competencies`);
	await db.execute(sql`analyze competencies`);
	return {
		insert,
		refresh,
		indexes: indexSeconds,
		analyze: seconds(analyzeStarted),
		refreshChunks,
		bulk: options.bulk
	};
}

/**
 * What one refresh costs the application (every index in place): `count` existing organisations
 * refreshed by id in one call, in milliseconds per organisation.
 */
export async function timeRefresh(db: Database, population: Population, count: number) {
	const { rows } = (await db.execute(
		sql`select id from organisations where network_id = ${population.networkId} order by id limit ${count}`
	)) as unknown as Rows<{ id: string }>;
	const since = performance.now();
	await refreshSearchDocuments(
		population.networkId,
		rows.map((row) => row.id)
	);
	return (performance.now() - since) / rows.length;
}
