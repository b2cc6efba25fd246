import { formatDate, formatEventStart } from '../../../events/format.ts';

const readerLocale = (locale: string) => (locale === 'en' ? 'en' : 'de');

/** Dates on the office's cooperation pages, always in Europe/Berlin; '–' for none. */
export const formatDay = (value: Date | null | undefined, locale: string): string =>
	value ? formatDate(value, readerLocale(locale)) : '–';

export const formatDateTime = (value: Date | null | undefined, locale: string): string =>
	value ? formatEventStart(value, readerLocale(locale)) : '–';
