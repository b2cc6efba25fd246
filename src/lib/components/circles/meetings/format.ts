/** A calendar day "2026-12-08" as "08.12.2026" (de) or "8 Dec 2026" (en); client-safe. */
export function formatDay(day: string, locale: 'de' | 'en'): string {
	const [year, month, date] = day.split('-').map(Number) as [number, number, number];
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'de-DE', {
		timeZone: 'UTC',
		dateStyle: 'medium'
	}).format(new Date(Date.UTC(year, month - 1, date, 12)));
}
