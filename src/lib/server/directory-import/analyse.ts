import {
	analyseRows,
	countOutcomes,
	type AnalysedRow,
	type ImportContext,
	type RowOutcome
} from './classify.ts';
import { cleanMapping, type ColumnMapping } from './fields.ts';
import { readSpreadsheet, type ReadSpreadsheet } from './table.ts';

export type Analysis = {
	spreadsheet: ReadSpreadsheet;
	mapping: ColumnMapping;
	rows: AnalysedRow[];
	counts: Record<RowOutcome, number>;
};

/** Reads the stored file and classifies every row with the given mapping. */
export async function analyseFile(
	bytes: Uint8Array,
	storedMapping: Record<string, unknown>,
	context: ImportContext
): Promise<Analysis> {
	const spreadsheet = await readSpreadsheet(bytes);
	const mapping = cleanMapping(storedMapping, spreadsheet.headers.length);
	const rows = analyseRows(spreadsheet.rows, spreadsheet.rowNumbers, mapping, context);
	return { spreadsheet, mapping, rows, counts: countOutcomes(rows) };
}

/** Lower-case ASCII for URL slugs: "Hasetal Präzisionsteile GmbH" → "hasetal-praezisionsteile-gmbh". */
export function slugOf(name: string) {
	const slug = name
		.toLowerCase()
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		.replace(/ß/g, 'ss')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80)
		.replace(/-+$/, '');
	return slug || 'organisation';
}

/** A slug not yet in `taken` (which it joins). */
export function freeSlug(name: string, taken: Set<string>) {
	const base = slugOf(name);
	let slug = base;
	for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
	taken.add(slug);
	return slug;
}
