/**
 * Recognises an uploaded image by its bytes, never by its name or declared type: the magic number
 * and a minimal header parse for the dimensions. Anything else (SVG, text, a truncated file) is
 * refused, so only plain raster images are ever delivered back.
 */
export const logoTypes = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type LogoType = (typeof logoTypes)[number];

export type SniffedImage = { type: LogoType; width: number; height: number };
export type SniffResult =
	{ ok: true; image: SniffedImage } | { ok: false; reason: 'SVG' | 'UNSUPPORTED' | 'DIMENSIONS' };

/** Larger images are certainly not logos, and their decoding would cost the browser. */
export const MAX_LOGO_SIDE = 4096;

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
	bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

function png(bytes: Uint8Array, view: DataView): SniffedImage | null {
	if (!startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return null;
	// The first chunk must be IHDR: width and height as big-endian 32-bit numbers.
	if (bytes.length < 24 || !startsWith(bytes, ascii('IHDR'), 12)) return null;
	return { type: 'image/png', width: view.getUint32(16), height: view.getUint32(20) };
}

function jpeg(bytes: Uint8Array, view: DataView): SniffedImage | null {
	if (!startsWith(bytes, [0xff, 0xd8, 0xff])) return null;
	// Walk the segments to the first start-of-frame marker, which carries the dimensions.
	let offset = 2;
	while (offset + 9 < bytes.length) {
		if (bytes[offset] !== 0xff) return null;
		const marker = bytes[offset + 1]!;
		if (marker === 0xff) {
			offset += 1;
			continue;
		}
		const length = view.getUint16(offset + 2);
		const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
		if (isFrame) {
			return { type: 'image/jpeg', height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
		}
		if (length < 2) return null;
		offset += 2 + length;
	}
	return null;
}

function webp(bytes: Uint8Array, view: DataView): SniffedImage | null {
	if (!startsWith(bytes, ascii('RIFF')) || !startsWith(bytes, ascii('WEBP'), 8) || bytes.length < 30)
		return null;
	const chunk = String.fromCharCode(...bytes.subarray(12, 16));
	if (chunk === 'VP8 ' && startsWith(bytes, [0x9d, 0x01, 0x2a], 23)) {
		return {
			type: 'image/webp',
			width: view.getUint16(26, true) & 0x3fff,
			height: view.getUint16(28, true) & 0x3fff
		};
	}
	if (chunk === 'VP8L' && bytes[20] === 0x2f) {
		const bits = view.getUint32(21, true);
		return { type: 'image/webp', width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
	}
	if (chunk === 'VP8X') {
		const width = 1 + (bytes[24]! | (bytes[25]! << 8) | (bytes[26]! << 16));
		const height = 1 + (bytes[27]! | (bytes[28]! << 8) | (bytes[29]! << 16));
		return { type: 'image/webp', width, height };
	}
	return null;
}

function looksLikeSvg(bytes: Uint8Array) {
	const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 1024)).toLowerCase();
	return head.includes('<svg') || (head.trimStart().startsWith('<?xml') && head.includes('svg'));
}

export function sniffImage(bytes: Uint8Array): SniffResult {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const image = png(bytes, view) ?? jpeg(bytes, view) ?? webp(bytes, view);
	if (image) {
		const sane = image.width >= 1 && image.height >= 1;
		const small = image.width <= MAX_LOGO_SIDE && image.height <= MAX_LOGO_SIDE;
		if (!sane) return { ok: false, reason: 'UNSUPPORTED' };
		return small ? { ok: true, image } : { ok: false, reason: 'DIMENSIONS' };
	}
	return { ok: false, reason: looksLikeSvg(bytes) ? 'SVG' : 'UNSUPPORTED' };
}
