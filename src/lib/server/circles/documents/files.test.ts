import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { cleanFolderName, documentFileName, sniffDocument, zipEntryNames } from './files.ts';
import { sampleDocuments as sample, zipArchive } from '../../testing/circle-document-factories.ts';

const text = (value: string) => new TextEncoder().encode(value);
const typeOf = (bytes: Uint8Array, name = 'datei.bin') => sniffDocument(bytes, name)?.contentType ?? null;

describe('circle documents are recognised by content', () => {
	it('knows PDF and the image types by their magic numbers, whatever they are called', () => {
		expect(typeOf(sample.pdf(), 'bild.png')).toBe('application/pdf');
		expect(typeOf(sample.png())).toBe('image/png');
		expect(typeOf(sample.jpeg())).toBe('image/jpeg');
		expect(typeOf(sample.gif())).toBe('image/gif');
		expect(typeOf(sample.webp())).toBe('image/webp');
	});

	it('knows Office Open XML and OpenDocument by the archive’s entries', async () => {
		expect(typeOf(sample.docx(), 'x.zip')).toBe(
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
		);
		expect(typeOf(sample.xlsx())).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		expect(typeOf(sample.pptx())).toBe(
			'application/vnd.openxmlformats-officedocument.presentationml.presentation'
		);
		expect(typeOf(sample.odt())).toBe('application/vnd.oasis.opendocument.text');
		expect(typeOf(sample.ods())).toBe('application/vnd.oasis.opendocument.spreadsheet');
		// A real workbook as a spreadsheet program writes it (compressed entries).
		const workbook = new ExcelJS.Workbook();
		workbook.addWorksheet('Teilnahme').addRow(['Kreis', 3]);
		const real = new Uint8Array(await workbook.xlsx.writeBuffer());
		expect(typeOf(real)).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
	});

	it('takes UTF-8 text only under a text file’s name', () => {
		expect(typeOf(sample.text(), 'Notizen.txt')).toBe('text/plain; charset=utf-8');
		expect(typeOf(text('a;b\n1;2\n'), 'liste.CSV')).toBe('text/csv; charset=utf-8');
		expect(typeOf(text('# Titel\n'), 'readme.md')).toBe('text/markdown; charset=utf-8');
		expect(typeOf(sample.text(), 'Notizen.pdf')).toBeNull();
		expect(typeOf(new Uint8Array([0x41, 0x00, 0x42]), 'binär.txt')).toBeNull();
		expect(typeOf(new Uint8Array([0x66, 0xc3, 0x28]), 'kaputt.txt')).toBeNull();
	});

	it('refuses look-alikes: programs, HTML, SVG and other archives named like documents', () => {
		expect(typeOf(text('MZ\x90\x00\x03\x00\x00\x00'), 'bericht.pdf')).toBeNull();
		expect(typeOf(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1]), 'bericht.pdf')).toBeNull();
		expect(typeOf(text('<html><script>alert(1)</script></html>'), 'bericht.pdf')).toBeNull();
		expect(typeOf(text('<html><script>alert(1)</script></html>'), 'seite.html')).toBeNull();
		expect(
			typeOf(text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'logo.svg')
		).toBeNull();
		expect(typeOf(zipArchive([['setup.exe', 'MZ']]), 'bericht.docx')).toBeNull();
		expect(typeOf(zipArchive([['[Content_Types].xml', '<Types/>']]), 'leer.docx')).toBeNull();
		expect(typeOf(zipArchive([['word/document.xml', '<w:document/>']]), 'ohne.docx')).toBeNull();
		expect(
			typeOf(
				zipArchive([
					['[Content_Types].xml', '<Types/>'],
					['word/document.xml', '<w:document/>'],
					['word/vbaProject.bin', 'macro']
				]),
				'makro.docx'
			)
		).toBeNull();
		expect(typeOf(zipArchive([['mimetype', 'application/epub+zip']]), 'buch.odt')).toBeNull();
		expect(typeOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), 'kaputt.docx')).toBeNull();
		expect(typeOf(new Uint8Array(), 'leer.txt')).toBeNull();
	});

	it('reads the entry names of a ZIP archive and rejects truncated ones', () => {
		expect(zipEntryNames(sample.docx())).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
		expect(zipEntryNames(sample.docx().subarray(0, 60))).toBeNull();
	});
});

describe('names', () => {
	const pdf = sniffDocument(sample.pdf(), '')!;
	const jpeg = sniffDocument(sample.jpeg(), '')!;
	const csv = sniffDocument(text('a;b'), 'x.csv')!;

	it('drops paths and unsafe characters and ends in the recognised type', () => {
		expect(documentFileName('../../Studie 2026.pdf', pdf)).toBe('Studie 2026.pdf');
		expect(documentFileName('C:\\temp\\setup.exe', pdf)).toBe('setup.exe.pdf');
		expect(documentFileName('Foto.JPEG', jpeg)).toBe('Foto.jpeg');
		expect(documentFileName('liste.CSV', csv)).toBe('liste.csv');
		expect(documentFileName('"><img src=x onerror=alert(1)>.pdf', pdf)).toBe(
			'img src=x onerror=alert(1).pdf'
		);
		expect(documentFileName('a\u202etxt.exe', pdf)).toBe('atxt.exe.pdf');
		expect(documentFileName('', pdf)).toBe('dokument.pdf');
		expect(documentFileName('x'.repeat(500), pdf).length).toBeLessThanOrEqual(120);
	});

	it('keeps folder names on one line without markup or path characters', () => {
		expect(cleanFolderName('  Studien /\n 2026  ')).toBe('Studien 2026');
		expect(cleanFolderName('<script>alert(1)</script>')).toBe('scriptalert(1) script');
		expect(cleanFolderName('x'.repeat(300))).toHaveLength(120);
	});
});
