import { authorize } from '#lib/server/guard.ts';
import { findLegalPage } from '#lib/server/networks/queries.ts';

export const load = async (event) => {
	authorize(event, 'public.view');
	const page = await findLegalPage(event.locals.network.id, 'imprint');
	const locale = event.locals.locale;
	return {
		body: page ? (locale === 'en' && page.bodyEn ? page.bodyEn : page.bodyDe) : '',
		updatedAt: page?.updatedAt ?? null
	};
};
