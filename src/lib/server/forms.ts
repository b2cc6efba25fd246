import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import { m } from '../paraglide/messages.js';

export type FieldErrors = Record<string, string>;

/**
 * zod issues carry message keys from the catalogue (e.g. 'validation_required'); this turns them
 * into sentences in the user's language. Unknown keys fall back to a generic sentence.
 */
export function localizeIssues(issues: z.core.$ZodIssue[], locale: 'de' | 'en'): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of issues) {
		const field = issue.path.map(String).join('.') || '_form';
		if (errors[field]) continue;
		const translate = (m as unknown as Record<string, (p?: object, o?: { locale: string }) => string>)[
			issue.message
		];
		errors[field] = translate
			? translate(
					{ min: (issue as { minimum?: unknown }).minimum, max: (issue as { maximum?: unknown }).maximum },
					{ locale }
				)
			: m.validation_invalid({}, { locale });
	}
	return errors;
}

/** Form values to echo back on failure; passwords are never sent back. */
export function echoValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of form) {
		if (typeof value === 'string' && !/password|token|code/i.test(key)) values[key] = value;
	}
	return values;
}

export type ParsedForm<T> =
	{ ok: true; data: T; form: FormData } | { ok: false; failure: ReturnType<typeof fail> };

/** Validate a posted form with a shared zod schema; failures answer 400 with per-field messages. */
export async function parseForm<S extends z.ZodType>(
	request: Request,
	schema: S,
	locale: 'de' | 'en'
): Promise<ParsedForm<z.infer<S>>> {
	const form = await request.formData();
	const raw = Object.fromEntries(
		[...form.keys()].map((key) => {
			const all = form.getAll(key);
			return [key, all.length > 1 ? all : all[0]];
		})
	);
	const result = schema.safeParse(raw);
	if (result.success) return { ok: true, data: result.data, form };
	return {
		ok: false,
		failure: fail(400, { errors: localizeIssues(result.error.issues, locale), values: echoValues(form) })
	};
}

/** A failure with one message for the whole form (and optionally for fields). */
export function formFailure(status: number, message: string, form?: FormData, fieldErrors: FieldErrors = {}) {
	return fail(status, {
		errors: { _form: message, ...fieldErrors },
		values: form ? echoValues(form) : {}
	});
}
