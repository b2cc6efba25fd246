const umlauts: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** "Kolbenwerk Müller GmbH" → "kolbenwerk-mueller": the name without its legal form, as a URL slug. */
export function organisationSlug(name: string, legalForm: string | null): string {
	const trimmed = name.trim();
	const base =
		legalForm && trimmed.toLowerCase().endsWith(` ${legalForm.toLowerCase()}`)
			? trimmed.slice(0, -legalForm.length - 1)
			: trimmed;
	const slug = base
		.toLowerCase()
		.replace(/[äöüß]/g, (c) => umlauts[c] ?? c)
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/g, '');
	return slug || 'organisation';
}

/** The applicant's free-text competencies ("Fräsen, Drehen; Lackieren") as profile keywords. */
export function splitKeywords(text: string): string[] {
	const seen = new Map<string, string>();
	for (const part of text.split(/[,;\n]+/)) {
		const keyword = part.trim().slice(0, 80);
		if (keyword && !seen.has(keyword.toLowerCase()) && seen.size < 30)
			seen.set(keyword.toLowerCase(), keyword);
	}
	return [...seen.values()];
}
