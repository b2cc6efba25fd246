/** Dates of posts and threads, always in Europe/Berlin so server and browser render the same. */
export function formatPostDate(date: Date | string, locale: 'de' | 'en'): string {
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'de-DE', {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'Europe/Berlin'
	}).format(new Date(date));
}

export type FormResult = {
	errors?: Record<string, string>;
	values?: Record<string, string>;
	success?: string;
	form?: string;
};
