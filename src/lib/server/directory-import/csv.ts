/**
 * Reading and writing delimited text as German Excel produces and expects it. Pure functions:
 * any bytes give a table (never an exception), and `parseCsv(serialiseCsv(t, d), d)` is `t`.
 */
export type Table = string[][];
export type Delimiter = ';' | ',' | '\t';
export const delimiters: readonly Delimiter[] = [';', ',', '\t'];

// The one BOM is stripped here; a second U+FEFF would be content.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const windows1252 = new TextDecoder('windows-1252');

export type DecodedText = { text: string; encoding: 'utf-8' | 'windows-1252' };

/**
 * UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1252, which is what
 * "CSV (Trennzeichen-getrennt)" from a German Excel writes. Every byte sequence is valid 1252.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
	const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	const body = hasBom ? bytes.subarray(3) : bytes;
	try {
		return { text: utf8.decode(body), encoding: 'utf-8' };
	} catch {
		return { text: windows1252.decode(body), encoding: 'windows-1252' };
	}
}

/** The delimiter that splits the first lines (outside quotes) most consistently; `;` on a tie. */
export function detectDelimiter(text: string): Delimiter {
	let best: Delimiter = ';';
	let bestScore = -1;
	for (const delimiter of delimiters) {
		const rows = parseCsv(text.slice(0, 64 * 1024), delimiter).slice(0, 20);
		const widths = rows.filter((row) => row.length > 1 || row[0] !== '').map((row) => row.length);
		if (widths.length === 0 || widths[0]! < 2) continue;
		const consistent = widths.filter((w) => w === widths[0]).length;
		const score = consistent * 1000 + widths[0]!;
		if (score > bestScore) {
			best = delimiter;
			bestScore = score;
		}
	}
	return best;
}

/**
 * RFC 4180 with the usual leniency: quoted fields may hold delimiters, line breaks and doubled
 * quotes; a quote inside an unquoted field is kept as text; CRLF, LF and CR all end a record.
 * A final line break does not add an empty record.
 */
export function parseCsv(text: string, delimiter: Delimiter): Table {
	const rows: Table = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	let fieldStarted = false;
	const length = text.length;
	for (let i = 0; i < length; i++) {
		const char = text[i]!;
		if (quoted) {
			if (char === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i++;
				} else quoted = false;
			} else field += char;
			continue;
		}
		if (char === '"' && !fieldStarted) {
			quoted = true;
			fieldStarted = true;
		} else if (char === delimiter) {
			row.push(field);
			field = '';
			fieldStarted = false;
		} else if (char === '\r' || char === '\n') {
			if (char === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			fieldStarted = false;
		} else {
			field += char;
			fieldStarted = true;
		}
	}
	if (fieldStarted || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}

function quote(cell: string, delimiter: Delimiter) {
	return cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * Quotes what must be quoted (delimiter, quote, line break). A record of one empty
 * cell is written as `""` so that it survives as a record. Records end with CRLF.
 */
export function serialiseCsv(table: Table, delimiter: Delimiter): string {
	return table
		.map((row) =>
			row.length === 1 && row[0] === '' ? '""' : row.map((cell) => quote(cell, delimiter)).join(delimiter)
		)
		.map((line) => `${line}\r\n`)
		.join('');
}
