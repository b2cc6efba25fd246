import { redirect } from '@sveltejs/kit';
import { authorize } from '#lib/server/guard.ts';
import { formFailure, parseForm } from '#lib/server/forms.ts';
import { createImportRun } from '#lib/server/directory-import/mutations.ts';
import { listImportRuns } from '#lib/server/directory-import/queries.ts';
import { uploadForm } from '#lib/server/directory-import/schemas.ts';
import { m } from '#lib/paraglide/messages.js';

export const load = async (event) => {
	authorize(event, 'office.import');
	return { runs: await listImportRuns(event.locals.network.id) };
};

export const actions = {
	upload: async (event) => {
		authorize(event, 'office.import');
		const { locals } = event;
		const parsed = await parseForm(event.request, uploadForm, locals.locale);
		if (!parsed.ok) return parsed.failure;
		const { file } = parsed.data;
		const created = await createImportRun({
			networkId: locals.network.id,
			actor: locals.actor,
			fileName: file.name,
			bytes: new Uint8Array(await file.arrayBuffer())
		});
		if (!created.ok) {
			const message = {
				empty: m.import_error_empty,
				too_large: m.import_error_file_too_large,
				unreadable: m.import_error_unreadable
			}[created.reason]();
			return formFailure(400, message, parsed.form, { file: message });
		}
		redirect(303, `/office/import/${created.runId}`);
	}
};
