import { describe, expect, it } from 'vitest';
import { config, parseConfig, setConfigForTests } from '../../config.ts';
import { feedbackToken, registrationIdOfToken, verifyFeedbackToken } from './feedback-link.ts';

const secret = 'a'.repeat(40);
const registration = { id: '2f1c0b6e-8a51-4c6c-9d2e-3b7a1f0e5d44', accessTokenHash: 'f'.repeat(64) };

describe('feedback links', () => {
	it('verify for the registration they were made for', () => {
		const token = feedbackToken(registration, secret);
		expect(token.startsWith(`${registration.id}.`)).toBe(true);
		expect(registrationIdOfToken(token)).toBe(registration.id);
		expect(verifyFeedbackToken(token, registration, secret)).toBe(true);
	});

	it('refuse a changed signature, another id, another secret or a new access token', () => {
		const token = feedbackToken(registration, secret);
		const last = token.at(-1) === 'A' ? 'B' : 'A';
		expect(verifyFeedbackToken(token.slice(0, -1) + last, registration, secret)).toBe(false);
		const other = { ...registration, id: '2f1c0b6e-8a51-4c6c-9d2e-3b7a1f0e5d45' };
		expect(verifyFeedbackToken(token, other, secret)).toBe(false);
		expect(verifyFeedbackToken(`${other.id}.${token.split('.')[1]}`, other, secret)).toBe(false);
		expect(verifyFeedbackToken(token, registration, 'b'.repeat(40))).toBe(false);
		expect(verifyFeedbackToken(token, { ...registration, accessTokenHash: 'e'.repeat(64) }, secret)).toBe(
			false
		);
	});

	it('reject malformed tokens without a lookup', () => {
		for (const bad of [
			'',
			'abc',
			`${registration.id}`,
			`${registration.id}.`,
			`not-a-uuid.${'A'.repeat(43)}`
		])
			expect(registrationIdOfToken(bad)).toBeNull();
		expect(registrationIdOfToken(`${registration.id}.${'A'.repeat(43)}.x`)).toBeNull();
	});

	it('are signed by default with the key derived from the application secret', () => {
		const original = config();
		try {
			setConfigForTests(parseConfig({ ...process.env, AUTH_SECRET: 'c'.repeat(40) }));
			const token = feedbackToken(registration);
			expect(verifyFeedbackToken(token, registration)).toBe(true);
			// Not the secret used as the key directly.
			expect(verifyFeedbackToken(token, registration, 'c'.repeat(40))).toBe(false);
			setConfigForTests(parseConfig({ ...process.env, AUTH_SECRET: 'd'.repeat(40) }));
			expect(verifyFeedbackToken(token, registration)).toBe(false);
		} finally {
			setConfigForTests(original);
		}
	});
});
