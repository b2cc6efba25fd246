import { formatDate } from '../../../events/format.ts';

/** A day in the reader's language, in the network's time zone (dates may arrive as ISO strings). */
export const formatDay = (value: Date | string, locale: 'de' | 'en'): string =>
	formatDate(typeof value === 'string' ? new Date(value) : value, locale);

/** A form action's answer, addressed to one form of the page by `formName`. */
export type FormResult = {
	formName?: string;
	errors?: Record<string, string>;
	values?: Record<string, string>;
	success?: string;
};
