import { describe, expect, it } from 'vitest';
import { apiLocale } from './locale.ts';

describe('apiLocale', () => {
	it('keeps the fallback without a header or without German or English in it', () => {
		expect(apiLocale(null, 'de')).toBe('de');
		expect(apiLocale('', 'en')).toBe('en');
		expect(apiLocale('fr-FR, it;q=0.8', 'de')).toBe('de');
		expect(apiLocale('*', 'en')).toBe('en');
	});

	it('takes the best-ranked of German and English', () => {
		expect(apiLocale('en', 'de')).toBe('en');
		expect(apiLocale('en-GB,en;q=0.9', 'de')).toBe('en');
		expect(apiLocale('fr, en;q=0.5, de;q=0.7', 'en')).toBe('de');
		expect(apiLocale('de;q=0.2, en;q=0.3', 'de')).toBe('en');
		expect(apiLocale('en;q=0, de', 'en')).toBe('de');
		expect(apiLocale('DE-at', 'en')).toBe('de');
	});
});
