import { m } from '../../paraglide/messages.js';
import type { Analysis } from './analyse.ts';
import type { AnalysedRow, RowOutcome } from './classify.ts';
import { fieldHeaders, importFields, type ImportField } from './fields.ts';
import type { RowProblem } from './row-values.ts';

type Locale = 'de' | 'en';

/**
 * Field names for the office are the spreadsheet's own column names (the export's headers): a
 * file format's vocabulary, kept in code so that renaming a label never breaks an import.
 */
export function fieldLabel(field: ImportField | string, locale: Locale) {
	const headers = fieldHeaders[field as ImportField];
	return headers ? headers[locale === 'de' ? 0 : 1]! : field;
}

export function problemText(problem: RowProblem, locale: Locale): string {
	const o = { locale };
	const field = 'field' in problem ? fieldLabel(problem.field, locale) : '';
	const value = 'value' in problem ? problem.value.slice(0, 80) : '';
	switch (problem.code) {
		case 'missing_name':
			return m.import_problem_missing_name({}, o);
		case 'too_long':
			return m.import_problem_too_long({ field }, o);
		case 'invalid_email':
			return m.import_problem_invalid_email({ field, value }, o);
		case 'invalid_website':
			return m.import_problem_invalid_website({ value }, o);
		case 'not_a_number':
			return m.import_problem_not_a_number({ field, value }, o);
		case 'invalid_year':
			return m.import_problem_invalid_year({ field, value }, o);
		case 'out_of_range':
			return m.import_problem_out_of_range({ field, value }, o);
		case 'unknown_district':
			return m.import_problem_unknown_district({ value }, o);
		case 'unknown_value':
			return m.import_problem_unknown_value({ field, value }, o);
		case 'contact_without_name':
			return m.import_problem_contact_without_name({}, o);
	}
}

/** Everything the office reads about a row, in sentences. */
export function rowNotes(row: AnalysedRow, locale: Locale): string[] {
	const o = { locale };
	const notes = row.problems.map((problem) => problemText(problem, locale));
	if (row.outcome === 'duplicate' && row.duplicateOf)
		notes.push(m.import_detail_duplicate({ row: row.duplicateOf }, o));
	if (row.outcome === 'error' || row.outcome === 'duplicate') return notes;
	if (row.outcome === 'update' && row.changes.length > 0)
		notes.push(
			m.import_detail_changes(
				{ fields: row.changes.map((f) => fieldLabel(f === 'keywords' ? 'keywords' : f, locale)).join(', ') },
				o
			)
		);
	if (row.freeKeywords.length > 0)
		notes.push(m.import_detail_keywords({ words: row.freeKeywords.join(', ') }, o));
	const name = [row.contact?.firstName, row.contact?.lastName].filter(Boolean).join(' ');
	if (row.contactChange === 'new') notes.push(m.import_detail_contact_new({ name }, o));
	if (row.contactChange === 'update') notes.push(m.import_detail_contact_update({ name }, o));
	return notes;
}

export const ROWS_PER_PAGE = 100;

/** The dry run as page data: counts, mapping choices and one page of rows of one outcome. */
export function presentAnalysis(
	analysis: Analysis,
	locale: Locale,
	outcome: RowOutcome | undefined,
	page: number
) {
	const matching = outcome ? analysis.rows.filter((r) => r.outcome === outcome) : analysis.rows;
	const { spreadsheet } = analysis;
	return {
		counts: analysis.counts,
		total: analysis.rows.length,
		matching: matching.length,
		file: { format: spreadsheet.format, encoding: spreadsheet.encoding, delimiter: spreadsheet.delimiter },
		columns: spreadsheet.headers.map((header, index) => ({
			index,
			header: header || `#${index + 1}`,
			field: analysis.mapping[String(index)] ?? null,
			example: spreadsheet.rows.find((r) => (r[index] ?? '').trim() !== '')?.[index]?.slice(0, 60) ?? ''
		})),
		fields: importFields.map((field) => ({ value: field, label: fieldLabel(field, locale) })),
		rows: matching.slice((page - 1) * ROWS_PER_PAGE, page * ROWS_PER_PAGE).map((row) => ({
			row: row.row,
			name: row.name,
			outcome: row.outcome,
			notes: rowNotes(row, locale)
		}))
	};
}
