import { decodeText, detectDelimiter, parseCsv, type Delimiter, type Table } from './csv.ts';
import { isZip, readXlsx } from './xlsx.ts';

export type SpreadsheetFormat = 'csv' | 'xlsx';

export type Spreadsheet = {
	format: SpreadsheetFormat;
	encoding: 'utf-8' | 'windows-1252' | null;
	delimiter: Delimiter | null;
	headers: string[];
	/** Data rows, each padded or cut to the headers' width. */
	rows: string[][];
};

export class UnreadableSpreadsheetError extends Error {
	override name = 'UnreadableSpreadsheetError';
}

/** The first non-empty row is the header row; empty rows are skipped, their numbers kept. */
function toSpreadsheet(
	table: Table,
	base: Omit<Spreadsheet, 'headers' | 'rows'>
): Spreadsheet & {
	rowNumbers: number[];
} {
	const start = table.findIndex((row) => row.some((cell) => cell.trim() !== ''));
	if (start < 0) return { ...base, headers: [], rows: [], rowNumbers: [] };
	const headers = table[start]!.map((cell) => cell.trim());
	while (headers.length > 0 && headers.at(-1) === '') headers.pop();
	const rows: string[][] = [];
	const rowNumbers: number[] = [];
	for (let i = start + 1; i < table.length; i++) {
		const row = table[i]!;
		if (row.every((cell) => cell.trim() === '')) continue;
		rows.push(headers.map((_, c) => row[c] ?? ''));
		// Spreadsheet row numbers as the office sees them in Excel (1-based, header included).
		rowNumbers.push(i + 1);
	}
	return { ...base, headers, rows, rowNumbers };
}

/**
 * Reads an uploaded CSV or XLSX (recognised by content, not by name). Throws
 * UnreadableSpreadsheetError only for a zip that is no readable workbook.
 */
export async function readSpreadsheet(bytes: Uint8Array) {
	if (isZip(bytes)) {
		let table: Table;
		try {
			table = await readXlsx(bytes);
		} catch (error) {
			throw new UnreadableSpreadsheetError('not a readable workbook', { cause: error });
		}
		return toSpreadsheet(table, { format: 'xlsx', encoding: null, delimiter: null });
	}
	const { text, encoding } = decodeText(bytes);
	const delimiter = detectDelimiter(text);
	return toSpreadsheet(parseCsv(text, delimiter), { format: 'csv', encoding, delimiter });
}

export type ReadSpreadsheet = Awaited<ReturnType<typeof readSpreadsheet>>;
