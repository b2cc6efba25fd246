import { parseDirectoryQuery } from '../../directory/query.ts';
import { m } from '../../paraglide/messages.js';
import { directoryAudience } from '../policy/policy.ts';
import { exportOrganisations, type ExportFormat } from './export.ts';

const contentTypes: Record<ExportFormat, string> = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

type ExportEvent = { locals: App.Locals; url: URL };

/**
 * `GET /export/organisations.{csv,xlsx}?<directory query>`: the search result the URL describes,
 * as the requesting person may see it (a visitor public fields, members member-visible ones).
 * The route has authorised 'directory.export'.
 */
export async function exportResponse(event: ExportEvent, format: ExportFormat) {
	const { locals, url } = event;
	const locale = locals.locale;
	const body = await exportOrganisations({
		networkId: locals.network.id,
		audience: directoryAudience(locals.actor),
		query: parseDirectoryQuery(url.searchParams),
		locale,
		format,
		sheetName: m.import_export_sheet({}, { locale })
	});
	const date = new Date().toISOString().slice(0, 10);
	const fileName = `${m.import_export_file({}, { locale })}-${date}.${format}`;
	return new Response(body as BodyInit, {
		headers: {
			'content-type': contentTypes[format],
			'content-disposition': `attachment; filename="${fileName}"`,
			// What it contains depends on who asks: no shared cache may keep it.
			'cache-control': 'private, no-store',
			vary: 'cookie'
		}
	});
}
