import { describe, expect, it } from 'vitest';
import { linkOrigin } from './origin.ts';

const ORIGIN = 'https://netz.example.org';

describe('linkOrigin', () => {
	it('keeps the configured origin', () => {
		expect(linkOrigin(new URL('https://netz.example.org/sign-up'), [], ORIGIN)).toBe(ORIGIN);
	});

	it("keeps a host configured for the request's network, with its port", () => {
		expect(linkOrigin(new URL('http://autos.example.org:8080/x'), ['autos.example.org'], ORIGIN)).toBe(
			'http://autos.example.org:8080'
		);
		expect(linkOrigin(new URL('https://AUTOS.example.org/x'), ['autos.example.org'], ORIGIN)).toBe(
			'https://autos.example.org'
		);
	});

	it('never points links at a host the sender chose', () => {
		expect(
			linkOrigin(new URL('https://evil.example.com/forgot-password'), ['autos.example.org'], ORIGIN)
		).toBe(ORIGIN);
		expect(linkOrigin(new URL('http://localhost:4000/'), [], 'http://localhost:3000')).toBe(
			'http://localhost:3000'
		);
	});
});
