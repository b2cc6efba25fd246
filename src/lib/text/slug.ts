const umlauts: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/**
 * Lower-case ASCII words joined by hyphens, for URLs and mail addresses: "Große-Kleve Präzision" →
 * "grosse-kleve-praezision". German umlauts are spelt out, other accents dropped. Empty when no
 * letter or digit is left; cut at `maxLength` without a trailing hyphen.
 */
export function toSlug(text: string, maxLength = Number.POSITIVE_INFINITY): string {
	return text
		.toLowerCase()
		.replace(/[äöüß]/g, (c) => umlauts[c] ?? c)
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, maxLength)
		.replace(/-+$/, '');
}

/** "Kolbenwerk Müller GmbH" → "kolbenwerk-mueller": the name without its legal form. */
export function organisationSlug(name: string, legalForm: string | null | undefined): string {
	const trimmed = name.trim();
	const base =
		legalForm && trimmed.toLowerCase().endsWith(` ${legalForm.toLowerCase()}`)
			? trimmed.slice(0, -legalForm.length - 1)
			: trimmed;
	return toSlug(base, 60) || 'organisation';
}

/** `base`, or `base-2`, `base-3`, … whichever is not in `taken` yet. */
export function nextFreeSlug(base: string, taken: ReadonlySet<string>): string {
	let slug = base;
	for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
	return slug;
}
