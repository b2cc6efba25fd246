import { describe, expect, it } from 'vitest';
import { drivetrains, valueChainPositions } from '../../directory/vocabulary.ts';
import type { District } from './demo-member-types.ts';
import { demoPartners } from './demo-network.ts';
import { demoProfiles } from './demo-profiles.ts';
import { demoRegionOutlines, insideRings } from './demo-region.ts';
import { flattenTaxonomy } from './demo-taxonomy.ts';
import { membersKreisSteinfurt } from './members-kreis-steinfurt.ts';
import { membersLandkreisOsnabrueck } from './members-landkreis-osnabrueck.ts';
import { membersStadtOsnabrueck } from './members-stadt-osnabrueck.ts';

const membersByDistrict: [District, { name: string }[]][] = [
	['Stadt Osnabrück', membersStadtOsnabrueck],
	['Landkreis Osnabrück', membersLandkreisOsnabrueck],
	['Kreis Steinfurt', membersKreisSteinfurt]
];
const outlineOf = (district: string) => demoRegionOutlines.find((o) => o.name === district)!.rings;
const square: [number, number][] = [
	[0, 0],
	[4, 0],
	[4, 4],
	[0, 4],
	[0, 0]
];
const hole: [number, number][] = [
	[1, 1],
	[3, 1],
	[3, 3],
	[1, 3],
	[1, 1]
];

describe('insideRings', () => {
	it('tells inside from outside and treats a second ring as a hole', () => {
		expect(insideRings([square], 0.5, 0.5)).toBe(true);
		expect(insideRings([square], 5, 2)).toBe(false);
		expect(insideRings([square], 2, -1)).toBe(false);
		expect(insideRings([square, hole], 2, 2)).toBe(false);
		expect(insideRings([square, hole], 3.5, 2)).toBe(true);
	});
});

describe('the demo region', () => {
	it('has one closed outline of 15–40 points per district', () => {
		expect(demoRegionOutlines.map((o) => o.name)).toEqual([
			'Stadt Osnabrück',
			'Landkreis Osnabrück',
			'Kreis Steinfurt'
		]);
		for (const { rings } of demoRegionOutlines)
			for (const ring of rings) {
				expect(ring.length).toBeGreaterThanOrEqual(15);
				expect(ring.length).toBeLessThanOrEqual(40);
				expect(ring.at(-1)).toEqual(ring[0]);
				for (const [lon, lat] of ring) {
					expect(lon).toBeGreaterThan(6.9);
					expect(lon).toBeLessThan(8.7);
					expect(lat).toBeGreaterThan(51.9);
					expect(lat).toBeLessThan(52.8);
				}
			}
	});

	it('places every member inside its own district and no other', () => {
		for (const [district, members] of membersByDistrict)
			for (const member of members) {
				const [lat, lon] = demoProfiles[member.name]!.at!;
				for (const outline of demoRegionOutlines)
					expect(insideRings(outline.rings, lon, lat), `${member.name} in ${outline.name}`).toBe(
						outline.name === district
					);
			}
	});

	it('places the partners in the region, except the state agency in Hannover', () => {
		for (const partner of demoPartners) {
			const at = demoProfiles[partner.name]!.at;
			if (partner.district === null) {
				expect(at).toBeNull();
				continue;
			}
			const [lat, lon] = at!;
			// WIGOS serves the district from an office in the city.
			const where = partner.city === 'Osnabrück' ? 'Stadt Osnabrück' : partner.district!;
			expect(insideRings(outlineOf(where), lon, lat), partner.name).toBe(true);
		}
	});
});

describe('the demo profiles', () => {
	const taxonomy = flattenTaxonomy();
	const paths = new Set(taxonomy.map((r) => r.path));

	it('has a taxonomy of about 50–80 nodes, five top levels, at most three deep', () => {
		expect(taxonomy.length).toBeGreaterThanOrEqual(50);
		expect(taxonomy.length).toBeLessThanOrEqual(80);
		expect(taxonomy.filter((r) => r.depth === 0).map((r) => r.slug)).toEqual([
			'technologies',
			'processes',
			'materials',
			'services',
			'drivetrains'
		]);
		expect(Math.max(...taxonomy.map((r) => r.depth))).toBe(2);
		expect(paths.size).toBe(taxonomy.length);
		for (const row of taxonomy) {
			expect(row.slug).toMatch(/^[a-z0-9-]+$/);
			expect(row.path).toBe(row.parentPath ? `${row.parentPath}.${row.slug}` : row.slug);
			expect(row.nameDe && row.nameEn).toBeTruthy();
		}
	});

	it('gives every member and partner, and nobody else, a complete profile', () => {
		const names = [
			...membersByDistrict.flatMap(([, members]) => members.map((m) => m.name)),
			...demoPartners.map((p) => p.name)
		];
		expect(Object.keys(demoProfiles).sort()).toEqual([...names].sort());
		for (const name of names) {
			const profile = demoProfiles[name]!;
			expect(profile.competencies.length, name).toBeGreaterThanOrEqual(2);
			expect(profile.competencies.length, name).toBeLessThanOrEqual(6);
			for (const path of profile.competencies) expect(paths.has(path), `${name}: ${path}`).toBe(true);
			expect(new Set(profile.competencies).size).toBe(profile.competencies.length);
			expect(valueChainPositions).toContain(profile.valueChain);
			for (const d of profile.drivetrains) expect(drivetrains).toContain(d);
			expect(profile.keywords.length).toBeGreaterThan(0);
			expect(profile.de.length).toBeGreaterThan(80);
			expect(profile.en.length).toBeGreaterThan(80);
		}
	});
});
