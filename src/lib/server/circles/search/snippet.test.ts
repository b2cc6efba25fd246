import { describe, expect, it } from 'vitest';
import { buildSnippet, lightStem, queryStems } from './snippet.ts';

const marked = (parts: ReturnType<typeof buildSnippet>) => parts.filter((p) => p.marked).map((p) => p.text);

describe('search snippets', () => {
	it('meet German plural and singular at one stem', () => {
		expect(lightStem('Batterien')).toBe(lightStem('Batterie'));
		expect(lightStem('Fahrräder')).toBe(lightStem('Fahrrad'));
	});

	it('mark the words that match, also in another form', () => {
		const parts = buildSnippet('Wir prüfen die Batterie und das Fahrrad.', 'Batterien Fahrräder');
		expect(marked(parts)).toEqual(['Batterie', 'Fahrrad']);
		expect(parts.map((p) => p.text).join('')).toBe('Wir prüfen die Batterie und das Fahrrad.');
	});

	it('leave out excluded words and "or"', () => {
		expect(queryStems('Batterie -Fahrrad or "neue Zellen"')).toEqual([
			lightStem('Batterie'),
			lightStem('neue'),
			lightStem('Zellen')
		]);
	});

	it('cut long texts around the first hit', () => {
		const text = `${'Vorspann '.repeat(60)}Hier geht es um Batterien. ${'Nachsatz '.repeat(60)}`;
		const parts = buildSnippet(text, 'Batterie', 120);
		const joined = parts.map((p) => p.text).join('');
		expect(joined.startsWith('… ')).toBe(true);
		expect(joined.endsWith(' …')).toBe(true);
		expect(joined.length).toBeLessThan(140);
		expect(marked(parts)).toEqual(['Batterien']);
	});

	it('are plain text: markup in the text stays text, never becomes a mark', () => {
		const parts = buildSnippet('<script>alert(1)</script> Batterie', 'Batterie');
		expect(parts[0]).toEqual({ text: '<script>alert(1)</script> ', marked: false });
		expect(marked(parts)).toEqual(['Batterie']);
	});

	it('answer nothing for empty text', () => {
		expect(buildSnippet('   ', 'x')).toEqual([]);
	});
});
