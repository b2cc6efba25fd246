/**
 * The benchmark's query mix: what visitors of the atlas and members of the directory type and
 * click. Each type yields queries from a seeded PRNG; requests alternate between the public and
 * the members' audience.
 */
import { emptyDirectoryQuery, type DirectoryQuery } from '../../src/lib/directory/query.ts';
import { drivetrains, sizeClasses, type Drivetrain } from '../../src/lib/directory/vocabulary.ts';
import type { Random } from './random.ts';
import { districts } from './words.ts';
import { certificationList } from './words.ts';

export type QueryType = { key: string; label: string; next(random: Random): DirectoryQuery };

const query = (overrides: Partial<DirectoryQuery>): DirectoryQuery => ({
	...emptyDirectoryQuery(),
	...overrides
});

/** Inflected forms and plurals whose stems are in the documents. */
const stemmedWords = [
	'Batterien',
	'Leistungselektronik',
	'Sensoren',
	'Kunststoffteile',
	'Brennstoffzellen',
	'Getrieben',
	'Ladesäulen',
	'Werkzeuge',
	'Zahnräder',
	'Dichtungen',
	'Gießerei',
	'Prüfstände'
];
/** Parts of compounds: found only by substring ("reifen" in "Fahrradreifen"). */
const compoundParts = ['reifen', 'guss', 'sensor', 'zellen', 'kabel', 'elektronik', 'tanks', 'räder'];
const twoWords = [
	'Batterie Recycling',
	'Kunststoff Spritzguss',
	'Sensorik Osnabrück',
	'Leichtbau Kohlefaser',
	'Wasserstoff Tanks',
	'Fahrradreifen Emsdetten',
	'Aluminium Druckguss',
	'Steuergeräte Nutzfahrzeuge'
];
const competenceSubtrees = [
	'technologies',
	'technologies.battery',
	'processes.forming',
	'materials.plastics',
	'services.engineering',
	'products.tyres'
];

/** One slip a hurried typist makes: a dropped, doubled or swapped letter in the first word. */
export function misspell(random: Random, name: string): string {
	const words = name
		.replace(/\s(GmbH & Co\. KG|GmbH|AG|KG|e\.K\.|e\.V\.)$/, '')
		.split(' ')
		.slice(0, 2);
	const word = words[0]!;
	const at = random.int(1, Math.max(1, word.length - 2));
	const slips = [
		() => word.slice(0, at) + word.slice(at + 1),
		() => word.slice(0, at) + word[at] + word.slice(at),
		() => word.slice(0, at) + (word[at + 1] ?? '') + word[at] + word.slice(at + 2)
	];
	words[0] = random.pick(slips)();
	return words.join(' ');
}

export function queryTypes(sampleNames: string[]): QueryType[] {
	return [
		{
			key: 'stem',
			label: 'full text, one word with stemming ("Batterien")',
			next: (r) => query({ q: r.pick(stemmedWords) })
		},
		{
			key: 'compound',
			label: 'full text, part of a compound ("reifen")',
			next: (r) => query({ q: r.pick(compoundParts) })
		},
		{ key: 'two', label: 'full text, two words', next: (r) => query({ q: r.pick(twoWords) }) },
		{
			key: 'text+facet',
			label: 'one word + district filter',
			next: (r) => query({ q: r.pick(stemmedWords), district: [r.pick(districts)] })
		},
		{
			key: 'facet1',
			label: 'facets only, one filter',
			next: (r) =>
				r.pick([
					() => query({ district: [r.pick(districts)] }),
					() => query({ drivetrain: [r.pick(drivetrains)] }),
					() => query({ certification: [r.pick(certificationList)] }),
					() => query({ size: [r.pick(sizeClasses)] })
				])()
		},
		{
			key: 'facet2',
			label: 'facets only, district + drivetrain',
			next: (r) =>
				query({
					district: [r.pick(districts)],
					drivetrain: r.sample(drivetrains, r.int(1, 2)) as Drivetrain[]
				})
		},
		{
			key: 'subtree',
			label: 'facets only, competence subtree',
			next: (r) => query({ competence: [r.pick(competenceSubtrees)] })
		},
		{
			key: 'typo',
			label: 'misspelt organisation name',
			next: (r) => query({ q: misspell(r, r.pick(sampleNames)) })
		},
		{ key: 'browse', label: 'no filter (first page, all facets)', next: () => query({}) }
	];
}
