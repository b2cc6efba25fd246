/* Shared by the XSS tests of every module that renders what people typed. */

/** A selection from the OWASP XSS filter evasion cheat sheet, as people might type it into Markdown. */
export const xssPayloads = [
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'<svg/onload=alert(1)>',
	'<iframe src="javascript:alert(1)"></iframe>',
	'<a href="javascript:alert(1)">x</a>',
	'[klick](javascript:alert(1))',
	'[klick](JaVaScRiPt:alert(1))',
	'[klick](&#106;avascript:alert(1))',
	'[klick](vbscript:msgbox(1))',
	'[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
	'![x](javascript:alert(1))',
	'![x" onerror="alert(1)](https://example.com/x.png)',
	'[x](https://example.com/" onmouseover="alert(1))',
	'<div style="background:url(javascript:alert(1))">x</div>',
	'"><script>alert(1)</script>',
	'<body onload=alert(1)>',
	'`<script>alert(1)</script>`',
	'<<SCRIPT>alert("XSS");//\\<</SCRIPT>',
	'<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
	'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'
];

/** Whether HTML could run script: a real tag other than the ones Markdown produces, or a script URL. */
export function isInert(html: string): boolean {
	const allowedTags =
		/^<\/?(p|br|em|strong|a|ul|ol|li|code|pre|blockquote|h[1-6]|hr|table|thead|tbody|tr|th|td|s|span)(\s|>|\/>)/i;
	for (const tag of html.match(/<[^>]*>/g) ?? []) if (!allowedTags.test(tag)) return false;
	if (/\son\w+\s*=/i.test(html.replace(/&[a-z]+;|&#\d+;/gi, ''))) {
		// An on…= inside text is harmless; inside a tag it is not.
		for (const tag of html.match(/<[^>]*>/g) ?? []) if (/\son\w+\s*=/i.test(tag)) return false;
	}
	for (const href of html.matchAll(/href="([^"]*)"/g))
		if (!/^(https?:|mailto:|\/|#)/i.test(href[1]!)) return false;
	return true;
}
