import { authorize } from '#lib/server/guard.ts';
import { can, type Action } from '#lib/server/policy/policy.ts';
import { countOpenApplications } from '#lib/server/applications/queries.ts';

const sections: { href: string; key: string; action: Action }[] = [
	{ href: '/office', key: 'dashboard', action: 'office.view' },
	{ href: '/office/people', key: 'people', action: 'office.people.read' },
	{ href: '/office/organisations', key: 'organisations', action: 'office.organisations.read' },
	{ href: '/office/applications', key: 'applications', action: 'office.applications.read' },
	{ href: '/office/circles', key: 'circles', action: 'circle.manage' },
	{ href: '/office/cooperation', key: 'cooperation', action: 'office.cooperation.read' },
	{ href: '/office/import', key: 'import', action: 'office.import' },
	{ href: '/office/invitations', key: 'invitations', action: 'office.invitations.manage' },
	{ href: '/office/outbox', key: 'outbox', action: 'office.outbox.read' },
	{ href: '/office/audit', key: 'audit', action: 'office.audit.read' },
	{ href: '/office/legal', key: 'legal', action: 'office.legal.edit' },
	{ href: '/office/competencies', key: 'competencies', action: 'office.taxonomy.manage' },
	{ href: '/office/api-tokens', key: 'api_tokens', action: 'office.tokens.manage' }
];

/** The office area's navigation, from the policy: the board sees only what it may read. */
export const load = async (event) => {
	authorize(event, 'office.view');
	const { actor, network } = event.locals;
	return {
		officeNav: sections.filter((s) => can(actor, s.action)).map(({ href, key }) => ({ href, key })),
		openApplications: can(actor, 'office.applications.read') ? await countOpenApplications(network.id) : 0
	};
};
