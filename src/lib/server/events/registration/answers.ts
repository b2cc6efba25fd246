import { m } from '../../../paraglide/messages.js';
import type { EventQuestionKind } from '../../../events/vocabulary.ts';

export type Question = {
	id: string;
	kind: EventQuestionKind;
	labelDe: string;
	labelEn: string;
	options: string[];
	required: boolean;
	position: number;
};

export const ANSWER_MAX_LENGTH = 1000;

/** The form field of a question's answer. */
export const answerField = (questionId: string) => `answer_${questionId}`;

export type AnswerCheck =
	{ ok: true; answers: Record<string, string> } | { ok: false; fieldErrors: Record<string, string> };

/**
 * Answers keyed by question id, checked against the event's questions: required ones given, a
 * choice one of its options, yes/no literally 'yes' or 'no', free text at most 1000 characters.
 * Answers to unknown questions are dropped; empty optional answers are not stored.
 */
export function checkAnswers(
	questions: Question[],
	given: Record<string, unknown>,
	locale: 'de' | 'en'
): AnswerCheck {
	const answers: Record<string, string> = {};
	const fieldErrors: Record<string, string> = {};
	for (const question of questions) {
		const raw = given[question.id];
		const value = typeof raw === 'string' ? raw.trim() : '';
		const field = answerField(question.id);
		if (!value) {
			if (question.required) fieldErrors[field] = m.event_mails_answer_required({}, { locale });
			continue;
		}
		if (question.kind === 'yes_no' && value !== 'yes' && value !== 'no') {
			fieldErrors[field] = m.event_mails_answer_yes_no({}, { locale });
		} else if (question.kind === 'choice' && !question.options.includes(value)) {
			fieldErrors[field] = m.event_mails_answer_choice({}, { locale });
		} else if (value.length > ANSWER_MAX_LENGTH) {
			fieldErrors[field] = m.event_mails_answer_too_long({ max: ANSWER_MAX_LENGTH }, { locale });
		} else {
			answers[question.id] = value;
		}
	}
	return Object.keys(fieldErrors).length ? { ok: false, fieldErrors } : { ok: true, answers };
}

/** Answers posted as `answer_<questionId>` form fields, keyed by question id. */
export function answersFromForm(form: FormData): Record<string, string> {
	const answers: Record<string, string> = {};
	for (const [key, value] of form) {
		if (key.startsWith('answer_') && typeof value === 'string') answers[key.slice('answer_'.length)] = value;
	}
	return answers;
}
