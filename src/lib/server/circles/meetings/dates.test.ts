import { describe, expect, it } from 'vitest';
import { addDays, berlinDay, isOverdue } from './dates.ts';

describe('action item days', () => {
	it('takes the day in Berlin, not in UTC', () => {
		// 23:30 UTC on 31 December is already New Year's Day in Berlin.
		expect(berlinDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
		expect(berlinDay(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
		expect(berlinDay(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
	});

	it('adds days across months and years', () => {
		expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
	});

	it('counts only open items due before today as overdue', () => {
		expect(isOverdue({ status: 'open', dueOn: '2026-05-01' }, '2026-05-02')).toBe(true);
		expect(isOverdue({ status: 'open', dueOn: '2026-05-02' }, '2026-05-02')).toBe(false);
		expect(isOverdue({ status: 'done', dueOn: '2026-05-01' }, '2026-05-02')).toBe(false);
		expect(isOverdue({ status: 'dropped', dueOn: '2026-05-01' }, '2026-05-02')).toBe(false);
		expect(isOverdue({ status: 'open', dueOn: null }, '2026-05-02')).toBe(false);
	});
});
