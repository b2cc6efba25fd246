import { describe, expect, it } from 'vitest';
import { generateApiToken, hashApiToken, isWellFormedToken, readBearer } from './tokens.ts';

describe('generateApiToken', () => {
	it('makes a recognisable, random token with its sha256 hash and a short display prefix', () => {
		const first = generateApiToken();
		const second = generateApiToken();
		expect(first.token).toMatch(/^kp_[A-Za-z0-9_-]{43}$/);
		expect(first.token).not.toBe(second.token);
		expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
		expect(first.hash).toBe(hashApiToken(first.token));
		expect(first.hash).not.toContain(first.token.slice(3));
		expect(first.displayPrefix).toBe(first.token.slice(0, 11));
		expect(isWellFormedToken(first.token)).toBe(true);
	});

	it('hashes with sha256 (a known vector)', () => {
		expect(hashApiToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
	});
});

describe('readBearer', () => {
	const { token } = generateApiToken();

	it('treats a missing or empty header as anonymous', () => {
		expect(readBearer(null)).toEqual({ kind: 'none' });
		expect(readBearer('   ')).toEqual({ kind: 'none' });
	});

	it('reads a bearer token, whatever the case of the scheme', () => {
		expect(readBearer(`Bearer ${token}`)).toEqual({ kind: 'token', token });
		expect(readBearer(`bearer  ${token}`)).toEqual({ kind: 'token', token });
	});

	it('refuses other schemes and values that cannot be our tokens', () => {
		expect(readBearer(`Basic ${Buffer.from('a:b').toString('base64')}`)).toEqual({ kind: 'malformed' });
		expect(readBearer(token)).toEqual({ kind: 'malformed' });
		expect(readBearer('Bearer ')).toEqual({ kind: 'malformed' });
		expect(readBearer(`Bearer ${token}x`)).toEqual({ kind: 'malformed' });
		expect(readBearer(`Bearer ${token.replace('kp_', 'xx_')}`)).toEqual({ kind: 'malformed' });
		expect(readBearer(`Bearer ${token} extra`)).toEqual({ kind: 'malformed' });
	});
});
