import { sql, type SQL } from 'drizzle-orm';

/** A search term as an ILIKE pattern that matches it anywhere, with % _ \ taken literally. */
export function containsPattern(term: string): string {
	return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Case-insensitive substring match, or a close enough trigram word match (typos, missing letters)
 * through pg_trgm's `<%` operator (word_similarity above the configured threshold).
 */
export function matchesText(term: string, column: SQL): SQL {
	return sql`(${column} ilike ${containsPattern(term)} or ${term} <% ${column})`;
}

export function pageOffset(page: number, pageSize: number) {
	return (Math.max(1, page) - 1) * pageSize;
}
