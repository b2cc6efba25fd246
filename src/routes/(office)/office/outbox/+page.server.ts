import { authorize } from '#lib/server/guard.ts';
import { listMails } from '#lib/server/mail/queries.ts';
import { mailStatuses } from '#lib/server/db/schema/operations.ts';
import { PAGE_SIZE, readChoice, readPage, readText } from '#lib/server/office/params.ts';

export const load = async (event) => {
	authorize(event, 'office.outbox.read');
	const { url, locals } = event;
	const filter = {
		status: readChoice(url, 'status', mailStatuses),
		q: readText(url, 'q'),
		page: readPage(url)
	};
	const result = await listMails(locals.network.id, {
		status: filter.status,
		search: filter.q,
		page: filter.page,
		pageSize: PAGE_SIZE
	});
	return { filter, mails: result.rows, total: result.total, pageSize: PAGE_SIZE };
};
