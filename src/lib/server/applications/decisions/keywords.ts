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
