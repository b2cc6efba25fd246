/**
 * @mentions in circle discussions. A person's handle is their name in lower case, umlauts spelled
 * out and spaces as hyphens: "Anna Schröder" → "anna-schroeder". Handles are only looked up among
 * the circle's members, so a handle shared by two people notifies both and nobody else.
 */
const spelledOut: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

export function mentionHandle(name: string): string {
	return name
		.toLowerCase()
		.replace(/[äöüß]/g, (c) => spelledOut[c] ?? c)
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** `@handle` after a start, a space or an opening bracket; handles are letters, digits and hyphens. */
export const MENTION_PATTERN = /(^|[\s(])@([a-z0-9]+(?:-[a-z0-9]+)*)/g;

/** The distinct handles a Markdown text mentions (also inside code: a mention is a mention). */
export function mentionedHandles(text: string): string[] {
	const handles = new Set<string>();
	for (const match of text.toLowerCase().matchAll(MENTION_PATTERN)) handles.add(match[2]!);
	return [...handles];
}
