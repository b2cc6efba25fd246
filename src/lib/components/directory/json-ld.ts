/**
 * JSON for a `<script type="application/ld+json">` block. JSON.stringify alone is not enough in
 * HTML: a description containing `</script>` would end the block and inject markup. Escaping `<`,
 * `>` and `&` as \u escapes keeps the JSON identical for parsers and inert for the HTML parser;
 * U+2028/U+2029 are escaped for old JavaScript parsers that treat them as line ends.
 */
export function serialiseJsonLd(value: unknown): string {
	return JSON.stringify(value)
		.replaceAll('<', '\\u003c')
		.replaceAll('>', '\\u003e')
		.replaceAll('&', '\\u0026')
		.replaceAll('\u2028', '\\u2028')
		.replaceAll('\u2029', '\\u2029');
}

/** The script element around JSON made by serialiseJsonLd, for `{@html}` in `<svelte:head>`. */
export function jsonLdElement(serialised: string): string {
	return `<script type="application/ld+json">${serialised}</script>`;
}
