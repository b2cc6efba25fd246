import { authorize } from '#lib/server/guard.ts';
import { listAuditActions, listAuditEntries } from '#lib/server/office/queries.ts';
import { PAGE_SIZE, readPage, readText } from '#lib/server/office/params.ts';

export const load = async (event) => {
	authorize(event, 'office.audit.read');
	const { url, locals } = event;
	const filter = {
		action: readText(url, 'action', 100),
		actor: readText(url, 'actor', 254),
		page: readPage(url)
	};
	const [entries, actions] = await Promise.all([
		listAuditEntries(locals.network.id, {
			action: filter.action,
			actorEmail: filter.actor,
			page: filter.page,
			pageSize: PAGE_SIZE
		}),
		listAuditActions(locals.network.id)
	]);
	return {
		filter,
		actions,
		entries: entries.rows.map((entry) => ({ ...entry, details: JSON.stringify(entry.details, null, 1) })),
		total: entries.total,
		pageSize: PAGE_SIZE
	};
};
