import { describe, expect, it } from 'vitest';
import { safeNextPath } from './redirect.ts';

describe('safeNextPath', () => {
	it('keeps same-site paths and drops everything else', () => {
		expect(safeNextPath('/members?tab=2#x')).toBe('/members?tab=2#x');
		expect(safeNextPath('/office/people')).toBe('/office/people');
		for (const bad of [
			'//evil.example',
			'/\\evil.example',
			'https://evil.example/',
			'javascript:alert(1)',
			'',
			null,
			undefined,
			'/%0d%0aX',
			' /x'
		]) {
			expect(safeNextPath(bad)).toBeNull();
		}
	});
});
