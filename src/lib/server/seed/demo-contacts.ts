import type { ContactFunction } from '../../directory/vocabulary.ts';
import { toSlug } from '../../text/slug.ts';

/**
 * Fictional contact people for the demo organisations. A fixed-seed generator makes the demo the
 * same on every start, so screenshots, tests and the README stay true.
 */
type Gender = 'f' | 'm';

const firstNames: [string, Gender][] = [
	['Anna', 'f'],
	['Birgit', 'f'],
	['Claudia', 'f'],
	['Daniela', 'f'],
	['Elena', 'f'],
	['Franziska', 'f'],
	['Greta', 'f'],
	['Heike', 'f'],
	['Ines', 'f'],
	['Julia', 'f'],
	['Kerstin', 'f'],
	['Lena', 'f'],
	['Marie', 'f'],
	['Nadine', 'f'],
	['Petra', 'f'],
	['Sandra', 'f'],
	['Svenja', 'f'],
	['Tanja', 'f'],
	['Ulrike', 'f'],
	['Vanessa', 'f'],
	['Alexander', 'm'],
	['Bernhard', 'm'],
	['Christian', 'm'],
	['Dirk', 'm'],
	['Florian', 'm'],
	['Georg', 'm'],
	['Hendrik', 'm'],
	['Jan', 'm'],
	['Jens', 'm'],
	['Klaus', 'm'],
	['Lars', 'm'],
	['Marco', 'm'],
	['Matthias', 'm'],
	['Niklas', 'm'],
	['Oliver', 'm'],
	['Ralf', 'm'],
	['Sebastian', 'm'],
	['Stefan', 'm'],
	['Tobias', 'm'],
	['Uwe', 'm']
];

const lastNames = [
	'Brinkmann',
	'Hülsmann',
	'Kemper',
	'Niemeyer',
	'Lammers',
	'Kottmann',
	'Sandkühler',
	'Hölscher',
	'Buschmann',
	'Brüggemann',
	'Eilers',
	'Wessels',
	'Bruns',
	'Terbeck',
	'Schulte',
	'Hagedorn',
	'Voss',
	'Otte',
	'Stegemann',
	'Lührmann',
	'Feldkamp',
	'Wübbeling',
	'Diekmann',
	'Kleinschmidt',
	'Heuer',
	'Pohlmann',
	'Temme',
	'Beckmann',
	'Uphoff',
	'Varelmann',
	'Rolfes',
	'Strotmann',
	'Tiemann',
	'Wiechmann',
	'Ahlers',
	'Mählmann',
	'Kötter',
	'Determann',
	'Klostermann',
	'Overmeyer',
	'Sieverding',
	'Wellmann',
	'Große-Kleve',
	'Meyer zu Bexten',
	'Hackmann',
	'Lindhorst'
];

/** A job title for women and men, and the contact function it stands for in the directory. */
type TitlePair = [female: string, male: string, contactFunction: ContactFunction | null];

const leadTitles: Record<ContactKind, TitlePair> = {
	company: ['Geschäftsführerin', 'Geschäftsführer', 'management'],
	research: ['Institutsleiterin', 'Institutsleiter', 'management'],
	agency: ['Projektleiterin Automotive', 'Projektleiter Automotive', 'management']
};

const furtherTitles: Record<ContactKind, TitlePair[]> = {
	company: [
		['Leiterin Vertrieb', 'Leiter Vertrieb', 'sales'],
		['Leiterin Entwicklung', 'Leiter Entwicklung', 'rnd'],
		['Personalleiterin', 'Personalleiter', 'hr'],
		['Leiterin Einkauf', 'Leiter Einkauf', 'purchasing'],
		['Nachhaltigkeitsmanagerin', 'Nachhaltigkeitsmanager', 'sustainability'],
		['Ausbildungsleiterin', 'Ausbildungsleiter', 'training'],
		// Quality has no directory function of its own.
		['Leiterin Qualitätsmanagement', 'Leiter Qualitätsmanagement', null],
		['Technische Leiterin', 'Technischer Leiter', 'rnd']
	],
	research: [
		['Wissenschaftliche Mitarbeiterin', 'Wissenschaftlicher Mitarbeiter', 'rnd'],
		['Leiterin Technologietransfer', 'Leiter Technologietransfer', 'rnd'],
		['Gruppenleiterin', 'Gruppenleiter', 'rnd']
	],
	agency: [
		['Referentin Unternehmensservice', 'Referent Unternehmensservice', 'sales'],
		['Clustermanagerin', 'Clustermanager', 'management'],
		['Referentin Fachkräftesicherung', 'Referent Fachkräftesicherung', 'hr']
	]
};

export type ContactKind = 'company' | 'research' | 'agency';

export type DemoContact = {
	firstName: string;
	lastName: string;
	email: string;
	jobTitle: string;
	contactFunction: ContactFunction | null;
};

/** mulberry32: a tiny, well-known PRNG; good enough to pick names, and reproducible. */
export function seededRandom(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function createContactGenerator(seed: number) {
	const random = seededRandom(seed);
	const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

	/** 2–3 contacts for one organisation, distinct names, mail addresses on its `.example` domain. */
	return function contactsFor(domain: string, kind: ContactKind): DemoContact[] {
		const count = random() < 0.5 ? 2 : 3;
		const titles = [leadTitles[kind], ...shuffle(furtherTitles[kind], random)];
		const contacts: DemoContact[] = [];
		const usedLastNames = new Set<string>();
		for (let index = 0; index < count; index++) {
			const [firstName, gender] = pick(firstNames);
			let lastName = pick(lastNames);
			while (usedLastNames.has(lastName)) lastName = pick(lastNames);
			usedLastNames.add(lastName);
			const [female, male, contactFunction] = titles[index]!;
			contacts.push({
				firstName,
				lastName,
				email: `${toSlug(firstName)}.${toSlug(lastName).replace(/-/g, '')}@${domain}.example`,
				jobTitle: gender === 'f' ? female : male,
				contactFunction
			});
		}
		return contacts;
	};
}

function shuffle<T>(list: readonly T[], random: () => number): T[] {
	const copy = [...list];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[copy[i], copy[j]] = [copy[j]!, copy[i]!];
	}
	return copy;
}
