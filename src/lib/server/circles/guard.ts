import { authorize, notFound } from '../guard.ts';
import type { Action } from '../policy/policy.ts';
import { findCircleBySlug } from './queries.ts';
import { circleResource, type CircleRow } from './scope.ts';

type CircleEvent = {
	locals: Pick<App.Locals, 'actor' | 'network'>;
	params: Partial<Record<string, string>>;
	url: URL;
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Every circle page and form action starts here: the circle of `params.slug` in this network
 * (404 when there is none, also for malformed slugs), and the permission for `action` on it
 * (visitors are sent to sign in, others get 403). Sub-resources (a thread, a document, an action
 * item) are then looked up *within* `circle.id`, so another circle's id is a 404.
 */
export async function requireCircle(event: CircleEvent, action: Action): Promise<CircleRow> {
	const slug = event.params.slug ?? '';
	if (!SLUG.test(slug)) notFound();
	const circle = await findCircleBySlug(event.locals.network.id, slug);
	if (!circle) notFound();
	authorize(event, action, circleResource(circle));
	return circle;
}
