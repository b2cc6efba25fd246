import { can } from '#lib/server/policy/policy.ts';

/** Navigation is decided by the policy, so nobody is shown a link they may not follow. */
export const load = ({ locals }) => {
	const { actor, network, user, locale } = locals;
	const firstOrganisation = actor.organisations[0]?.organisationId;
	const nav = [
		{ href: '/', key: 'nav_home' as const },
		{ href: '/atlas', key: 'nav_atlas' as const },
		...(can(actor, 'events.calendar') ? [{ href: '/events', key: 'nav_events' as const }] : []),
		...(can(actor, 'circles.list') ? [{ href: '/circles', key: 'nav_circles' as const }] : []),
		...(can(actor, 'cooperation.browse') ? [{ href: '/cooperation', key: 'nav_cooperation' as const }] : []),
		...(can(actor, 'members.view') ? [{ href: '/members', key: 'nav_members' as const }] : []),
		...(can(actor, 'directory.members') ? [{ href: '/directory', key: 'nav_directory' as const }] : []),
		...(firstOrganisation &&
		can(actor, 'organisation.view_people', { networkId: network.id, organisationId: firstOrganisation })
			? [{ href: `/organisations/${firstOrganisation}/team`, key: 'nav_my_organisation' as const }]
			: []),
		...(can(actor, 'office.view') ? [{ href: '/office', key: 'nav_office' as const }] : [])
	];
	return {
		locale,
		network: { name: network.name, shortName: network.shortName },
		user: user ? { name: user.name, email: user.email } : null,
		twoFactorPrompt: actor.networkRoles.includes('office') && !actor.twoFactorEnabled,
		nav
	};
};
