import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import {
	COOPERATION_MODE_FIELD,
	COOPERATION_SECTION,
	SECTION_FIELD
} from '../../../components/cooperation/notifications/fields.ts';
import { matchNotificationModes } from '../../../cooperation/vocabulary.ts';
import { m } from '../../../paraglide/messages.js';
import { authorize } from '../../guard.ts';
import { can } from '../../policy/policy.ts';
import { auditContext } from '../../office/params.ts';
import { ownerOf } from '../../auth/http.ts';
import { findMatchPreference } from './queries.ts';
import { setMatchPreference } from './mutations.ts';

/**
 * The cooperation section of /account/notifications: the person's choice for new matching
 * profiles. Its form says so in a hidden field (`isMatchPreferenceForm`); the page's one form
 * action hands such a form here.
 */

export const isMatchPreferenceForm = (form: FormData) => form.get(SECTION_FIELD) === COOPERATION_SECTION;

export const matchPreferenceSchema = z.object({
	[COOPERATION_MODE_FIELD]: z.enum(matchNotificationModes, { message: 'validation_choice' })
});

type AccountEvent = { locals: App.Locals; request: Request; url: URL };

/** The preference, for people of the network who may have one; null for anyone else. */
export async function loadMatchPreference(event: { locals: App.Locals }) {
	const { actor, network } = event.locals;
	if (!actor.userId || !can(actor, 'cooperation.notifications')) return null;
	return { mode: await findMatchPreference(network.id, actor.userId) };
}

export async function saveMatchPreference(event: AccountEvent, form: FormData) {
	authorize(event, 'cooperation.notifications');
	const { locals } = event;
	const parsed = matchPreferenceSchema.safeParse({
		[COOPERATION_MODE_FIELD]: form.get(COOPERATION_MODE_FIELD)
	});
	if (!parsed.success)
		return fail(400, {
			cooperationErrors: { [COOPERATION_MODE_FIELD]: m.validation_choice({}, { locale: locals.locale }) }
		});
	await setMatchPreference(
		{
			networkId: locals.network.id,
			person: ownerOf(locals),
			mode: parsed.data[COOPERATION_MODE_FIELD]
		},
		auditContext(event)
	);
	return { cooperationSaved: true as const, cooperationMode: parsed.data[COOPERATION_MODE_FIELD] };
}
