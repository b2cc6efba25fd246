import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { buildCalendar, eventUid, mailAddressOf, type CalendarEntry } from './ical.ts';

/** A Europe/Berlin wall-clock time as the instant it names (offset given explicitly). */
const berlin = (local: string, offset: '+01:00' | '+02:00') => new Date(`${local}${offset}`);

function entry(overrides: Partial<CalendarEntry> = {}): CalendarEntry {
	return {
		id: '6f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5',
		startsAt: new Date('2026-06-10T16:00:00Z'),
		endsAt: new Date('2026-06-10T18:00:00Z'),
		sequence: 0,
		status: 'published',
		createdAt: new Date('2026-05-01T08:00:00Z'),
		updatedAt: new Date('2026-05-02T08:00:00Z'),
		title: 'Netzwerktreffen',
		description: 'Austausch',
		location: 'Forum am Dom, Domhof 1, 49074 Osnabrück',
		url: 'https://kompetenz.example/events/6f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5',
		...overrides
	};
}

const options = { name: 'Kompetenznetz', host: 'kompetenz.example' };

function parseEvents(text: string): VEvent[] {
	return Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
}

describe('buildCalendar', () => {
	it('writes an event across the October DST switch in UTC with the right instants', () => {
		// 25 Oct 2026: 03:00 CEST becomes 02:00 CET. 01:30 is still summer time (UTC+2), 03:30 winter time (UTC+1).
		const startsAt = berlin('2026-10-25T01:30:00', '+02:00');
		const endsAt = berlin('2026-10-25T03:30:00', '+01:00');
		const text = buildCalendar([entry({ startsAt, endsAt })], options);
		expect(text).toContain('DTSTART:20261024T233000Z');
		expect(text).toContain('DTEND:20261025T023000Z');
		const [event] = parseEvents(text);
		expect(event!.start.toISOString()).toBe('2026-10-24T23:30:00.000Z');
		expect(event!.end!.toISOString()).toBe('2026-10-25T02:30:00.000Z');
		// Three hours pass, although the wall clock says two.
		expect(event!.end!.getTime() - event!.start.getTime()).toBe(3 * 60 * 60 * 1000);
		expect(
			new Intl.DateTimeFormat('de-DE', {
				timeZone: 'Europe/Berlin',
				hour: '2-digit',
				minute: '2-digit'
			}).format(event!.end!)
		).toBe('03:30');
	});

	it('writes an event across the March DST switch in UTC with the right instants', () => {
		// 29 Mar 2026: 02:00 CET becomes 03:00 CEST.
		const startsAt = berlin('2026-03-29T01:30:00', '+01:00');
		const endsAt = berlin('2026-03-29T03:30:00', '+02:00');
		const [event] = parseEvents(buildCalendar([entry({ startsAt, endsAt })], options));
		expect(event!.start.toISOString()).toBe('2026-03-29T00:30:00.000Z');
		expect(event!.end!.toISOString()).toBe('2026-03-29T01:30:00.000Z');
		expect(event!.end!.getTime() - event!.start.getTime()).toBe(60 * 60 * 1000);
	});

	it('keeps the UID on an update and carries the higher SEQUENCE; a cancellation is STATUS:CANCELLED', () => {
		const before = parseEvents(buildCalendar([entry()], options))[0]!;
		const moved = parseEvents(
			buildCalendar(
				[
					entry({
						sequence: 1,
						startsAt: new Date('2026-06-11T16:00:00Z'),
						endsAt: new Date('2026-06-11T18:00:00Z')
					})
				],
				options
			)
		)[0]!;
		const cancelled = parseEvents(buildCalendar([entry({ sequence: 2, status: 'cancelled' })], options))[0]!;
		expect(before.uid).toBe(eventUid(entry().id, 'kompetenz.example'));
		expect(moved.uid).toBe(before.uid);
		expect(cancelled.uid).toBe(before.uid);
		expect(Number(before.sequence)).toBe(0);
		expect(Number(moved.sequence)).toBe(1);
		expect(Number(cancelled.sequence)).toBe(2);
		expect(before.status).toBe('CONFIRMED');
		expect(cancelled.status).toBe('CANCELLED');
	});

	it('escapes commas, semicolons, backslashes and newlines and keeps umlauts intact', () => {
		const title = 'Grüße; Öl, Maß & Straße \\ Test';
		const description = 'Zeile eins\nZeile zwei; mit Komma, Ende';
		const text = buildCalendar([entry({ title, description, location: 'Hörsaal 1, Universität' })], options);
		expect(text).toContain('SUMMARY:Grüße\\; Öl\\, Maß & Straße \\\\ Test');
		expect(text).toContain('DESCRIPTION:Zeile eins\\nZeile zwei\\; mit Komma\\, Ende');
		const [event] = parseEvents(text);
		expect(event!.summary).toBe(title);
		expect(event!.description).toBe(description);
		expect(event!.location).toBe('Hörsaal 1, Universität');
	});

	it('folds lines longer than 75 octets and a parser unfolds them to the original', () => {
		const description = 'Ä'.repeat(120) + ' Ende';
		const text = buildCalendar([entry({ description })], options);
		const lines = text.split('\r\n');
		for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
		expect(lines.some((line) => line.startsWith(' '))).toBe(true);
		expect(parseEvents(text)[0]!.description).toBe(description);
	});

	it('names an ORGANIZER (the MAIL_FROM address by default) and, for mailed invitations, the ATTENDEE', () => {
		const request = buildCalendar([entry()], {
			...options,
			method: 'REQUEST',
			attendee: { name: 'Mia Muster', email: 'mia@example.test' }
		});
		expect(request).toContain('METHOD:REQUEST');
		const [event] = parseEvents(request);
		const organizer = event!.organizer as unknown as { params: { CN: string }; val: string };
		expect(organizer.params.CN).toBe('Kompetenznetz');
		expect(organizer.val).toMatch(/^mailto:[^<>\s]+@[^<>\s]+$/i);
		expect(request.replace(/\r\n /g, '')).toMatch(
			/ATTENDEE;[^\r\n]*CN="?Mia Muster"?[^\r\n]*:MAILTO:mia@example\.test/i
		);

		const explicit = buildCalendar([entry()], {
			...options,
			method: 'CANCEL',
			organizer: { name: 'Büro', email: 'buero@kompetenz.example' }
		});
		expect(explicit).toContain('METHOD:CANCEL');
		expect(explicit).toContain('STATUS:CANCELLED');
		expect(explicit.replace(/\r\n /g, '')).toMatch(/ORGANIZER;CN="?Büro"?:mailto:buero@kompetenz\.example/i);
	});

	it('tells feed clients how often to refresh', () => {
		const text = buildCalendar([], { ...options, refreshSeconds: 3600 });
		expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
		expect(text).toContain('X-PUBLISHED-TTL:PT1H');
		expect(text).toContain('X-WR-TIMEZONE:Europe/Berlin');
		expect(text).not.toContain('METHOD:');
	});
});

describe('mailAddressOf', () => {
	it('takes the address out of a MAIL_FROM value', () => {
		expect(mailAddressOf('Knotenpunkt <noreply@knotenpunkt.local>')).toBe('noreply@knotenpunkt.local');
		expect(mailAddressOf('buero@example.org')).toBe('buero@example.org');
	});
});

describe('eventUid', () => {
	it('is the same whether a caller passes the host with or without its port', () => {
		const id = entry().id;
		expect(eventUid(id, 'localhost:3000')).toBe(eventUid(id, 'localhost'));
		expect(eventUid(id, 'Kompetenz.Example')).toBe(`event-${id}@kompetenz.example`);
	});
});
