import { sql } from 'drizzle-orm';
import { customType } from 'drizzle-orm/pg-core';

export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** A full-text search column with German stemming, kept up to date by PostgreSQL itself. */
export const germanSearch = (expression: string) =>
	tsvector('search').generatedAlwaysAs(sql.raw(`to_tsvector('german'::regconfig, ${expression})`));
