import { describe, expect, it } from 'vitest';
import { contentDisposition, safeFileName, sniffAttachment } from './files.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('attachments are recognised by content', () => {
	it('knows PDF, PNG and JPEG by their magic numbers', () => {
		expect(sniffAttachment(new TextEncoder().encode('%PDF-1.7\n…'))).toBe('application/pdf');
		expect(sniffAttachment(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
		expect(sniffAttachment(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
	});

	it('refuses everything else, whatever it is called', () => {
		expect(sniffAttachment(new TextEncoder().encode('<html><script>alert(1)</script>'))).toBeNull();
		expect(sniffAttachment(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
		expect(sniffAttachment(bytes(0x50, 0x4b, 0x03, 0x04))).toBeNull();
		expect(sniffAttachment(bytes())).toBeNull();
	});
});

describe('file names', () => {
	it('drops paths and unsafe characters and ends in the recognised type', () => {
		expect(safeFileName('../../Programm 2026.pdf', 'application/pdf')).toBe('Programm 2026.pdf');
		expect(safeFileName('C:\\temp\\flyer.exe', 'application/pdf')).toBe('flyer.exe.pdf');
		expect(safeFileName('foto.JPEG', 'image/jpeg')).toBe('foto.jpg');
		expect(safeFileName('"a";b\r\n.png', 'image/png')).toBe('ab.png');
		expect(safeFileName('', 'image/png')).toBe('attachment.png');
		expect(safeFileName('x'.repeat(500), 'application/pdf').length).toBeLessThanOrEqual(120);
	});

	it('builds a download header with an ASCII fallback', () => {
		expect(contentDisposition('Anfahrt Gießerei.pdf')).toBe(
			`attachment; filename="Anfahrt Gieerei.pdf"; filename*=UTF-8''Anfahrt%20Gie%C3%9Ferei.pdf`
		);
		expect(contentDisposition('Müller.pdf')).toContain('filename="Muller.pdf"');
	});
});
