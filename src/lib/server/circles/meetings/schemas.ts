import { z } from 'zod';
import { optionalText, requiredText } from '../../../validation.ts';
import { actionItemStatuses } from '../../../circles/vocabulary.ts';
import { isUuid } from '../../office/params.ts';

/** The forms of the meeting pages. Messages are catalogue keys (see validation.ts). */

export const uuid = z.string().refine(isUuid, 'validation_invalid');
const optionalUuid = z
	.string()
	.trim()
	.optional()
	.transform((value) => (value ? value : undefined))
	.pipe(uuid.optional());

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A calendar day "YYYY-MM-DD" that exists. */
export function isCalendarDay(value: string): boolean {
	const match = DAY.exec(value);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const AGENDA_NOTES_MAX = 10_000;
export const MINUTES_MAX = 100_000;

export const agendaItemForm = z.object({
	title: requiredText(200),
	presenterUserId: optionalText(100),
	presenterName: optionalText(200),
	durationMinutes: z
		.string()
		.trim()
		.optional()
		.transform((value) => (value ? Number(value) : undefined))
		.refine(
			(value) => value === undefined || (Number.isInteger(value) && value >= 1 && value <= 600),
			'circle_meetings_error_duration'
		),
	notes: optionalText(AGENDA_NOTES_MAX)
});
export type AgendaItemInput = z.infer<typeof agendaItemForm>;

export const agendaItemRef = z.object({ itemId: uuid });
export const moveForm = z.object({
	itemId: uuid,
	direction: z.enum(['up', 'down'], { message: 'validation_choice' })
});
export const attachForm = z.object({ itemId: uuid, documentId: uuid });

export const statusForm = z.object({
	itemId: uuid,
	status: z.enum(actionItemStatuses, { message: 'validation_choice' })
});

const actionItemRow = z.object({
	id: optionalUuid,
	title: optionalText(300),
	owner: optionalText(100),
	due: z
		.string()
		.trim()
		.optional()
		.transform((value) => (value ? value : undefined))
		.refine((value) => value === undefined || isCalendarDay(value), 'circle_meetings_error_due'),
	remove: z.string().optional()
});

export type ActionItemRowInput = {
	id?: string;
	title: string;
	ownerUserId: string | null;
	dueOn: string | null;
	remove: boolean;
};

export type MinutesInput = { body: string; items: ActionItemRowInput[] };

/** The rows' form names: items[0].title, items[0].owner, … */
export const rowField = (index: number, field: string) => `items[${index}].${field}`;
const ROW_KEY = /^items\[(\d{1,3})\]\.(id|title|owner|due|remove)$/;

/** The rows as posted, in order, including blank ones (to show them again). */
export function postedRows(form: FormData): Record<string, string>[] {
	const rows = new Map<number, Record<string, string>>();
	for (const [key, value] of form) {
		const match = ROW_KEY.exec(key);
		if (!match || typeof value !== 'string') continue;
		const index = Number(match[1]);
		const row = rows.get(index) ?? {};
		row[match[2]!] = value;
		rows.set(index, row);
	}
	return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
}

/**
 * The minutes form: the Markdown body and the action item rows. A row without an id and without
 * a title is a blank row and ignored; a stored row without a title is an error (remove it instead).
 * Errors are catalogue keys by field name (`body`, `items[2].title`).
 */
export function parseMinutesForm(
	form: FormData
): { ok: true; input: MinutesInput } | { ok: false; errors: Record<string, string> } {
	const errors: Record<string, string> = {};
	const body = String(form.get('body') ?? '').replaceAll('\r\n', '\n');
	if (body.length > MINUTES_MAX) errors.body = 'validation_too_long';
	const items: ActionItemRowInput[] = [];
	postedRows(form).forEach((raw, index) => {
		const parsed = actionItemRow.safeParse(raw);
		if (!parsed.success) {
			for (const issue of parsed.error.issues)
				errors[rowField(index, String(issue.path[0] ?? 'title'))] ??= issue.message;
			return;
		}
		const row = parsed.data;
		const remove = row.remove === 'on';
		if (!row.id && (!row.title || remove)) return;
		if (!row.title && !remove) {
			errors[rowField(index, 'title')] = 'validation_required';
			return;
		}
		items.push({
			id: row.id,
			title: row.title ?? '',
			ownerUserId: row.owner ?? null,
			dueOn: row.due ?? null,
			remove
		});
	});
	if (items.filter((item) => !item.remove).length > 100) errors._form = 'validation_too_long';
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, input: { body, items } };
}
