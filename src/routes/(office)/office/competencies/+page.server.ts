import { fail, type RequestEvent } from '@sveltejs/kit';
import { authorize } from '#lib/server/guard.ts';
import { formFailure, parseForm } from '#lib/server/forms.ts';
import { auditContext } from '#lib/server/office/params.ts';
import { listTaxonomyWithCounts } from '#lib/server/taxonomy/queries.ts';
import {
	addCompetence,
	deleteCompetence,
	moveCompetence,
	renameCompetence,
	type TaxonomyResult
} from '#lib/server/taxonomy/mutations.ts';
import {
	addCompetenceSchema,
	competenceIdSchema,
	moveCompetenceSchema,
	renameCompetenceSchema
} from '#lib/server/taxonomy/schemas.ts';
import { m } from '#lib/paraglide/messages.js';

export const load = async (event) => {
	authorize(event, 'office.taxonomy.manage');
	return { nodes: await listTaxonomyWithCounts(event.locals.network.id) };
};

type Failure = Extract<TaxonomyResult, { ok: false }>['reason'];
const reasons: Record<Failure, { status: number; message: () => string }> = {
	NOT_FOUND: { status: 404, message: m.profiles_taxonomy_error_not_found },
	DUPLICATE: { status: 409, message: m.profiles_taxonomy_error_duplicate },
	IN_USE: { status: 409, message: m.profiles_taxonomy_error_in_use },
	HAS_CHILDREN: { status: 409, message: m.profiles_taxonomy_error_children },
	AT_EDGE: { status: 400, message: m.profiles_taxonomy_error_edge }
};

/** Expected refusals become a message beside the form that was posted (`form` names it). */
function refused(reason: Failure, formName: string, data: FormData, field?: string) {
	const { status, message } = reasons[reason];
	const failure = formFailure(status, message(), data, field ? { [field]: message() } : {});
	return fail(status, { ...failure.data, formName });
}

const change = (event: RequestEvent) => ({
	actor: event.locals.actor,
	networkId: event.locals.network.id,
	context: auditContext(event)
});

export const actions = {
	add: async (event) => {
		authorize(event, 'office.taxonomy.manage');
		const parsed = await parseForm(event.request, addCompetenceSchema, event.locals.locale);
		if (!parsed.ok) return fail(400, { ...(parsed.failure.data as object), formName: 'add' });
		const result = await addCompetence({ ...change(event), ...parsed.data });
		if (!result.ok) return refused(result.reason, 'add', parsed.form, 'nameDe');
		return { success: m.profiles_taxonomy_added({ name: parsed.data.nameDe }) };
	},
	rename: async (event) => {
		authorize(event, 'office.taxonomy.manage');
		const parsed = await parseForm(event.request, renameCompetenceSchema, event.locals.locale);
		if (!parsed.ok) return fail(400, { ...(parsed.failure.data as object), formName: 'rename' });
		const result = await renameCompetence({ ...change(event), ...parsed.data });
		if (!result.ok) return refused(result.reason, 'rename', parsed.form);
		return { success: m.profiles_taxonomy_renamed({ name: parsed.data.nameDe }) };
	},
	move: async (event) => {
		authorize(event, 'office.taxonomy.manage');
		const parsed = await parseForm(event.request, moveCompetenceSchema, event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		const result = await moveCompetence({ ...change(event), ...parsed.data });
		if (!result.ok) return refused(result.reason, 'move', parsed.form);
		return { success: m.profiles_taxonomy_moved() };
	},
	delete: async (event) => {
		authorize(event, 'office.taxonomy.manage');
		const parsed = await parseForm(event.request, competenceIdSchema, event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		const result = await deleteCompetence({ ...change(event), ...parsed.data });
		if (!result.ok) return refused(result.reason, 'delete', parsed.form);
		return { success: m.profiles_taxonomy_deleted() };
	}
};
