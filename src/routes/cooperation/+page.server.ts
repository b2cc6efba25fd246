import { authorize } from '#lib/server/guard.ts';
import { can } from '#lib/server/policy/policy.ts';
import { profileOwner } from '#lib/server/cooperation/owner.ts';
import { listCompetenceChoices, listProfiles } from '#lib/server/cooperation/browse/queries.ts';
import { competenceName, toProfileCard } from '#lib/server/cooperation/browse/present.ts';
import { readBrowseQuery } from '#lib/components/cooperation/browse/query.ts';

const PAGE_SIZE = 20;

/**
 * The cooperation exchange (Kooperationsbörse): the live profiles the actor may view, filtered by
 * the URL. Visitors get the public anonymous ones, the network's people the members' ones too.
 * Two statements: the page of profiles (with owners and competencies) and the taxonomy.
 */
export const load = async (event) => {
	authorize(event, 'cooperation.browse');
	const { actor, locale, network } = event.locals;
	const query = readBrowseQuery(event.url.searchParams);
	const [{ items, total }, taxonomy] = await Promise.all([
		listProfiles(actor, network.id, { ...query, pageSize: PAGE_SIZE }),
		listCompetenceChoices(network.id)
	]);
	return {
		query,
		profiles: items.map((item) =>
			toProfileCard(
				actor,
				item,
				profileOwner(actor, item.profile, item.revealedTo, item.organisation),
				locale
			)
		),
		total,
		pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
		competencies: taxonomy.map((node) => ({
			path: node.path,
			name: competenceName(node, locale),
			depth: node.depth
		})),
		mayCreate: can(actor, 'cooperation.profile.create'),
		// The page itself decides who may see what is on it; the link is for people of an organisation.
		hasOrganisation: actor.organisations.length > 0
	};
};
