import { authorize } from '#lib/server/guard.ts';
import { PAGE_SIZE, readChoice, readPage, readText } from '#lib/server/office/params.ts';
import { searchOrganisations } from '#lib/server/organisations/queries.ts';
import { membershipStatuses, organisationKinds } from '#lib/server/db/schema/organisations.ts';

export const load = async (event) => {
	authorize(event, 'office.organisations.read');
	const { url, locals } = event;
	const filter = {
		q: readText(url, 'q'),
		kind: readChoice(url, 'kind', organisationKinds),
		status: readChoice(url, 'status', membershipStatuses),
		page: readPage(url)
	};
	const result = await searchOrganisations(locals.network.id, { ...filter, pageSize: PAGE_SIZE });
	return { filter, organisations: result.rows, total: result.total, pageSize: PAGE_SIZE };
};
