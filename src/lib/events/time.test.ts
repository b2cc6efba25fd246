import { describe, expect, it } from 'vitest';
import { localToUtc, monthOf, monthRange, shiftMonth, utcToLocal } from './time.ts';

const at = (date: string, time: string) => localToUtc({ date, time });

describe('local Europe/Berlin time to UTC', () => {
	it('uses +01:00 in winter and +02:00 in summer', () => {
		expect(at('2026-12-08', '18:30')).toEqual({ ok: true, value: new Date('2026-12-08T17:30:00Z') });
		expect(at('2026-07-01', '09:00')).toEqual({ ok: true, value: new Date('2026-07-01T07:00:00Z') });
	});

	it('handles the hours next to the spring switch (29 March 2026)', () => {
		expect(at('2026-03-29', '01:59')).toEqual({ ok: true, value: new Date('2026-03-29T00:59:00Z') });
		expect(at('2026-03-29', '03:00')).toEqual({ ok: true, value: new Date('2026-03-29T01:00:00Z') });
	});

	it('refuses a time that does not exist (02:30 on 29 March 2026)', () => {
		expect(at('2026-03-29', '02:30')).toEqual({ ok: false, reason: 'NONEXISTENT' });
		expect(at('2026-03-29', '02:00')).toEqual({ ok: false, reason: 'NONEXISTENT' });
	});

	it('refuses a time that happens twice (02:30 on 25 October 2026)', () => {
		expect(at('2026-10-25', '02:30')).toEqual({ ok: false, reason: 'AMBIGUOUS' });
		expect(at('2026-10-25', '01:59')).toEqual({ ok: true, value: new Date('2026-10-24T23:59:00Z') });
		expect(at('2026-10-25', '03:00')).toEqual({ ok: true, value: new Date('2026-10-25T02:00:00Z') });
	});

	it('refuses malformed and impossible dates and times', () => {
		for (const [date, time] of [
			['2026-02-29', '10:00'],
			['2026-13-01', '10:00'],
			['2026-1-1', '10:00'],
			['2026-04-31', '10:00'],
			['2026-04-01', '24:00'],
			['2026-04-01', '10:60'],
			['', '10:00'],
			['2026-04-01', '']
		])
			expect(at(date!, time!)).toEqual({ ok: false, reason: 'INVALID' });
		expect(at('2028-02-29', '10:00').ok).toBe(true);
	});

	it('round-trips through utcToLocal on both sides of the switches', () => {
		for (const [date, time] of [
			['2026-03-28', '18:00'],
			['2026-03-29', '18:00'],
			['2026-10-24', '18:00'],
			['2026-10-25', '18:00'],
			['2026-12-31', '23:59']
		]) {
			const result = at(date!, time!);
			expect(result.ok && utcToLocal(result.value)).toEqual({ date, time });
		}
	});
});

describe('months', () => {
	it('bounds a month by local midnights, whatever the offset', () => {
		expect(monthRange('2026-12')).toEqual({
			from: new Date('2026-11-30T23:00:00Z'),
			to: new Date('2026-12-31T23:00:00Z')
		});
		// March starts in winter time and ends in summer time.
		expect(monthRange('2026-03')).toEqual({
			from: new Date('2026-02-28T23:00:00Z'),
			to: new Date('2026-03-31T22:00:00Z')
		});
		expect(monthRange('2026-13')).toBeNull();
		expect(monthRange('26-01')).toBeNull();
	});

	it('knows which month an instant falls in, in Berlin', () => {
		expect(monthOf(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12');
		expect(monthOf(new Date('2026-11-30T22:30:00Z'))).toBe('2026-11');
	});

	it('steps across years', () => {
		expect(shiftMonth('2026-12', 1)).toBe('2027-01');
		expect(shiftMonth('2026-01', -1)).toBe('2025-12');
		expect(shiftMonth('2026-05', 14)).toBe('2027-07');
	});
});
