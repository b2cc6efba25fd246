import { error } from '@sveltejs/kit';
import { requireCircle } from '#lib/server/circles/guard.ts';
import { parseForm } from '#lib/server/forms.ts';
import { auditContext } from '#lib/server/office/params.ts';
import { findNotificationMode } from '#lib/server/circles/notifications/queries.ts';
import { setNotificationMode } from '#lib/server/circles/notifications/mutations.ts';
import { notificationModeSchema } from '#lib/server/circles/notifications/schema.ts';

type PageEvent = Parameters<typeof requireCircle>[0] & { locals: App.Locals };

/** The person's own preference in this circle: members only (others get 403, visitors sign in). */
async function requireMembership(event: PageEvent) {
	const circle = await requireCircle(event, 'circle.notifications');
	const { actor, network } = event.locals;
	// The actor's memberships are read per request; one left since then finds no row here.
	const mode = await findNotificationMode(network.id, circle.id, actor.userId!);
	if (!mode) error(403, 'Forbidden');
	return { circle, mode, person: { userId: actor.userId!, email: actor.email } };
}

export const load = async (event) => {
	const { mode } = await requireMembership(event);
	return { mode, saved: event.url.searchParams.get('saved') === '1' };
};

export const actions = {
	default: async (event) => {
		const { circle, person } = await requireMembership(event);
		const { locals } = event;
		const parsed = await parseForm(event.request, notificationModeSchema, locals.locale);
		if (!parsed.ok) return parsed.failure;
		const result = await setNotificationMode(
			{ networkId: locals.network.id, circleId: circle.id, person, mode: parsed.data.mode },
			auditContext(event)
		);
		if (!result.ok) error(403, 'Forbidden');
		return { saved: true, mode: parsed.data.mode };
	}
};
