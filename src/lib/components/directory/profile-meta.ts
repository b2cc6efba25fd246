import type { SizeClass } from '#lib/directory/vocabulary.ts';
import { serialiseJsonLd } from './json-ld.ts';

/**
 * What search engines and link previews read about a public profile: the meta description, Open
 * Graph tags and schema.org `Organization` JSON-LD. Built from a profile already cut to the public
 * audience, so nothing here can carry a field the public may not see.
 */
type Localised = { de: string; en: string };
export type PublicProfileFacts = {
	slug: string;
	name: string;
	city: string | null;
	shortDescription: Localised | null;
	longDescription: Localised | null;
	website: string | null;
	logoFileId: string | null;
	street: string | null;
	postalCode: string | null;
	district: string | null;
	foundedYear: number | null;
	sizeClass: SizeClass | null;
	competencies: { name: Localised }[];
};

/** The employee range of each size class (the exact number is the office's only). */
const employeeRanges: Record<SizeClass, { minValue: number; maxValue?: number }> = {
	micro: { minValue: 1, maxValue: 9 },
	small: { minValue: 10, maxValue: 49 },
	medium: { minValue: 50, maxValue: 249 },
	large: { minValue: 250, maxValue: 999 },
	enterprise: { minValue: 1000 }
};

const pick = (value: Localised | null, locale: string) =>
	value ? (locale === 'en' ? value.en : value.de) || value.de || value.en : '';

export function profileMeta(profile: PublicProfileFacts, origin: string, locale: string) {
	const url = `${origin}/atlas/${encodeURIComponent(profile.slug)}`;
	const logo = profile.logoFileId ? `${origin}/logos/${profile.logoFileId}` : null;
	const description =
		pick(profile.shortDescription, locale) || pick(profile.longDescription, locale) || profile.name;
	const hasAddress = profile.street || profile.postalCode || profile.city;
	const jsonLd = {
		'@context': 'https://schema.org',
		'@type': 'Organization',
		name: profile.name,
		url: profile.website ?? url,
		...(profile.website ? { sameAs: [url] } : {}),
		...(logo ? { logo } : {}),
		description,
		...(hasAddress
			? {
					address: {
						'@type': 'PostalAddress',
						...(profile.street ? { streetAddress: profile.street } : {}),
						...(profile.postalCode ? { postalCode: profile.postalCode } : {}),
						...(profile.city ? { addressLocality: profile.city } : {}),
						...(profile.district ? { addressRegion: profile.district } : {}),
						addressCountry: 'DE'
					}
				}
			: {}),
		...(profile.foundedYear ? { foundingDate: String(profile.foundedYear) } : {}),
		...(profile.sizeClass
			? { numberOfEmployees: { '@type': 'QuantitativeValue', ...employeeRanges[profile.sizeClass] } }
			: {}),
		...(profile.competencies.length
			? { knowsAbout: profile.competencies.map((c) => pick(c.name, locale)) }
			: {})
	};
	return {
		title: profile.name,
		description: description.slice(0, 300),
		canonical: url,
		image: logo,
		jsonLd: serialiseJsonLd(jsonLd)
	};
}
