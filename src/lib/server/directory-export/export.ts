import type { DirectoryQuery } from '../../directory/query.ts';
import { findProfiles, searchDirectory } from '../directory/queries.ts';
import type { DirectoryProfile } from '../directory/types.ts';
import type { Audience } from '../policy/policy.ts';
import { exportFields, exportHeaders, exportRow } from './columns.ts';
import { toCsv, toXlsx } from './writers.ts';

const PAGE_SIZE = 1000;
/** An export is a list, not a backup: beyond this the office narrows the search. */
export const MAX_EXPORT_ROWS = 100_000;

/**
 * The whole current search result (not just the page on screen), cut to the audience by the
 * directory's own search and profile functions: this module never reads organisations itself.
 */
async function collectProfiles(networkId: string, audience: Audience, query: DirectoryQuery) {
	const profiles: DirectoryProfile[] = [];
	for (let page = 1; ; page++) {
		const result = await searchDirectory(
			networkId,
			audience,
			{ ...query, page },
			{ pageSize: PAGE_SIZE, facets: false }
		);
		profiles.push(
			...(await findProfiles(
				networkId,
				audience,
				result.hits.map((hit) => hit.id)
			))
		);
		if (page >= result.pageCount || profiles.length >= MAX_EXPORT_ROWS || result.hits.length === 0) break;
	}
	return profiles.slice(0, MAX_EXPORT_ROWS);
}

export type ExportFormat = 'csv' | 'xlsx';

export async function exportOrganisations(input: {
	networkId: string;
	audience: Audience;
	query: DirectoryQuery;
	locale: 'de' | 'en';
	format: ExportFormat;
	sheetName: string;
}): Promise<Uint8Array> {
	const profiles = await collectProfiles(input.networkId, input.audience, input.query);
	const fields = exportFields(input.audience);
	const headers = exportHeaders(fields, input.locale);
	const rows = profiles.map((profile) => exportRow(profile, fields, input.locale));
	return input.format === 'csv' ? toCsv(headers, rows) : toXlsx(input.sheetName, headers, rows);
}
