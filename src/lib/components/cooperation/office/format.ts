/** Dates on the office's cooperation pages, always in Europe/Berlin. */
export function formatDay(value: Date | null | undefined, locale: string): string {
	if (!value) return '–';
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'de-DE', {
		dateStyle: 'medium',
		timeZone: 'Europe/Berlin'
	}).format(value);
}

export function formatDateTime(value: Date | null | undefined, locale: string): string {
	if (!value) return '–';
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'de-DE', {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'Europe/Berlin'
	}).format(value);
}
