import { authorize } from '#lib/server/guard.ts';

export const load = (event) => {
	authorize(event, 'application.submit');
	return {};
};
