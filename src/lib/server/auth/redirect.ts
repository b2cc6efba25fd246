/**
 * Where to go after signing in: only a path on this site (no scheme, no host, no "//" or "/\"
 * which browsers read as another host, no control characters). Anything else is dropped.
 */
export function safeNextPath(next: string | null | undefined): string | null {
	if (!next || next.length > 2000) return null;
	if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
	if ([...next].some((char) => char.charCodeAt(0) < 0x20 || char === '\x7f' || char === '\\')) return null;
	if (/%(0[0-9a-f]|1[0-9a-f]|7f|5c)/i.test(next)) return null;
	try {
		const url = new URL(next, 'http://same.invalid');
		if (url.origin !== 'http://same.invalid') return null;
		return url.pathname + url.search + url.hash;
	} catch {
		return null;
	}
}
