import { authorize, notFound } from '#lib/server/guard.ts';
import { formFailure } from '#lib/server/forms.ts';
import { getMail } from '#lib/server/mail/queries.ts';
import { retryMail } from '#lib/server/mail/mutations.ts';
import { recordAudit } from '#lib/server/audit/mutations.ts';
import { auditContext } from '#lib/server/office/params.ts';
import { m } from '#lib/paraglide/messages.js';

export const load = async (event) => {
	authorize(event, 'office.outbox.read');
	const mail = await getMail(event.locals.network.id, event.params.id);
	if (!mail) notFound();
	return { mail };
};

export const actions = {
	retry: async (event) => {
		authorize(event, 'office.outbox.read');
		const { locals, params } = event;
		const result = await retryMail(locals.network.id, params.id);
		if (!result.ok) {
			return formFailure(result.reason === 'NOT_FOUND' ? 404 : 409, m.office_outbox_retry_failed());
		}
		await recordAudit({
			networkId: locals.network.id,
			actor: locals.actor,
			action: 'office.mail.retried',
			targetType: 'mail',
			targetId: params.id,
			details: { before: { status: 'failed' }, after: { status: 'queued' } },
			context: auditContext(event)
		});
		return { success: m.office_outbox_retried() };
	}
};
