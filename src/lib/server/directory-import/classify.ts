import type { ColumnMapping } from './fields.ts';
import { readRow, type ContactValues, type ProfileValues, type RowProblem } from './row-values.ts';
import { normaliseName, websiteHost } from './values.ts';

/**
 * The dry run: what importing each row would do, against the network's current organisations.
 * Pure: the same file, mapping and database state always give the same answer, so the confirm
 * step can recompute it inside its transaction.
 */
export type RowOutcome = 'new' | 'update' | 'duplicate' | 'unchanged' | 'error';
export const rowOutcomes: readonly RowOutcome[] = ['new', 'update', 'duplicate', 'unchanged', 'error'];

export type StoredContact = {
	id: string;
	firstName: string;
	lastName: string;
	email: string | null;
	phone: string | null;
	jobTitle: string | null;
	contactFunction: string | null;
};

/** The stored organisation, with the fields an import can change. */
export type StoredOrganisation = {
	id: string;
	slug: string;
	competenceIds: string[];
	contacts: StoredContact[];
} & { [K in ScalarField]: ProfileValues[K] | null } & { [K in ListField]: string[] };

export type TaxonomyEntry = { id: string; path: string; nameDe: string; nameEn: string };

export type ImportContext = {
	districts: readonly string[];
	organisations: StoredOrganisation[];
	taxonomy: TaxonomyEntry[];
};

const scalarFields = [
	'name',
	'legalForm',
	'kind',
	'status',
	'shortDescriptionDe',
	'shortDescriptionEn',
	'longDescriptionDe',
	'longDescriptionEn',
	'website',
	'email',
	'phone',
	'street',
	'postalCode',
	'city',
	'district',
	'latitude',
	'longitude',
	'employees',
	'foundedYear',
	'memberSince',
	'valueChain'
] as const;
type ScalarField = (typeof scalarFields)[number];
const listFields = ['drivetrains', 'products', 'certifications', 'keywords'] as const;
type ListField = (typeof listFields)[number];
export type ChangedField = ScalarField | ListField | 'competencies';

export type AnalysedRow = {
	/** The row's number in the spreadsheet (header = 1). */
	row: number;
	outcome: RowOutcome;
	name: string;
	problems: RowProblem[];
	/** For duplicates: the earlier row of the same organisation. */
	duplicateOf?: number;
	organisationId?: string;
	values: ProfileValues;
	competenceIds?: string[];
	/** Competence entries not in the taxonomy, kept as free keywords. */
	freeKeywords: string[];
	changes: ChangedField[];
	contact: ContactValues | null;
	contactId?: string;
	contactChange: 'new' | 'update' | 'unchanged' | null;
};

function sameList(a: readonly string[], b: readonly string[]) {
	const left = new Set(a.map((v) => v.toLocaleLowerCase('de')));
	const right = new Set(b.map((v) => v.toLocaleLowerCase('de')));
	return left.size === right.size && [...left].every((v) => right.has(v));
}

function taxonomyIndex(taxonomy: TaxonomyEntry[]) {
	const byName = new Map<string, string>();
	// Sorted by path: for a name used twice, the first in the tree wins, every time.
	for (const entry of [...taxonomy].sort((a, b) => a.path.localeCompare(b.path))) {
		for (const key of [entry.path, entry.nameDe, entry.nameEn].map(normaliseName))
			if (!byName.has(key)) byName.set(key, entry.id);
	}
	return byName;
}

/** Looks an organisation up by any of its identifying keys. */
function keysOf(values: { name?: string | null; website?: string | null; email?: string | null }) {
	const keys: string[] = [];
	if (values.name) keys.push(`name:${normaliseName(values.name)}`);
	const host = websiteHost(values.website);
	if (host) keys.push(`web:${host}`);
	if (values.email) keys.push(`mail:${values.email.toLowerCase()}`);
	return keys;
}

export function analyseRows(
	rows: string[][],
	rowNumbers: number[],
	mapping: ColumnMapping,
	context: ImportContext
): AnalysedRow[] {
	const taxonomy = taxonomyIndex(context.taxonomy);
	const existing = new Map<string, StoredOrganisation>();
	// Name first: a name match beats a website or e-mail match of another organisation.
	for (const kind of ['name:', 'web:', 'mail:'])
		for (const organisation of context.organisations)
			for (const key of keysOf(organisation))
				if (key.startsWith(kind) && !existing.has(key)) existing.set(key, organisation);
	const seen = new Map<string, number>();
	const claimed = new Map<string, number>();

	return rows.map((cells, index) => {
		const row = rowNumbers[index] ?? index + 2;
		const { values, contact, problems } = readRow(cells, mapping, context.districts);
		const base: AnalysedRow = {
			row,
			outcome: 'error',
			name: values.name ?? '',
			problems,
			values,
			freeKeywords: [],
			changes: [],
			contact,
			contactChange: null
		};
		if (problems.length > 0) return base;

		if (values.competenceNames) {
			const ids = new Set<string>();
			for (const name of values.competenceNames) {
				const id = taxonomy.get(normaliseName(name));
				if (id) ids.add(id);
				else base.freeKeywords.push(name);
			}
			base.competenceIds = [...ids];
			if (base.freeKeywords.length > 0) {
				const keywords = [...(values.keywords ?? [])];
				for (const word of base.freeKeywords)
					if (!keywords.some((k) => normaliseName(k) === normaliseName(word))) keywords.push(word);
				values.keywords = keywords;
			}
		}

		const keys = keysOf(values);
		const earlier = keys.map((key) => seen.get(key)).find((n) => n !== undefined);
		if (earlier !== undefined) return { ...base, outcome: 'duplicate', duplicateOf: earlier };
		const match = keys.map((key) => existing.get(key)).find((o) => o !== undefined);
		if (match && claimed.has(match.id))
			return { ...base, outcome: 'duplicate', duplicateOf: claimed.get(match.id) };
		for (const key of keys) seen.set(key, row);

		if (!match) return { ...base, outcome: 'new', contactChange: contact ? 'new' : null };
		claimed.set(match.id, row);
		const changes = changedFields(match, values, base.competenceIds);
		const contactMatch = contact ? findContact(match.contacts, contact) : undefined;
		const contactChange = !contact
			? null
			: !contactMatch
				? 'new'
				: contactDiffers(contactMatch, contact)
					? 'update'
					: 'unchanged';
		const changed = changes.length > 0 || contactChange === 'new' || contactChange === 'update';
		return {
			...base,
			outcome: changed ? 'update' : 'unchanged',
			organisationId: match.id,
			changes,
			contactId: contactMatch?.id,
			contactChange
		};
	});
}

function changedFields(stored: StoredOrganisation, values: ProfileValues, competenceIds?: string[]) {
	const changes: ChangedField[] = [];
	for (const field of scalarFields) {
		const value = values[field];
		if (value === undefined) continue;
		const current = stored[field];
		const same =
			field === 'website'
				? websiteHost(current as string | null) === websiteHost(value as string) &&
					(current as string | null)?.replace(/\/$/, '') === (value as string).replace(/\/$/, '')
				: current === value;
		if (!same) changes.push(field);
	}
	for (const field of listFields) {
		const value = values[field];
		if (value !== undefined && !sameList(stored[field], value)) changes.push(field);
	}
	if (competenceIds && !sameList(stored.competenceIds, competenceIds)) changes.push('competencies');
	return changes;
}

function findContact(contacts: StoredContact[], contact: ContactValues) {
	if (contact.email) {
		const byEmail = contacts.find((c) => c.email?.toLowerCase() === contact.email);
		if (byEmail) return byEmail;
	}
	const name = normaliseName(`${contact.firstName ?? ''} ${contact.lastName ?? ''}`);
	return contacts.find((c) => normaliseName(`${c.firstName} ${c.lastName}`) === name);
}

function contactDiffers(stored: StoredContact, contact: ContactValues) {
	return (
		(contact.firstName !== undefined && contact.firstName !== stored.firstName) ||
		(contact.lastName !== undefined && contact.lastName !== stored.lastName) ||
		(contact.email !== undefined && contact.email !== stored.email?.toLowerCase()) ||
		(contact.phone !== undefined && contact.phone !== stored.phone) ||
		(contact.jobTitle !== undefined && contact.jobTitle !== stored.jobTitle) ||
		(contact.function !== undefined && contact.function !== stored.contactFunction)
	);
}

export function countOutcomes(rows: AnalysedRow[]): Record<RowOutcome, number> {
	const counts: Record<RowOutcome, number> = { new: 0, update: 0, duplicate: 0, unchanged: 0, error: 0 };
	for (const row of rows) counts[row.outcome]++;
	return counts;
}
