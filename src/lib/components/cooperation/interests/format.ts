const formats = new Map<string, Intl.DateTimeFormat>();

/** A day in the reader's language, in the network's time zone. */
export function formatDay(value: Date | string, locale: 'de' | 'en'): string {
	let format = formats.get(locale);
	if (!format) {
		format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'de-DE', {
			dateStyle: 'medium',
			timeZone: 'Europe/Berlin'
		});
		formats.set(locale, format);
	}
	return format.format(typeof value === 'string' ? new Date(value) : value);
}

/** A form action's answer, addressed to one form of the page by `formName`. */
export type FormResult = {
	formName?: string;
	errors?: Record<string, string>;
	values?: Record<string, string>;
	success?: string;
};
