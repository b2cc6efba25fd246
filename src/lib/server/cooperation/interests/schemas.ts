import { z } from 'zod';
import { interestOutcomes, interestTimeframes, partnershipKinds } from '../../../cooperation/vocabulary.ts';
import { checkbox, optionalText, requiredText } from '../../../validation.ts';

export const MAX_INTEREST_MESSAGE = 2000;
export const MAX_CONTRIBUTION = 2000;
export const MAX_SUCCESS_STORY = 1000;

const uuid = () => z.uuid({ message: 'validation_choice' });

/**
 * An expression of interest: the organisation it is sent for, a short message and the standard
 * questions (what the party offers or needs, which partnership, when).
 */
export const interestSchema = z.object({
	organisationId: uuid(),
	message: requiredText(MAX_INTEREST_MESSAGE),
	contribution: requiredText(MAX_CONTRIBUTION),
	partnershipKind: z.enum(partnershipKinds, { message: 'validation_choice' }),
	timeframe: z.enum(interestTimeframes, { message: 'validation_choice' })
});
export type InterestInput = z.infer<typeof interestSchema>;

export const interestIdSchema = z.object({ interestId: uuid() });

/**
 * What became of an accepted introduction. The success story and the permission to publish it
 * belong to an agreed cooperation only; for the other outcomes they are dropped.
 */
export const outcomeSchema = z
	.object({
		interestId: uuid(),
		outcome: z.enum(interestOutcomes, { message: 'validation_choice' }),
		successStory: optionalText(MAX_SUCCESS_STORY).transform((value) => value ?? ''),
		successStoryPublishable: checkbox()
	})
	.transform((value) =>
		value.outcome === 'agreed' ? value : { ...value, successStory: '', successStoryPublishable: false }
	);
export type OutcomeInput = z.infer<typeof outcomeSchema>;
