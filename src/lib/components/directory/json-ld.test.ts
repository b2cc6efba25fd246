import { describe, expect, it } from 'vitest';
import { jsonLdElement, serialiseJsonLd } from './json-ld.ts';
import { profileMeta, type PublicProfileFacts } from './profile-meta.ts';

const profile: PublicProfileFacts = {
	slug: 'beispiel-gmbh',
	name: 'Beispiel </script><script>alert(1)</script> GmbH',
	city: 'Osnabrück',
	shortDescription: { de: 'Batterien & Antriebe <b>', en: '' },
	longDescription: null,
	website: 'https://beispiel.example',
	logoFileId: '6b1f0d52-0a9e-4c55-9a53-4c8e34b0b7a1',
	street: 'Hafenstraße 1',
	postalCode: '49090',
	district: 'Osnabrück',
	foundedYear: 1998,
	sizeClass: 'medium',
	competencies: [{ name: { de: 'Batteriemontage', en: 'Battery assembly' } }]
};

describe('serialiseJsonLd', () => {
	it('cannot end the script element, and parses back to the same value', () => {
		const value = { text: '</script><!-- & \u2028 -->' };
		const json = serialiseJsonLd(value);
		expect(json).not.toMatch(/[<>&\u2028]/);
		expect(JSON.parse(json)).toEqual(value);
		const script = jsonLdElement(json);
		expect(script.indexOf('</script>')).toBe(script.length - '</script>'.length);
	});
});

describe('profileMeta', () => {
	it('describes the organisation for search engines, with the German text where English is empty', () => {
		const meta = profileMeta(profile, 'https://netz.example', 'en');
		expect(meta.canonical).toBe('https://netz.example/atlas/beispiel-gmbh');
		expect(meta.image).toBe(`https://netz.example/logos/${profile.logoFileId}`);
		expect(meta.description).toBe('Batterien & Antriebe <b>');
		const data = JSON.parse(meta.jsonLd);
		expect(data).toMatchObject({
			'@type': 'Organization',
			name: profile.name,
			url: 'https://beispiel.example',
			address: { '@type': 'PostalAddress', postalCode: '49090', addressLocality: 'Osnabrück' },
			foundingDate: '1998',
			numberOfEmployees: { '@type': 'QuantitativeValue', minValue: 50, maxValue: 249 },
			knowsAbout: ['Battery assembly']
		});
		expect(meta.jsonLd).not.toContain('</script>');
	});

	it('leaves out what the public may not see (fields already null)', () => {
		const hidden = {
			...profile,
			sizeClass: null,
			foundedYear: null,
			street: null,
			postalCode: null,
			city: null
		};
		const data = JSON.parse(profileMeta(hidden, 'https://netz.example', 'de').jsonLd);
		expect(data).not.toHaveProperty('numberOfEmployees');
		expect(data).not.toHaveProperty('foundingDate');
		expect(data).not.toHaveProperty('address');
	});
});
