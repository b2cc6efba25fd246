import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { m } from '../../../paraglide/messages.js';
import { notFound } from '../../guard.ts';
import { echoValues, localizeIssues, parseForm } from '../../forms.ts';
import { auditContext } from '../../office/params.ts';
import { can } from '../../policy/policy.ts';
import type { Actor } from '../../policy/actor.ts';
import { requireCircle } from '../guard.ts';
import { circleResource, type CircleRow } from '../scope.ts';
import { actionItemStatusLabel } from '../../../components/circles/meetings/labels.ts';
import { isOverdue } from './dates.ts';
import type { ActionItemListItem } from './queries.ts';
import { setActionItemStatus } from './mutations.ts';
import { statusForm } from './schemas.ts';

/**
 * What the meeting list, a meeting page and the action items page share: the status form's
 * action and the items as the list shows them (overdue, may this actor change them).
 */

/** The `status` form action: owner, leads and office (the mutation asks the policy with the owner). */
export async function changeActionItemStatus(event: RequestEvent) {
	const circle = await requireCircle(event, 'circle.read');
	const { locals } = event;
	const parsed = await parseForm(event.request, statusForm, locals.locale);
	if (!parsed.ok) return parsed.failure;
	const result = await setActionItemStatus({
		actor: locals.actor,
		circle,
		itemId: parsed.data.itemId,
		status: parsed.data.status,
		context: auditContext(event)
	});
	if (!result.ok) {
		if (result.reason === 'NOT_FOUND') notFound();
		error(403, 'Forbidden');
	}
	return {
		success: m.circle_meetings_status_changed(
			{ title: result.title, status: actionItemStatusLabel(parsed.data.status, locals.locale) },
			{ locale: locals.locale }
		)
	};
}

export type ActionItemView = ActionItemListItem & { overdue: boolean; canUpdate: boolean };

export function actionItemViews(
	actor: Actor,
	circle: CircleRow,
	items: ActionItemListItem[],
	today: string
): ActionItemView[] {
	return items.map((item) => ({
		...item,
		overdue: isOverdue(item, today),
		canUpdate: can(actor, 'circle.action_item.update', circleResource(circle, item.ownerUserId))
	}));
}

/** A failed form of the page, named by `target` so the page shows the errors at that form. */
export function failOn(target: string, errors: Record<string, string>, form?: FormData, status = 400) {
	return fail(status, { target, errors, values: form ? echoValues(form) : {} });
}

/** Validates posted fields with a shared schema; failures answer 400 at the `target` form. */
export function parseFields<S extends z.ZodType>(
	form: FormData,
	schema: S,
	locale: 'de' | 'en',
	target: string
): { ok: true; data: z.infer<S> } | { ok: false; failure: ReturnType<typeof failOn> } {
	const raw = Object.fromEntries(
		[...form].filter((entry): entry is [string, string] => typeof entry[1] === 'string')
	);
	const parsed = schema.safeParse(raw);
	if (parsed.success) return { ok: true, data: parsed.data };
	const errors = localizeIssues(parsed.error.issues, locale);
	errors._form = m.circle_meetings_error_form({}, { locale });
	return { ok: false, failure: failOn(target, errors, form) };
}
