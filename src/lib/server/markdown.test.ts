import { describe, expect, it } from 'vitest';
import { markdownToPlainText, renderMarkdown } from './markdown.ts';
import { mentionHandle, mentionedHandles } from '../circles/mentions.ts';
import { isInert, xssPayloads } from './testing/xss.ts';

describe('renderMarkdown', () => {
	it('renders the usual Markdown', () => {
		const html = renderMarkdown('# Protokoll\n\n**TOP 1**: _Begrüßung_\n\n- eins\n- zwei\n\n[Atlas](/atlas)');
		// Headings start below the page's own: # is <h3>.
		expect(html).toContain('<h3>Protokoll</h3>');
		expect(html).toContain('<strong>TOP 1</strong>');
		expect(html).toContain('<em>Begrüßung</em>');
		expect(html).toContain('<li>eins</li>');
		expect(html).toContain('<a href="/atlas">Atlas</a>');
	});

	it('marks links that leave the site', () => {
		expect(renderMarkdown('https://example.com')).toContain(
			'<a href="https://example.com" rel="nofollow noopener noreferrer">'
		);
	});

	it.each(xssPayloads)('renders %s inert', (payload) => {
		const html = renderMarkdown(payload);
		expect(isInert(html), html).toBe(true);
		expect(isInert(renderMarkdown(payload, { mentions: new Map([['anna', 'Anna']]) })), html).toBe(true);
	});

	it('the inertness check itself catches live markup', () => {
		expect(isInert('<img src=x onerror=alert(1)>')).toBe(false);
		expect(isInert('<a href="javascript:alert(1)">x</a>')).toBe(false);
		expect(isInert('<p>on=1 <em>x</em></p>')).toBe(true);
	});

	it('highlights known mentions only, outside links and code', () => {
		const mentions = new Map([['anna-schroeder', 'Anna Schröder <CEO>']]);
		const html = renderMarkdown(
			'Hallo @anna-schroeder und @niemand, `@anna-schroeder` [@anna-schroeder](/x)',
			{
				mentions
			}
		);
		expect(html).toContain('<span class="mention">@Anna Schröder &lt;CEO&gt;</span>');
		expect(html).toContain('@niemand');
		expect(html).toContain('<code>@anna-schroeder</code>');
		expect(html).toContain('<a href="/x">@anna-schroeder</a>');
	});
});

describe('mentions', () => {
	it('derives handles from names', () => {
		expect(mentionHandle('Anna Schröder')).toBe('anna-schroeder');
		expect(mentionHandle('  Jörg  Meyer-Weiß ')).toBe('joerg-meyer-weiss');
		expect(mentionHandle('José Núñez')).toBe('jose-nunez');
	});

	it('finds mentioned handles once each, not inside e-mail addresses', () => {
		expect(mentionedHandles('@anna-schroeder bitte mit @Jan klären; cc @anna-schroeder, a@b.de')).toEqual([
			'anna-schroeder',
			'jan'
		]);
	});
});

describe('markdownToPlainText', () => {
	it('strips markup and shortens', () => {
		expect(markdownToPlainText('# Titel\n\n**fett** <b>roh</b>')).toBe('Titel\n\nfett <b>roh</b>');
		expect(markdownToPlainText('eins zwei drei', 8)).toBe('eins zw…');
	});
});
