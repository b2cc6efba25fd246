import {
	analyseRows,
	countOutcomes,
	type AnalysedRow,
	type ImportContext,
	type RowOutcome
} from './classify.ts';
import { nextFreeSlug, toSlug } from '../../text/slug.ts';
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

/** A slug not yet in `taken` (which it joins). */
export function freeSlug(name: string, taken: Set<string>) {
	// Imported names keep their legal form in the slug ("hasetal-praezisionsteile-gmbh").
	const slug = nextFreeSlug(toSlug(name, 80) || 'organisation', taken);
	taken.add(slug);
	return slug;
}
