import { crc32 } from 'node:zlib';

/* Sample files for the circle document tests and the demo: real magic numbers, tiny bodies. */

const encoder = new TextEncoder();

/** A ZIP archive with these entries, stored uncompressed in the given order. */
export function zipArchive(entries: Array<[name: string, content: string | Uint8Array]>): Uint8Array {
	const locals: Uint8Array[] = [];
	const centrals: Uint8Array[] = [];
	let offset = 0;
	for (const [name, content] of entries) {
		const nameBytes = encoder.encode(name);
		const data = typeof content === 'string' ? encoder.encode(content) : content;
		const crc = crc32(data);
		const local = Buffer.alloc(30 + nameBytes.length);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(10, 4);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(data.length, 18);
		local.writeUInt32LE(data.length, 22);
		local.writeUInt16LE(nameBytes.length, 26);
		local.set(nameBytes, 30);
		const central = Buffer.alloc(46 + nameBytes.length);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(10, 6);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(data.length, 20);
		central.writeUInt32LE(data.length, 24);
		central.writeUInt16LE(nameBytes.length, 28);
		central.writeUInt32LE(offset, 42);
		central.set(nameBytes, 46);
		locals.push(local, data);
		centrals.push(central);
		offset += local.length + data.length;
	}
	const directorySize = centrals.reduce((sum, part) => sum + part.length, 0);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directorySize, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...locals, ...centrals, end]));
}

const contentTypes =
	'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

export const sampleDocuments = {
	pdf: (text = 'Knotenpunkt') => encoder.encode(`%PDF-1.7\n% ${text}\n%%EOF\n`),
	png: () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
	jpeg: () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]),
	gif: () => encoder.encode('GIF89a\x01\x00\x01\x00'),
	webp: () => encoder.encode('RIFF\x1a\x00\x00\x00WEBPVP8 '),
	docx: () =>
		zipArchive([
			['[Content_Types].xml', contentTypes],
			['_rels/.rels', '<Relationships/>'],
			['word/document.xml', '<w:document/>']
		]),
	xlsx: () =>
		zipArchive([
			['[Content_Types].xml', contentTypes],
			['xl/workbook.xml', '<workbook/>']
		]),
	pptx: () =>
		zipArchive([
			['[Content_Types].xml', contentTypes],
			['ppt/presentation.xml', '<p:presentation/>']
		]),
	odt: () =>
		zipArchive([
			['mimetype', 'application/vnd.oasis.opendocument.text'],
			['content.xml', '<office:document-content/>']
		]),
	ods: () =>
		zipArchive([
			['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'],
			['content.xml', '<office:document-content/>']
		]),
	text: (text = 'Protokoll: Grüße aus dem Kreis\n') => encoder.encode(text)
};
