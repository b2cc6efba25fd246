import { z } from 'zod';
import { MAX_IMPORT_BYTES } from './limits.ts';

/** The upload form: one file, not empty, not larger than the limit. */
export const uploadForm = z.object({
	file: z
		.instanceof(File, { message: 'import_error_file_required' })
		.refine((file) => file.size > 0, 'import_error_file_required')
		.refine((file) => file.size <= MAX_IMPORT_BYTES, 'import_error_file_too_large')
});

/** The mapping form: `column_<index>` → field name or '' (ignore); unknown fields are dropped later. */
export const mappingForm = z.record(
	z.string().max(100),
	z.union([z.string().max(100), z.array(z.string().max(100))])
);

export function mappingFromForm(data: z.infer<typeof mappingForm>): Record<string, string> {
	const mapping: Record<string, string> = {};
	for (const [key, value] of Object.entries(data)) {
		const match = /^column_(\d{1,4})$/.exec(key);
		if (match && typeof value === 'string') mapping[match[1]!] = value;
	}
	return mapping;
}
