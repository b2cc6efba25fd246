import ExcelJS from 'exceljs';
import type { Table } from './csv.ts';

/** Zip files (and so XLSX) start with "PK\x03\x04". */
export function isZip(bytes: Uint8Array) {
	return (
		bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
	);
}

function pad(value: number) {
	return String(value).padStart(2, '0');
}

/**
 * A cell as the text a person sees: rich text joined, a formula's result, a hyperlink's text,
 * dates as German dates (Excel stores them as UTC midnight), numbers without grouping.
 */
export function cellText(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return '';
		return `${pad(value.getUTCDate())}.${pad(value.getUTCMonth() + 1)}.${value.getUTCFullYear()}`;
	}
	if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
	if ('formula' in value || 'sharedFormula' in value) {
		const result = (value as { result?: unknown }).result;
		if (result && typeof result === 'object' && 'error' in result) return '';
		return cellText((result ?? null) as ExcelJS.CellValue);
	}
	if ('hyperlink' in value) {
		const text = (value as { text?: unknown }).text;
		return typeof text === 'string' ? text : cellText(text as ExcelJS.CellValue);
	}
	return '';
}

/** The first worksheet as rows of text; trailing empty rows are dropped. */
export async function readXlsx(bytes: Uint8Array): Promise<Table> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(
		bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
	);
	const sheet = workbook.worksheets[0];
	if (!sheet) return [];
	const width = sheet.columnCount;
	const rows: Table = [];
	for (let r = 1; r <= sheet.rowCount; r++) {
		const row = sheet.getRow(r);
		const cells: string[] = [];
		for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
		rows.push(cells);
	}
	while (rows.length > 0 && rows.at(-1)!.every((cell) => cell.trim() === '')) rows.pop();
	return rows;
}

/** Writes rows as one worksheet; numbers stay numbers so Excel can sum them. */
export async function writeXlsx(sheetName: string, rows: (string | number | null)[][]): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
	for (const row of rows) sheet.addRow(row.map((cell) => cell ?? ''));
	if (rows.length > 0) {
		sheet.getRow(1).font = { bold: true };
		sheet.views = [{ state: 'frozen', ySplit: 1 }];
	}
	const buffer = await workbook.xlsx.writeBuffer();
	return new Uint8Array(buffer as ArrayBuffer);
}
