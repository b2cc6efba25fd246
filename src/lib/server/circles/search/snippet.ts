/**
 * Search snippets as plain text: the passage around the first matched word, split into parts the
 * page marks with <mark> in its own markup. Nothing here is HTML, so nothing needs {@html}.
 *
 * PostgreSQL finds the hits (German stemming); this only has to point at them again. A light
 * stemmer that folds umlauts and drops common German endings is enough for that: "Batterien" and
 * "Batterie", "Fahrräder" and "Fahrrad" meet at the same stem.
 */

export type SnippetPart = { text: string; marked: boolean };

const ENDINGS = ['ern', 'en', 'er', 'es', 'em', 'e', 'n', 's'];

export function lightStem(word: string): string {
	let stem = word.toLowerCase().replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u').replace(/ß/g, 'ss');
	for (const ending of ENDINGS) {
		if (stem.length - ending.length >= 4 && stem.endsWith(ending)) {
			stem = stem.slice(0, -ending.length);
			break;
		}
	}
	return stem;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a websearch query that should be found: not the excluded ones (-word), not "or". */
export function queryStems(query: string): string[] {
	const stems = new Set<string>();
	for (const match of query.matchAll(/(^|\s)-?"?[^\s"]+|"[^"]*"/g)) {
		const token = match[0].trim();
		if (token.startsWith('-')) continue;
		for (const word of token.match(WORD) ?? []) {
			if (word.toLowerCase() === 'or') continue;
			stems.add(lightStem(word));
		}
	}
	return [...stems].filter((stem) => stem.length > 0);
}

function matches(word: string, stems: readonly string[]) {
	const stem = lightStem(word);
	// Prefix too: a query word often is the start of a compound ("Reifen" in "Reifenwechsel").
	return stems.some((s) => stem === s || (s.length >= 4 && stem.startsWith(s)));
}

/**
 * The passage of `text` (plain text) around the first word matching the query, at most about
 * `maxLength` characters, with the matching words marked. Leading/trailing "…" show a cut.
 */
export function buildSnippet(text: string, query: string, maxLength = 220): SnippetPart[] {
	const clean = text.replace(/\s+/g, ' ').trim();
	if (!clean) return [];
	const stems = queryStems(query);
	const words = [...clean.matchAll(WORD)];
	const first = words.find((word) => matches(word[0], stems));
	let start = 0;
	if (first && clean.length > maxLength) {
		start = Math.max(0, first.index - Math.floor(maxLength / 3));
		const space = clean.lastIndexOf(' ', start);
		start = start === 0 ? 0 : space >= 0 && first.index - space < maxLength ? space + 1 : start;
	}
	let end = Math.min(clean.length, start + maxLength);
	if (end < clean.length) {
		const space = clean.lastIndexOf(' ', end);
		if (space > start + maxLength / 2) end = space;
	}
	const passage = clean.slice(start, end);
	const parts: SnippetPart[] = [];
	const push = (value: string, marked: boolean) => {
		if (!value) return;
		const last = parts.at(-1);
		if (last && last.marked === marked) last.text += value;
		else parts.push({ text: value, marked });
	};
	if (start > 0) push('… ', false);
	let cursor = 0;
	for (const word of passage.matchAll(WORD)) {
		if (!matches(word[0], stems)) continue;
		push(passage.slice(cursor, word.index), false);
		push(word[0], true);
		cursor = word.index + word[0].length;
	}
	push(passage.slice(cursor), false);
	if (end < clean.length) push(' …', false);
	return parts;
}
