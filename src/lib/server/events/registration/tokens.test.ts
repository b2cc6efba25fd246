import { describe, expect, it } from 'vitest';
import { generateTicketCode, generateToken, hashToken, isTokenShaped, ticketQrPng } from './tokens.ts';

describe('registration tokens', () => {
	it('makes ticket codes of 24 base32 characters, all different', () => {
		const codes = new Set(Array.from({ length: 200 }, generateTicketCode));
		expect(codes.size).toBe(200);
		for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{24}$/);
	});

	it('stores only a hash of a token, and accepts only token-shaped strings', () => {
		const token = generateToken();
		expect(isTokenShaped(token)).toBe(true);
		expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
		expect(hashToken(token)).not.toContain(token);
		expect(isTokenShaped('../../etc/passwd')).toBe(false);
		expect(isTokenShaped('short')).toBe(false);
	});

	it('draws the QR code as a PNG', async () => {
		const png = await ticketQrPng(generateTicketCode());
		expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	});
});
