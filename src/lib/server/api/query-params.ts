import type { z } from 'zod';
import { AppError } from '../errors.ts';

/** Whether a query field takes repeated values (`?kind=a&kind=b`), looking through defaults and pipes. */
export function isRepeated(field: z.ZodType): boolean {
	let current: z.ZodType | undefined = field;
	while (current) {
		if (current.def.type === 'array') return true;
		const def = current.def as { innerType?: z.ZodType; in?: z.ZodType };
		current = def.innerType ?? def.in;
	}
	return false;
}

/**
 * Reads the parameters the schema knows: every value of a repeated one, the first of the others.
 * 400 with per-field messages otherwise, keyed by the parameter's name (not `kind.1`).
 */
export function parseQuery<S extends z.ZodObject>(url: URL, schema: S): z.infer<S> {
	const raw: Record<string, string | string[]> = {};
	for (const [key, field] of Object.entries(schema.shape)) {
		const values = url.searchParams.getAll(key);
		if (values.length === 0) continue;
		raw[key] = isRepeated(field as z.ZodType) ? values : values[0]!;
	}
	const result = schema.safeParse(raw);
	if (!result.success) {
		const issues = result.error.issues.map((issue) => ({ ...issue, path: issue.path.slice(0, 1) }));
		throw new AppError('VALIDATION', 'invalid query', { issues });
	}
	return result.data;
}
