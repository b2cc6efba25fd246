import { authorize } from '#lib/server/guard.ts';
import { can } from '#lib/server/policy/policy.ts';
import { loadDashboardCounts } from '#lib/server/office/queries.ts';

export const load = async (event) => {
	authorize(event, 'office.view');
	const { actor, network } = event.locals;
	return {
		counts: await loadDashboardCounts(network.id),
		may: {
			people: can(actor, 'office.people.read'),
			organisations: can(actor, 'office.organisations.read'),
			invitations: can(actor, 'office.invitations.manage'),
			outbox: can(actor, 'office.outbox.read'),
			audit: can(actor, 'office.audit.read'),
			legal: can(actor, 'office.legal.edit'),
			tokens: can(actor, 'office.tokens.manage')
		}
	};
};
