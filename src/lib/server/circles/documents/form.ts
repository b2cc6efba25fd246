import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '../../../paraglide/messages.js';
import { localizeIssues } from '../../forms.ts';
import { DOCUMENT_UPLOAD_LIMIT_BYTES } from './files.ts';
import { formatByteSize } from './present.ts';

/*
 * The edge of the document forms: what the pages post, validated with field errors in the
 * reader's language. Every result names its form (`target`) so the page shows it in the right place.
 */

type Locale = 'de' | 'en';

const optionalId = z
	.string()
	.trim()
	.transform((value) => value || null)
	.pipe(z.uuid('validation_invalid').nullable());

export const folderFields = z.object({
	name: z
		.string('circle_documents_error_folder_name_required')
		.trim()
		.min(1, 'circle_documents_error_folder_name_required')
		.max(120, 'validation_too_long'),
	parentId: optionalId.optional().transform((value) => value ?? null)
});

export const uploadFields = z.object({
	folderId: optionalId.optional().transform((value) => value ?? null),
	note: z.string().trim().max(500, 'validation_too_long').optional().default('')
});

export const documentIdField = z.object({ documentId: z.uuid() });

const text = (form: FormData) =>
	Object.fromEntries([...form].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));

export function parseFields<S extends z.ZodType>(schema: S, form: FormData, target: string, locale: Locale) {
	const raw = text(form);
	const parsed = schema.safeParse(raw);
	if (parsed.success) return { ok: true as const, data: parsed.data as z.infer<S> };
	return {
		ok: false as const,
		failure: fail(400, { target, errors: localizeIssues(parsed.error.issues, locale), values: raw })
	};
}

/** A failure of one form with a message on one field (or `_form`). */
export function fieldFailure(target: string, field: string, message: string, form?: FormData, status = 400) {
	return fail(status, { target, errors: { [field]: message }, values: form ? text(form) : {} });
}

export type UploadedFile = { name: string; bytes: Uint8Array } | { tooLarge: true } | null;

/** The posted file, read only when it is within the limit (its declared size is checked first). */
export async function readUploadedFile(form: FormData): Promise<UploadedFile> {
	const file = form.get('file');
	if (!(file instanceof File) || file.size === 0) return null;
	if (file.size > DOCUMENT_UPLOAD_LIMIT_BYTES) return { tooLarge: true };
	return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

export const uploadLimitText = (locale: Locale) => formatByteSize(DOCUMENT_UPLOAD_LIMIT_BYTES, locale);

/** The sentence for a refused upload, on the file field. */
export function uploadErrorMessage(reason: 'EMPTY' | 'TOO_LARGE' | 'TYPE', locale: Locale): string {
	const options = { locale };
	if (reason === 'EMPTY') return m.circle_documents_error_empty({}, options);
	if (reason === 'TOO_LARGE')
		return m.circle_documents_error_too_large({ size: uploadLimitText(locale) }, options);
	return m.circle_documents_error_type({}, options);
}
