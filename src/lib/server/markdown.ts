import MarkdownIt from 'markdown-it';
import { MENTION_PATTERN } from '../circles/mentions.ts';

/**
 * Markdown written by people (minutes, posts, agenda notes) to HTML that is safe to put into a
 * page with {@html}. Safety comes from what markdown-it is allowed to produce, not from cleaning
 * afterwards: raw HTML is escaped (html: false), links must pass markdown-it's URL check (no
 * javascript:, vbscript:, file: or data:), images are not rendered at all (no tracking pixels, no
 * third-party requests), and every attribute value is escaped by markdown-it's renderer.
 */
const markdown = new MarkdownIt('default', { html: false, linkify: true, breaks: true, typographer: false });
markdown.disable(['image']);

const defaultLinkOpen =
	markdown.renderer.rules.link_open ??
	((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
	const token = tokens[index]!;
	const href = token.attrGet('href') ?? '';
	// Links leaving the site: no referrer, no opener, no ranking credit for what members post.
	if (!href.startsWith('/') || href.startsWith('//')) token.attrSet('rel', 'nofollow noopener noreferrer');
	return defaultLinkOpen(tokens, index, options, env, self);
};

/**
 * Headings people write sit below the page's own title and section headings: `#` becomes <h3>,
 * so the page's heading outline stays in order for screen readers.
 */
const HEADING_OFFSET = 2;
for (const rule of ['heading_open', 'heading_close'] as const)
	markdown.renderer.rules[rule] = (tokens, index, options, _env, self) => {
		const token = tokens[index]!;
		const level = Math.min(6, Number(token.tag.slice(1)) + HEADING_OFFSET);
		token.tag = `h${level}`;
		return self.renderToken(tokens, index, options);
	};

export type MarkdownOptions = {
	/**
	 * Handles (see mentionHandle) of the people who may be mentioned, with their display names.
	 * A known `@handle` becomes a highlighted name; any other stays plain text.
	 */
	mentions?: ReadonlyMap<string, string>;
};

const escapeHtml = (text: string) =>
	text.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);

export function renderMarkdown(source: string, options: MarkdownOptions = {}): string {
	const { mentions } = options;
	if (!mentions || mentions.size === 0) return markdown.render(source);
	const env = {};
	const tokens = markdown.parse(source, env);
	for (const block of tokens) {
		if (block.type !== 'inline' || !block.children) continue;
		let insideLink = 0;
		for (const token of block.children) {
			if (token.type === 'link_open') insideLink++;
			if (token.type === 'link_close') insideLink--;
			if (token.type !== 'text' || insideLink > 0) continue;
			const text = token.content;
			let replaced = false;
			const html = escapeHtml(text).replace(
				new RegExp(MENTION_PATTERN.source, 'gi'),
				(whole, lead, handle) => {
					const name = mentions.get(String(handle).toLowerCase());
					if (!name) return whole;
					replaced = true;
					return `${lead}<span class="mention">@${escapeHtml(name)}</span>`;
				}
			);
			if (replaced) {
				token.type = 'html_inline';
				token.content = html;
			}
		}
	}
	return markdown.renderer.render(tokens, markdown.options, env);
}

/** Plain text of a Markdown source for mails and previews: no markup, whitespace collapsed. */
export function markdownToPlainText(source: string, maxLength = Infinity): string {
	const html = markdown.render(source);
	const text = html
		.replace(/<\/(p|li|h[1-6]|blockquote|pre|tr)>/g, '\n')
		.replace(/<br\s*\/?>/g, '\n')
		.replace(/<[^>]+>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/[ \t]+/g, ' ')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
	return text.length > maxLength ? `${text.slice(0, maxLength - 1).trimEnd()}…` : text;
}
