import type { ProfileStatus, ProfileStepKind } from '../../../cooperation/vocabulary.ts';

/**
 * The owner's status changes and the states they start from, shared by the server (whose
 * conditional updates enforce them) and the pages (which offer only the buttons that apply).
 * Withdrawn profiles can be reopened into a draft; nothing else leaves 'withdrawn'.
 */
export const transitions = {
	submit: { from: ['draft', 'changes_requested'], step: 'submitted' },
	reopen: { from: ['published', 'in_review', 'rejected', 'withdrawn'], step: 'reopened' },
	withdraw: { from: ['draft', 'in_review', 'changes_requested', 'published', 'rejected'], step: 'withdrawn' },
	renew: { from: ['published'], step: 'renewed' }
} as const satisfies Record<string, { from: readonly ProfileStatus[]; step: ProfileStepKind }>;

export type Transition = keyof typeof transitions;
export const transitionNames = Object.keys(transitions) as Transition[];

/** Statuses in which the owner changes the text and attachments; others are reopened first. */
export const editableStatuses: readonly ProfileStatus[] = ['draft', 'changes_requested'];

export const availableTransitions = (status: ProfileStatus): Transition[] =>
	transitionNames.filter((name) => (transitions[name].from as readonly ProfileStatus[]).includes(status));
