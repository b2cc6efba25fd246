import { MAX_DOCUMENT_BYTES } from '../../../circles/vocabulary.ts';

/**
 * Circle documents are recognised by their bytes, never by the uploader's name or declared type:
 * PDF, PNG, JPEG, GIF, WebP, Office Open XML (docx/xlsx/pptx), OpenDocument, and UTF-8 text
 * (.txt/.csv/.md). Everything else — programs, HTML, SVG, other archives — is refused.
 */

/**
 * The largest document accepted. The production server refuses request bodies above
 * BODY_SIZE_LIMIT (21M, server/index.ts) before any form action sees them, which leaves room for
 * the multipart overhead of a 20 MB file.
 */
export const DOCUMENT_UPLOAD_LIMIT_BYTES = MAX_DOCUMENT_BYTES;

export type DocumentType = { contentType: string; extensions: readonly string[] };

const types = {
	pdf: { contentType: 'application/pdf', extensions: ['.pdf'] },
	png: { contentType: 'image/png', extensions: ['.png'] },
	jpeg: { contentType: 'image/jpeg', extensions: ['.jpg', '.jpeg'] },
	gif: { contentType: 'image/gif', extensions: ['.gif'] },
	webp: { contentType: 'image/webp', extensions: ['.webp'] },
	docx: {
		contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		extensions: ['.docx']
	},
	xlsx: {
		contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		extensions: ['.xlsx']
	},
	pptx: {
		contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
		extensions: ['.pptx']
	},
	txt: { contentType: 'text/plain; charset=utf-8', extensions: ['.txt'] },
	csv: { contentType: 'text/csv; charset=utf-8', extensions: ['.csv'] },
	md: { contentType: 'text/markdown; charset=utf-8', extensions: ['.md'] }
} satisfies Record<string, DocumentType>;

const openDocumentTypes: Record<string, string> = {
	'application/vnd.oasis.opendocument.text': '.odt',
	'application/vnd.oasis.opendocument.spreadsheet': '.ods',
	'application/vnd.oasis.opendocument.presentation': '.odp',
	'application/vnd.oasis.opendocument.graphics': '.odg'
};

/** What the file picker offers (a convenience only; the server decides by content). */
export const DOCUMENT_ACCEPT = [
	...new Set([
		...Object.values(types).flatMap((type) => type.extensions),
		...Object.values(openDocumentTypes)
	])
].join(',');

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
	bytes.length >= offset + signature.length &&
	signature.every((byte, index) => bytes[offset + index] === byte);

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

const u16 = (bytes: Uint8Array, at: number) => bytes[at]! | (bytes[at + 1]! << 8);
const u32 = (bytes: Uint8Array, at: number) => (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;

const latin1 = (bytes: Uint8Array, start: number, length: number) =>
	String.fromCharCode(...bytes.subarray(start, start + length));

/** The entry names of a ZIP archive, from its central directory; null when it is not a sound ZIP. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
	const END = 0x06054b50;
	const ENTRY = 0x02014b50;
	// The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
	const lowest = Math.max(0, bytes.length - 22 - 0xffff);
	let end = -1;
	for (let at = bytes.length - 22; at >= lowest; at--) {
		if (u32(bytes, at) === END) {
			end = at;
			break;
		}
	}
	if (end < 0) return null;
	const count = u16(bytes, end + 10);
	let at = u32(bytes, end + 16);
	const names: string[] = [];
	for (let index = 0; index < count; index++) {
		if (at + 46 > bytes.length || u32(bytes, at) !== ENTRY) return null;
		const nameLength = u16(bytes, at + 28);
		const extraLength = u16(bytes, at + 30);
		const commentLength = u16(bytes, at + 32);
		if (at + 46 + nameLength > bytes.length) return null;
		names.push(latin1(bytes, at + 46, nameLength));
		at += 46 + nameLength + extraLength + commentLength;
	}
	return names;
}

/** OpenDocument: the first local entry is an uncompressed `mimetype` naming an ODF type. */
function sniffOpenDocument(bytes: Uint8Array): DocumentType | null {
	const method = u16(bytes, 8);
	const size = u32(bytes, 22);
	const nameLength = u16(bytes, 26);
	const extraLength = u16(bytes, 28);
	if (method !== 0 || nameLength !== 8 || latin1(bytes, 30, 8) !== 'mimetype') return null;
	const start = 30 + nameLength + extraLength;
	if (size > 100 || start + size > bytes.length) return null;
	const contentType = latin1(bytes, start, size);
	const extension = openDocumentTypes[contentType];
	return extension ? { contentType, extensions: [extension] } : null;
}

/** Office Open XML: `[Content_Types].xml` with the word/, xl/ or ppt/ part; macros are refused. */
function sniffOfficeOpenXml(bytes: Uint8Array): DocumentType | null {
	const names = zipEntryNames(bytes);
	if (!names || !names.includes('[Content_Types].xml')) return null;
	if (names.some((name) => /(^|\/)vbaProject\.bin$/i.test(name))) return null;
	const has = (folder: string) => names.some((name) => name.startsWith(folder));
	if (has('word/')) return types.docx;
	if (has('xl/')) return types.xlsx;
	if (has('ppt/')) return types.pptx;
	return null;
}

/** Plain text: valid UTF-8 without NUL bytes, and only under a text file's name. */
function sniffText(bytes: Uint8Array, name: string): DocumentType | null {
	const extension = /\.(txt|csv|md)$/i.exec(name.trim())?.[1]?.toLowerCase();
	if (!extension || bytes.includes(0)) return null;
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return null;
	}
	return types[extension as 'txt' | 'csv' | 'md'];
}

/** The document's type by its content (the name only chooses among text types), or null. */
export function sniffDocument(bytes: Uint8Array, name: string): DocumentType | null {
	if (bytes.length === 0) return null;
	if (startsWith(bytes, ascii('%PDF-'))) return types.pdf;
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return types.png;
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return types.jpeg;
	if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return types.gif;
	if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return types.webp;
	if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]))
		return sniffOpenDocument(bytes) ?? sniffOfficeOpenXml(bytes);
	return sniffText(bytes, name);
}

/**
 * A display name without paths, control characters or markup characters, at most 120 characters,
 * ending in an extension of the recognised type ("../Bericht.exe" as a PDF → "Bericht.exe.pdf").
 */
export function documentFileName(name: string, type: DocumentType): string {
	const base = cleanName(name.split(/[\\/]/).pop() ?? '').replace(/^\.+/, '');
	const lower = base.toLowerCase();
	const kept = type.extensions.find((extension) => lower.endsWith(extension));
	const extension = kept ?? type.extensions[0]!;
	const stem = (kept ? base.slice(0, -kept.length) : base).trim().slice(0, 120 - extension.length);
	return `${stem || 'dokument'}${kept ? base.slice(-kept.length).toLowerCase() : extension}`;
}

/** A folder's name: one line, no control characters or path separators, at most 120 characters. */
export function cleanFolderName(name: string): string {
	return cleanName(name.replace(/[\\/]/g, ' ')).slice(0, 120).trim();
}

function cleanName(name: string): string {
	return (
		name
			.normalize('NFC')
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069"<>:|?*;]/g, '')
			.replace(/\s+/g, ' ')
			.trim()
	);
}
