import { describe, expect, it } from 'vitest';
import { answersFromForm, checkAnswers, type Question } from './answers.ts';

const question = (overrides: Partial<Question>): Question => ({
	id: 'q1',
	kind: 'text',
	labelDe: 'Frage',
	labelEn: 'Question',
	options: [],
	required: false,
	position: 0,
	...overrides
});

describe('checkAnswers', () => {
	const questions = [
		question({ id: 'text', kind: 'text' }),
		question({ id: 'guest', kind: 'yes_no', required: true }),
		question({ id: 'food', kind: 'choice', options: ['vegetarisch', 'vegan'] })
	];

	it('keeps valid answers, trims them and drops unknown and empty ones', () => {
		expect(
			checkAnswers(questions, { text: '  Rollstuhl  ', guest: 'no', food: '', other: 'x' }, 'de')
		).toEqual({ ok: true, answers: { text: 'Rollstuhl', guest: 'no' } });
	});

	it('reports each wrong answer on its field, in the reader’s language', () => {
		const result = checkAnswers(questions, { text: 'x'.repeat(1001), guest: 'ja', food: 'Fisch' }, 'en');
		expect(result).toEqual({
			ok: false,
			fieldErrors: {
				answer_text: 'At most 1000 characters.',
				answer_guest: 'Please choose yes or no.',
				answer_food: 'Please choose one of the options offered.'
			}
		});
		expect(checkAnswers(questions, {}, 'de')).toEqual({
			ok: false,
			fieldErrors: { answer_guest: 'Bitte beantworten Sie diese Frage.' }
		});
	});

	it('reads answers from `answer_<id>` form fields', () => {
		const form = new FormData();
		form.set('answer_guest', 'yes');
		form.set('name', 'Gerda');
		expect(answersFromForm(form)).toEqual({ guest: 'yes' });
	});
});
