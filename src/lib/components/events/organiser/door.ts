import { EVENT_TIME_ZONE } from '#lib/events/vocabulary.ts';

/** Client-safe helpers of the check-in page. */

/** Case-insensitive, and "Mueller" finds "Müller", "Strasse" finds "Straße". */
export function foldName(text: string) {
	return text
		.toLowerCase()
		.replaceAll('ä', 'ae')
		.replaceAll('ö', 'oe')
		.replaceAll('ü', 'ue')
		.replaceAll('ß', 'ss')
		.normalize('NFKD')
		.replace(/\p{M}/gu, '');
}

type Searchable = { name: string; organisationName: string };

/** Every word typed must occur in the name or organisation. */
export function matchesDoorSearch(entry: Searchable, query: string) {
	const words = foldName(query).split(/\s+/).filter(Boolean);
	if (words.length === 0) return false;
	const haystack = foldName(`${entry.name} ${entry.organisationName}`);
	return words.every((word) => haystack.includes(word));
}

const clocks = new Map<string, Intl.DateTimeFormat>();
/** "09:12" in Europe/Berlin, whatever the phone's zone. */
export function doorTime(instant: Date, locale: 'de' | 'en') {
	let clock = clocks.get(locale);
	if (!clock) {
		clock = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'de-DE', {
			timeZone: EVENT_TIME_ZONE,
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23'
		});
		clocks.set(locale, clock);
	}
	return clock.format(instant);
}
