import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	decodeText,
	delimiters,
	detectDelimiter,
	parseCsv,
	serialiseCsv,
	type Table
} from '../../src/lib/server/directory-import/csv.ts';
import { readSpreadsheet } from '../../src/lib/server/directory-import/table.ts';
import { suggestMapping } from '../../src/lib/server/directory-import/fields.ts';
import { cellText, writeXlsx } from '../../src/lib/server/directory-import/xlsx.ts';
import {
	parseDecimal,
	parseInteger,
	parseNumber,
	parseYear,
	splitList,
	websiteHost
} from '../../src/lib/server/directory-import/values.ts';

const RUNS = 1000;
const cell = fc.oneof(
	fc.string({ unit: 'grapheme' }),
	fc.string({ unit: fc.constantFrom('a', 'ä', '"', ';', ',', '\t', '\r', '\n', ' ', '€', '\uFEFF', '😀') })
);
// A record of one empty cell is indistinguishable from an empty line in CSV: records have a
// non-empty first cell or more than one cell (serialiseCsv writes a lone empty cell as "").
const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 });

describe('CSV property tests', () => {
	it('parse(serialise(table)) is the table, for every delimiter', () => {
		fc.assert(
			fc.property(table, fc.constantFrom(...delimiters), (rows: Table, delimiter) => {
				expect(parseCsv(serialiseCsv(rows, delimiter), delimiter)).toEqual(rows);
			}),
			{ numRuns: RUNS }
		);
	});

	it('survives encoding to UTF-8 with and without BOM', () => {
		fc.assert(
			fc.property(table, fc.constantFrom(...delimiters), fc.boolean(), (rows: Table, delimiter, bom) => {
				const text = serialiseCsv(rows, delimiter);
				// Without a BOM, a leading U+FEFF is read as one (as every spreadsheet program does).
				fc.pre(bom || !text.startsWith('\uFEFF'));
				const bytes = new TextEncoder().encode(text);
				const withBom = bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
				const decoded = decodeText(withBom);
				expect(decoded.encoding).toBe('utf-8');
				expect(parseCsv(decoded.text, delimiter)).toEqual(rows);
			}),
			{ numRuns: RUNS }
		);
	});

	it('arbitrary bytes always give a table, never an unhandled error', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(
					fc.uint8Array({ maxLength: 400 }),
					fc.uint8Array({ maxLength: 400 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b]))
				),
				async (bytes) => {
					try {
						const sheet = await readSpreadsheet(bytes);
						expect(Array.isArray(sheet.rows)).toBe(true);
						for (const row of sheet.rows) expect(row.length).toBe(sheet.headers.length);
					} catch (error) {
						// The one expected refusal: a zip that is no workbook.
						expect((error as Error).name).toBe('UnreadableSpreadsheetError');
					}
				}
			),
			{ numRuns: RUNS }
		);
	});

	it('the delimiter of a serialised table with a consistent width is found', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 2, max: 6 }),
				fc.integer({ min: 1, max: 6 }),
				fc.constantFrom(...delimiters),
				(width, height, delimiter) => {
					const rows = Array.from({ length: height + 1 }, (_, r) =>
						Array.from({ length: width }, (_, c) => (r === 0 ? `Spalte ${c}` : `Wert, ${r}; ${c}`))
					);
					expect(detectDelimiter(serialiseCsv(rows, delimiter))).toBe(delimiter);
				}
			),
			{ numRuns: RUNS }
		);
	});
});

describe('encodings and quoting', () => {
	it('reads Windows-1252 when the bytes are not UTF-8', () => {
		const bytes = new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x3b, 0x80]); // "Müller;€"
		expect(decodeText(bytes)).toEqual({ text: 'Müller;€', encoding: 'windows-1252' });
	});

	it('keeps line breaks and doubled quotes inside quoted fields', () => {
		expect(parseCsv('a;"Hafenstr. 1\r\n49090 ""Nord"""\r\nb;c', ';')).toEqual([
			['a', 'Hafenstr. 1\r\n49090 "Nord"'],
			['b', 'c']
		]);
	});
});

describe('German values', () => {
	it('reads numbers as Germans write them', () => {
		expect(parseInteger('1.250')).toBe(1250);
		expect(parseInteger('1 250')).toBe(1250);
		expect(parseInteger('12.500.000')).toBe(12_500_000);
		expect(parseNumber('1.250,5')).toBe(1250.5);
		expect(parseNumber('1,5')).toBe(1.5);
		expect(parseInteger('1.250,5')).toBeUndefined();
		expect(parseInteger('viele')).toBeUndefined();
		expect(parseInteger('1.25')).toBeUndefined();
		expect(parseDecimal('52,2799')).toBe(52.2799);
		expect(parseDecimal('52.2799')).toBe(52.2799);
	});

	it('reads years from dates', () => {
		expect(parseYear('21.01.2016')).toBe(2016);
		expect(parseYear('1.1.1998')).toBe(1998);
		expect(parseYear('2016-01-21')).toBe(2016);
		expect(parseYear('1985')).toBe(1985);
		expect(parseYear('seit langem')).toBeUndefined();
	});

	it('splits lists on ; before ,', () => {
		expect(splitList('Batterie; Kunststoff, Gummi')).toEqual(['Batterie', 'Kunststoff, Gummi']);
		expect(splitList('Batterie, Leichtbau,batterie')).toEqual(['Batterie', 'Leichtbau']);
	});

	it('compares websites by host', () => {
		expect(websiteHost('https://www.hasetal.de/kontakt')).toBe('hasetal.de');
		expect(websiteHost('hasetal.de')).toBe('hasetal.de');
	});
});

describe('header mapping', () => {
	it('suggests fields for German and English headers', () => {
		const mapping = suggestMapping([
			'Firma',
			'PLZ',
			'Stadt',
			'Beschäftigte',
			'Mitglied seit',
			'Homepage',
			'E-Mail',
			'Landkreis',
			'Ansprechpartner Vorname',
			'Ansprechpartner E-Mail',
			'Notizen',
			'Company'
		]);
		expect(mapping).toEqual({
			'0': 'name',
			'1': 'postalCode',
			'2': 'city',
			'3': 'employees',
			'4': 'memberSince',
			'5': 'website',
			'6': 'email',
			'7': 'district',
			'8': 'contactFirstName',
			'9': 'contactEmail',
			'10': null,
			'11': null
		});
	});
});

describe('XLSX', () => {
	it('reads the first sheet with rich text, formula results and dates', async () => {
		const bytes = await writeXlsx('Mitglieder', [
			['Name', 'Mitarbeiter', 'Mitglied seit'],
			['Hasetal GmbH', 1250, null]
		]);
		const ExcelJS = (await import('exceljs')).default;
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
		const sheet = workbook.worksheets[0]!;
		sheet.getCell('A3').value = {
			richText: [{ text: 'Piesberg ' }, { text: 'Antriebe', font: { bold: true } }]
		};
		sheet.getCell('B3').value = { formula: 'B2*2', result: 2500 };
		sheet.getCell('C3').value = new Date(Date.UTC(2016, 0, 21));
		const edited = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
		const sheetRead = await readSpreadsheet(edited);
		expect(sheetRead.format).toBe('xlsx');
		expect(sheetRead.headers).toEqual(['Name', 'Mitarbeiter', 'Mitglied seit']);
		expect(sheetRead.rows).toEqual([
			['Hasetal GmbH', '1250', ''],
			['Piesberg Antriebe', '2500', '21.01.2016']
		]);
		expect(cellText({ error: '#REF!' } as never)).toBe('');
	});
});
