import { fail } from '@sveltejs/kit';
import { authorize } from '#lib/server/guard.ts';
import { ownerOf } from '#lib/server/auth/http.ts';
import { auditContext } from '#lib/server/office/params.ts';
import { circleName } from '#lib/server/circles/scope.ts';
import { listNotificationModes } from '#lib/server/circles/notifications/queries.ts';
import { setNotificationModes } from '#lib/server/circles/notifications/mutations.ts';
import { parseNotificationModes } from '#lib/server/circles/notifications/schema.ts';
import { isMatchPreferenceForm, saveMatchPreference } from '#lib/server/cooperation/notifications/account.ts';
import { m } from '#lib/paraglide/messages.js';

/** The person's circles of this network, each with its preference, changed with one form. */
async function circlesOf(event: { locals: App.Locals }) {
	const { network, locale } = event.locals;
	const rows = await listNotificationModes(network.id, ownerOf(event.locals).userId);
	return rows.map((row) => ({
		id: row.circleId,
		slug: row.slug,
		name: circleName(row, locale),
		mode: row.mode
	}));
}

export const load = async (event) => {
	authorize(event, 'account.manage');
	return { circles: await circlesOf(event) };
};

export const actions = {
	default: async (event) => {
		authorize(event, 'account.manage');
		const { locals } = event;
		const form = await event.request.formData();
		// The cooperation exchange's section posts its own form (one action per page: the default).
		if (isMatchPreferenceForm(form)) return saveMatchPreference(event, form);
		const parsed = parseNotificationModes(form);
		if (!parsed.ok) {
			const errors: Record<string, string> = {};
			for (const [field, key] of Object.entries(parsed.errors))
				errors[field] =
					key === 'validation_choice'
						? m.validation_choice({}, { locale: locals.locale })
						: m.validation_invalid({}, { locale: locals.locale });
			return fail(400, { errors });
		}
		await setNotificationModes(
			{ networkId: locals.network.id, person: ownerOf(locals), modes: parsed.modes },
			auditContext(event)
		);
		return { saved: true };
	}
};
