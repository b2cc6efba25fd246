import { authorize } from '#lib/server/guard.ts';
import { findHomeFacts } from '#lib/server/networks/queries.ts';

export const load = async (event) => {
	authorize(event, 'public.view');
	const { network } = event.locals;
	const { figures, circles, supporters } = await findHomeFacts(network.id);
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
