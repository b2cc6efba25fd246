/**
 * Event attachments are recognised by their bytes, never by the uploader's name or declared type:
 * PDF, PNG and JPEG only. File names are kept for display and download, reduced to safe characters.
 */
export type AttachmentType = 'application/pdf' | 'image/png' | 'image/jpeg';

const startsWith = (bytes: Uint8Array, signature: number[]) =>
	bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);

export function sniffAttachment(bytes: Uint8Array): AttachmentType | null {
	if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
	return null;
}

const extensionOf: Record<AttachmentType, string> = {
	'application/pdf': '.pdf',
	'image/png': '.png',
	'image/jpeg': '.jpg'
};

/**
 * A display name without paths, control characters or quotes, at most 120 characters, ending in
 * the extension of the recognised type ("../../Programm 2026.exe" as a PDF → "Programm 2026.exe.pdf").
 */
export function safeFileName(name: string, type: AttachmentType): string {
	const base = (name.split(/[\\/]/).pop() ?? '')
		.normalize('NFC')
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f"<>:|?*;]/g, '')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^\.+/, '');
	const extension = extensionOf[type];
	const stem = (
		base.toLowerCase().endsWith(extension) || (type === 'image/jpeg' && /\.jpe?g$/i.test(base))
			? base.replace(/\.[^.]+$/, '')
			: base
	).slice(0, 120 - extension.length);
	return `${stem || 'attachment'}${extension}`;
}

/** `attachment; filename="…"; filename*=UTF-8''…` with an ASCII fallback for old clients. */
export function contentDisposition(fileName: string): string {
	const ascii =
		fileName
			.normalize('NFKD')
			.replace(/[^\x20-\x7e]/g, '')
			.replace(/["\\]/g, '') || 'attachment';
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
