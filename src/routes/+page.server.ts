import { authorize } from '#lib/server/guard.ts';
import { countMembers, findCircles, findSupporters } from '#lib/server/networks/queries.ts';

export const load = async (event) => {
	authorize(event, 'public.view');
	const { network } = event.locals;
	const [figures, circles, supporters] = await Promise.all([
		countMembers(network.id),
		findCircles(network.id),
		findSupporters(network.id)
	]);
	return {
		home: {
			name: network.name,
			tagline: { de: network.taglineDe, en: network.taglineEn },
			description: { de: network.descriptionDe, en: network.descriptionEn },
			figures,
			circles: circles.map((c) => ({
				id: c.id,
				name: { de: c.nameDe, en: c.nameEn },
				description: { de: c.descriptionDe, en: c.descriptionEn }
			})),
			supporters: supporters.map((s) => ({ id: s.id, name: s.name, kind: s.kind, website: s.website }))
		}
	};
};
