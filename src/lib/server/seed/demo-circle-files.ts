import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/**
 * Small but valid files for the demo circles' documents, made in code: a one-page PDF with a few
 * lines of text and a PNG bar chart. Both are the same bytes on every seed.
 */

/** Latin-1 bytes of a text for a PDF string: parentheses and backslashes escaped, others as `?`. */
function pdfString(text: string) {
	const escaped = text.replace(/[\\()]/g, (c) => `\\${c}`);
	return Buffer.from(escaped.replace(/[^\u0020-\u00ff]/g, '?'), 'latin1');
}

/** A one-page A4 PDF 1.4: a title line, further lines and a footer, in Helvetica. */
export function demoPdf(lines: string[], footer = 'AutOS e.V. - fiktives Demo-Dokument'): Buffer {
	const [title = '', ...rest] = lines;
	const content = Buffer.concat([
		Buffer.from('BT\n/F1 20 Tf\n72 760 Td\n(', 'latin1'),
		pdfString(title),
		Buffer.from(') Tj\n/F1 12 Tf\n', 'latin1'),
		...rest.flatMap((line) => [
			Buffer.from('0 -28 Td\n(', 'latin1'),
			pdfString(line),
			Buffer.from(') Tj\n', 'latin1')
		]),
		Buffer.from('ET\nBT\n/F1 9 Tf\n72 48 Td\n(', 'latin1'),
		pdfString(footer),
		Buffer.from(') Tj\nET\n', 'latin1')
	]);
	const objects = [
		Buffer.from('<< /Type /Catalog /Pages 2 0 R >>', 'latin1'),
		Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>', 'latin1'),
		Buffer.from(
			'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
			'latin1'
		),
		Buffer.from(
			'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
			'latin1'
		),
		Buffer.concat([
			Buffer.from(`<< /Length ${content.length} >>\nstream\n`, 'latin1'),
			content,
			Buffer.from('endstream', 'latin1')
		])
	];
	const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
	let offset = parts[0]!.length;
	const offsets: number[] = [];
	objects.forEach((body, index) => {
		offsets.push(offset);
		const object = Buffer.concat([
			Buffer.from(`${index + 1} 0 obj\n`, 'latin1'),
			body,
			Buffer.from('\nendobj\n', 'latin1')
		]);
		parts.push(object);
		offset += object.length;
	});
	const xref = [
		'xref',
		`0 ${objects.length + 1}`,
		'0000000000 65535 f ',
		...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
		'trailer',
		`<< /Size ${objects.length + 1} /Root 1 0 R >>`,
		'startxref',
		String(offset),
		'%%EOF',
		''
	].join('\n');
	parts.push(Buffer.from(xref, 'latin1'));
	return Buffer.concat(parts);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes: Buffer) {
	let crc = 0xffffffff;
	for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer) {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

/** A 160×100 RGB PNG bar chart; the bar heights follow from `seed`. */
export function demoPng(seed: string): Buffer {
	const width = 160;
	const height = 100;
	const digest = createHash('sha256').update(seed).digest();
	const bars = Array.from({ length: 6 }, (_, i) => 20 + (digest[i]! % 70));
	const rows: Buffer[] = [];
	for (let y = 0; y < height; y++) {
		const row = Buffer.alloc(1 + width * 3, 0xff);
		row[0] = 0; // filter: none
		for (let x = 0; x < width; x++) {
			const bar = Math.floor((x - 10) / 24);
			const inBar = x >= 10 && bar < bars.length && (x - 10) % 24 < 16 && height - 8 - y < bars[bar]!;
			const axis = y === height - 8 && x >= 6;
			if (axis) row.fill(0x33, 1 + x * 3, 4 + x * 3);
			else if (inBar) {
				row[1 + x * 3] = 0x1f;
				row[2 + x * 3] = 0x5f;
				row[3 + x * 3] = 0x9f;
			}
		}
		rows.push(row);
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = 8; // bit depth
	header[9] = 2; // colour type: RGB
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk('IHDR', header),
		pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
		pngChunk('IEND', Buffer.alloc(0))
	]);
}
