import { error, redirect } from '@sveltejs/kit';
import { can, type Action, type Resource } from './policy/policy.ts';

type GuardLocals = Pick<App.Locals, 'actor'>;
type GuardEvent = { locals: GuardLocals; url: URL };

/**
 * Every load, form action and API route calls this (or `can` directly) before touching data.
 * Anonymous visitors are sent to sign-in; signed-in users without the permission get 403.
 */
export function authorize(event: GuardEvent, action: Action, resource?: Resource): void {
	const { actor } = event.locals;
	if (can(actor, action, resource)) return;
	if (!actor.userId) {
		redirect(303, `/sign-in?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	}
	error(403, 'Forbidden');
}

/** The resource of another network, or one that does not exist, looks the same: 404. */
export function notFound(): never {
	error(404, 'Not found');
}
