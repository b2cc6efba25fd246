import { describe, expect, it } from 'vitest';
import { closedReason } from './window.ts';

const now = new Date('2026-12-01T10:00:00Z');
const hour = 60 * 60 * 1000;
const open = {
	status: 'published' as const,
	registrationEnabled: true,
	registrationClosed: false,
	registrationOpensAt: null,
	registrationClosesAt: null,
	endsAt: new Date(now.getTime() + 48 * hour),
	cancelledAt: null
};

describe('closedReason', () => {
	it('is null for a published event without a window', () => {
		expect(closedReason(open, now)).toBeNull();
	});

	it('names the first reason that closes registration', () => {
		expect(closedReason({ ...open, status: 'cancelled', registrationClosed: true }, now)).toBe('cancelled');
		expect(closedReason({ ...open, endsAt: now }, now)).toBe('past');
		expect(closedReason({ ...open, registrationEnabled: false }, now)).toBe('disabled');
		expect(closedReason({ ...open, registrationClosed: true }, now)).toBe('closed_by_organiser');
		expect(closedReason({ ...open, registrationOpensAt: new Date(now.getTime() + hour) }, now)).toBe(
			'not_yet_open'
		);
		expect(closedReason({ ...open, registrationClosesAt: now }, now)).toBe('closed_window');
	});

	it('is open inside the window', () => {
		const window = {
			registrationOpensAt: new Date(now.getTime() - hour),
			registrationClosesAt: new Date(now.getTime() + hour)
		};
		expect(closedReason({ ...open, ...window }, now)).toBeNull();
	});
});
