import { redirect } from '@sveltejs/kit';
import { requireCircle } from '#lib/server/circles/guard.ts';
import { circleMentionables } from '#lib/server/circles/discussions/queries.ts';
import { createThread } from '#lib/server/circles/discussions/mutations.ts';
import { refuse } from '#lib/server/circles/discussions/access.ts';
import { newThreadForm } from '#lib/server/circles/discussions/schemas.ts';
import { parseForm } from '#lib/server/forms.ts';

export const load = async (event) => {
	const circle = await requireCircle(event, 'circle.contribute');
	const members = await circleMentionables(circle.networkId, circle.id);
	return { mentionables: members.map(({ handle, name }) => ({ handle, name })) };
};

export const actions = {
	default: async (event) => {
		const circle = await requireCircle(event, 'circle.contribute');
		const parsed = await parseForm(event.request, newThreadForm, event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		const result = await createThread({ actor: event.locals.actor, circle, ...parsed.data });
		if (!result.ok) refuse(result.reason === 'FORBIDDEN' ? 'FORBIDDEN' : 'NOT_FOUND');
		redirect(303, `/circles/${circle.slug}/threads/${result.threadId}`);
	}
};
