import { fail, redirect } from '@sveltejs/kit';
import { authorize, notFound } from '#lib/server/guard.ts';
import { formFailure, parseForm } from '#lib/server/forms.ts';
import { auditContext, isUuid, readChoice, readPage } from '#lib/server/office/params.ts';
import { rowOutcomes } from '#lib/server/directory-import/classify.ts';
import { cleanMapping } from '#lib/server/directory-import/fields.ts';
import { discardImportRun, saveImportMapping } from '#lib/server/directory-import/mutations.ts';
import { presentAnalysis, ROWS_PER_PAGE } from '#lib/server/directory-import/present.ts';
import { findImportRun, loadImportAnalysis } from '#lib/server/directory-import/queries.ts';
import { importProgress, isImportRunning, startImport } from '#lib/server/directory-import/run.ts';
import { mappingForm, mappingFromForm } from '#lib/server/directory-import/schemas.ts';
import { m } from '#lib/paraglide/messages.js';

/** A run left 'importing' without a task for this long died with its process (nothing was written). */
const INTERRUPTED_AFTER_MS = 30 * 60 * 1000;

export const load = async (event) => {
	authorize(event, 'office.import');
	const { locals, params, url } = event;
	if (!isUuid(params.id)) notFound();
	const networkId = locals.network.id;
	const run = await findImportRun(networkId, params.id);
	if (!run) notFound();
	const running = isImportRunning(run.id);
	const interrupted =
		run.status === 'importing' && !running && Date.now() - run.createdAt.getTime() > INTERRUPTED_AFTER_MS;
	const waiting = run.status === 'analysed' || run.status === 'failed';
	const outcome = readChoice(url, 'outcome', rowOutcomes);
	const page = readPage(url);
	// The dry run only means something before the import; afterwards the summary tells what happened.
	const loaded = waiting ? await loadImportAnalysis(networkId, run.id) : null;
	return {
		run: {
			id: run.id,
			fileName: run.fileName,
			status: interrupted ? ('interrupted' as const) : run.status,
			rowsTotal: run.rowsTotal,
			summary: run.summary as Record<string, number>,
			error: run.error,
			createdAt: run.createdAt
		},
		progress: importProgress(run.id) ?? { done: run.rowsDone, total: run.rowsTotal },
		dryRun: loaded?.analysis ? presentAnalysis(loaded.analysis, locals.locale, outcome, page) : null,
		filter: { outcome: outcome ?? '', page },
		rowsPerPage: ROWS_PER_PAGE
	};
};

async function requireRun(event: { locals: App.Locals; params: { id: string } }) {
	if (!isUuid(event.params.id)) notFound();
	const run = await findImportRun(event.locals.network.id, event.params.id);
	if (!run) notFound();
	return run;
}

export const actions = {
	mapping: async (event) => {
		authorize(event, 'office.import');
		const run = await requireRun(event);
		const parsed = await parseForm(event.request, mappingForm, event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		const mapping = cleanMapping(mappingFromForm(parsed.data), Object.keys(run.mapping).length);
		if (!(await saveImportMapping(event.locals.network.id, run.id, mapping)))
			return formFailure(409, m.import_mapping_locked());
		return { success: m.import_mapping_saved() };
	},
	confirm: async (event) => {
		authorize(event, 'office.import');
		const run = await requireRun(event);
		const started = await startImport({
			networkId: event.locals.network.id,
			runId: run.id,
			actor: event.locals.actor,
			context: auditContext(event),
			rowsTotal: run.rowsTotal
		});
		if (!started.started) return fail(409, { errors: { _form: m.import_not_confirmable() } });
		redirect(303, `/office/import/${run.id}`);
	},
	discard: async (event) => {
		authorize(event, 'office.import');
		const run = await requireRun(event);
		if (!(await discardImportRun(event.locals.network.id, run.id)))
			return fail(409, { errors: { _form: m.import_not_confirmable() } });
		redirect(303, '/office/import');
	}
};
