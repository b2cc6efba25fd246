import { authorize } from '#lib/server/guard.ts';
import { parseForm } from '#lib/server/forms.ts';
import { loadLegalTexts } from '#lib/server/legal/queries.ts';
import { saveLegalPage } from '#lib/server/legal/mutations.ts';
import { auditContext } from '#lib/server/office/params.ts';
import { legalForm } from '#lib/server/office/schemas.ts';
import { m } from '#lib/paraglide/messages.js';

export const load = async (event) => {
	authorize(event, 'office.legal.edit');
	return { legal: await loadLegalTexts(event.locals.network.id) };
};

export const actions = {
	save: async (event) => {
		authorize(event, 'office.legal.edit');
		const { locals } = event;
		const parsed = await parseForm(event.request, legalForm, locals.locale);
		if (!parsed.ok) return parsed.failure;
		await saveLegalPage({
			actor: locals.actor,
			networkId: locals.network.id,
			kind: parsed.data.kind,
			bodyDe: parsed.data.bodyDe,
			bodyEn: parsed.data.bodyEn,
			context: auditContext(event)
		});
		const page = parsed.data.kind === 'imprint' ? m.office_legal_imprint() : m.office_legal_privacy();
		return { kind: parsed.data.kind, success: m.office_legal_saved({ page }) };
	}
};
