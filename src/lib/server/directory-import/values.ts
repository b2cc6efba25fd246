/**
 * Cell values as people type them in German spreadsheets: `1.250` employees, `1.250,5`,
 * `21.01.2016` as a "member since" date, lists separated by `;` or `,`. Each parser answers a
 * value or `undefined` for "not readable"; empty cells are handled by the caller.
 */

/** Spaces (also non-breaking and narrow ones, as Excel writes them) are never part of a number. */
function compact(text: string) {
	return text.replace(/[\s\u00a0\u202f]/g, '');
}

/**
 * A whole number: `1250`, `1.250` and `1 250` are 1250. `1,5` or `1.250,5` are not whole
 * numbers. An English `1,250` is read as 1.25 and refused, which is the safe side in a German file.
 */
export function parseInteger(text: string): number | undefined {
	const value = parseNumber(text);
	return value !== undefined && Number.isSafeInteger(value) ? value : undefined;
}

/** A German number; a lone `.` followed by exactly three digits per group is a thousands mark. */
export function parseNumber(text: string): number | undefined {
	let value = compact(text);
	if (!/^[+-]?[\d.,]+$/.test(value) || !/\d/.test(value)) return undefined;
	const lastComma = value.lastIndexOf(',');
	const lastDot = value.lastIndexOf('.');
	if (lastComma >= 0 && lastDot >= 0) {
		// Whichever comes last is the decimal mark; the other one groups thousands.
		const [group, decimal] = lastComma > lastDot ? ['.', ','] : [',', '.'];
		const [whole, fraction, ...rest] = value.split(decimal);
		if (rest.length > 0 || !isGrouped(whole!, group)) return undefined;
		value = `${whole!.replaceAll(group, '')}.${fraction}`;
	} else if (lastDot >= 0) {
		value = isGrouped(value, '.') ? value.replaceAll('.', '') : value;
	} else if (lastComma >= 0) {
		if (value.indexOf(',') !== lastComma) return undefined;
		value = value.replace(',', '.');
	}
	if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) return undefined;
	const number = Number(value);
	return Number.isFinite(number) ? number : undefined;
}

function isGrouped(text: string, mark: string) {
	const unsigned = text.replace(/^[+-]/, '');
	if (!unsigned.includes(mark)) return /^\d+$/.test(unsigned);
	return new RegExp(`^\\d{1,3}(\\${mark}\\d{3})+$`).test(unsigned);
}

/** A decimal such as a coordinate: `52,2799` or `52.2799` (one mark, never a thousands mark). */
export function parseDecimal(text: string): number | undefined {
	const value = compact(text).replace(',', '.');
	if (!/^[+-]?(\d+(\.\d+)?|\.\d+)$/.test(value)) return undefined;
	return Number(value);
}

/** A year from `2016`, `21.01.2016`, `1.1.2016`, `2016-01-21` or `01/2016`. */
export function parseYear(text: string): number | undefined {
	const value = text.trim();
	const match =
		/^(\d{4})$/.exec(value) ??
		/^\d{1,2}\.\d{1,2}\.(\d{4})$/.exec(value) ??
		/^(\d{4})-\d{1,2}-\d{1,2}(?:[T ][\d:.]+Z?)?$/.exec(value) ??
		/^\d{1,2}[./](\d{4})$/.exec(value);
	return match ? Number(match[1]) : undefined;
}

/**
 * A list cell: `;` separates when present (so names with commas survive), otherwise `,`;
 * line breaks also separate. Empty entries and duplicates are dropped.
 */
export function splitList(text: string): string[] {
	const separator = text.includes(';') ? /[;\r\n]+/ : /[,\r\n]+/;
	const seen = new Set<string>();
	const items: string[] = [];
	for (const part of text.split(separator)) {
		const item = part.trim().replace(/\s+/g, ' ');
		const key = item.toLocaleLowerCase('de');
		if (item && !seen.has(key)) {
			seen.add(key);
			items.push(item);
		}
	}
	return items;
}

/** Names compared as people mean them: case, accents of spacing and surrounding spaces ignored. */
export function normaliseName(text: string) {
	return text.normalize('NFC').toLocaleLowerCase('de').replace(/\s+/g, ' ').trim();
}

/** `https://www.hasetal.de/kontakt` and `hasetal.de` are the same site. */
export function websiteHost(text: string | null | undefined): string | undefined {
	const value = text?.trim();
	if (!value) return undefined;
	try {
		const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`);
		return url.hostname.toLowerCase().replace(/^www\./, '') || undefined;
	} catch {
		return undefined;
	}
}

/** A website as stored: with a scheme, so that links work. */
export function normaliseWebsite(text: string): string | undefined {
	const value = text.trim();
	if (!websiteHost(value)) return undefined;
	const withScheme = /^https?:\/\//i.test(value) ? value : `https://${value}`;
	return /^https?:\/\/[^\s/]+\.[^\s/]+/i.test(withScheme) ? withScheme : undefined;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(text: string) {
	return text.length <= 254 && emailPattern.test(text);
}
