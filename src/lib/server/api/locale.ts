export type ApiLocale = 'de' | 'en';

/**
 * Programs do not carry the site's language cookie, so API messages follow `Accept-Language`
 * (highest quality first, `de` or `en`); without a usable header, the site's choice stands.
 */
export function apiLocale(acceptLanguage: string | null, fallback: ApiLocale): ApiLocale {
	if (!acceptLanguage) return fallback;
	const ranked = acceptLanguage
		.split(',')
		.map((part, index) => {
			const [tag = '', ...params] = part.trim().split(';');
			const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
			return { language: tag.trim().toLowerCase().split('-')[0], quality: q ? Number(q) : 1, index };
		})
		.filter((entry) => entry.quality > 0)
		.sort((a, b) => b.quality - a.quality || a.index - b.index);
	const match = ranked.find((entry) => entry.language === 'de' || entry.language === 'en');
	return (match?.language as ApiLocale | undefined) ?? fallback;
}
