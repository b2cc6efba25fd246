import { authorize } from '#lib/server/guard.ts';
import { applicationStatuses } from '#lib/server/db/schema/directory.ts';
import { listApplications } from '#lib/server/applications/queries.ts';
import { PAGE_SIZE, readChoice, readPage } from '#lib/server/office/params.ts';

export const load = async (event) => {
	authorize(event, 'office.applications.read');
	const { url, locals } = event;
	const filter = { status: readChoice(url, 'status', applicationStatuses), page: readPage(url) };
	const applications = await listApplications(locals.network.id, { ...filter, pageSize: PAGE_SIZE });
	return { filter, applications: applications.rows, total: applications.total, pageSize: PAGE_SIZE };
};
