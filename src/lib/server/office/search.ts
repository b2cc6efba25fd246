import { sql, type SQL } from 'drizzle-orm';

/** A search term as an ILIKE pattern that matches it anywhere, with % _ \ taken literally. */
export function containsPattern(term: string): string {
	return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** German spelling variants meet: "Giesserei" finds "Gießerei", "Osnabrueck" finds "Osnabrück". */
export function foldTerm(term: string): string {
	return term
		.toLowerCase()
		.replaceAll('ä', 'ae')
		.replaceAll('ö', 'oe')
		.replaceAll('ü', 'ue')
		.replaceAll('ß', 'ss');
}

export function foldColumn(column: SQL): SQL {
	return sql`replace(replace(replace(replace(lower(${column}), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss')`;
}

/**
 * pg_trgm's default word-similarity threshold (0.6) misses one-letter slips in short words
 * ("Farwerk" → "Fahrwerk" scores 0.55); 0.5 catches them without flooding the list.
 */
const WORD_SIMILARITY = 0.5;

/** Case-insensitive substring match, or a close enough trigram word match (typos, missing letters). */
export function matchesText(term: string, column: SQL): SQL {
	const folded = foldTerm(term);
	const target = foldColumn(sql`coalesce(${column}, '')`);
	return sql`(${target} like ${containsPattern(folded)} or word_similarity(${folded}, ${target}) >= ${WORD_SIMILARITY})`;
}

/** How well a term matches, for ordering results (best first). */
export function similarity(term: string, column: SQL): SQL<number> {
	return sql<number>`word_similarity(${foldTerm(term)}, ${foldColumn(sql`coalesce(${column}, '')`)})`;
}

export function pageOffset(page: number, pageSize: number) {
	return (Math.max(1, page) - 1) * pageSize;
}
