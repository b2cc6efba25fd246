import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkbox } from './validation.ts';

describe('checkbox', () => {
	const form = z.object({ agreed: checkbox() });
	const parse = (entries: [string, string][]) => {
		const data = new FormData();
		for (const [name, value] of entries) data.append(name, value);
		return form.safeParse(Object.fromEntries(data));
	};

	it('an unticked box is not posted at all, and means false', () => {
		expect(parse([])).toEqual({ success: true, data: { agreed: false } });
	});

	it('a ticked box means true', () => {
		expect(parse([['agreed', 'on']])).toEqual({ success: true, data: { agreed: true } });
		expect(parse([['agreed', 'true']])).toEqual({ success: true, data: { agreed: true } });
	});

	it('anything else is refused', () => {
		expect(parse([['agreed', 'yes please']]).success).toBe(false);
	});
});
