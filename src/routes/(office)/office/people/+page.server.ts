import { authorize } from '#lib/server/guard.ts';
import { can } from '#lib/server/policy/policy.ts';
import { PAGE_SIZE, readChoice, readPage, readText } from '#lib/server/office/params.ts';
import { searchPeople } from '#lib/server/people/queries.ts';
import { networkRoles } from '#lib/server/db/schema/roles.ts';

export const load = async (event) => {
	authorize(event, 'office.people.read');
	const { url, locals } = event;
	const filter = {
		q: readText(url, 'q'),
		account: readChoice(url, 'account', ['yes', 'no'] as const),
		role: readChoice(url, 'role', networkRoles),
		page: readPage(url)
	};
	const result = await searchPeople(locals.network.id, {
		q: filter.q,
		hasAccount: filter.account === undefined ? undefined : filter.account === 'yes',
		role: filter.role,
		page: filter.page,
		pageSize: PAGE_SIZE
	});
	return {
		filter,
		people: result.rows,
		total: result.total,
		pageSize: PAGE_SIZE,
		canInvite: can(locals.actor, 'office.invitations.manage')
	};
};
