import { serialiseCsv } from '../directory-import/csv.ts';
import { writeXlsx } from '../directory-import/xlsx.ts';
import type { ExportCell } from './columns.ts';

const grouped = new Intl.NumberFormat('de-DE', { useGrouping: true, maximumFractionDigits: 0 });

/**
 * A text that Excel would run as a formula (=, +, -, @ first) gets a leading apostrophe, as
 * OWASP advises against CSV injection; the importer removes it again.
 */
export function guardFormula(text: string) {
	return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(cell: ExportCell): string {
	if (cell === null) return '';
	if (typeof cell === 'string') return guardFormula(cell);
	// Years and coordinates: every digit, decimal comma, no grouping (the shortest exact form).
	return cell.grouped && Number.isInteger(cell.number)
		? grouped.format(cell.number)
		: String(cell.number).replace('.', ',');
}

/** UTF-8 with BOM, `;`, CRLF, German numbers: what German Excel opens without asking. */
export function toCsv(headers: string[], rows: ExportCell[][]): Uint8Array {
	const text = serialiseCsv([headers, ...rows.map((row) => row.map(csvCell))], ';');
	const body = new TextEncoder().encode(text);
	const bytes = new Uint8Array(body.length + 3);
	bytes.set([0xef, 0xbb, 0xbf]);
	bytes.set(body, 3);
	return bytes;
}

/** Numbers stay numbers (Excel formats them in the reader's locale); text is never a formula. */
export function toXlsx(sheetName: string, headers: string[], rows: ExportCell[][]) {
	return writeXlsx(sheetName, [
		headers,
		...rows.map((row) => row.map((cell) => (cell === null || typeof cell === 'string' ? cell : cell.number)))
	]);
}
