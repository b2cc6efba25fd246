import { z } from 'zod';
import { requiredText } from '../../../validation.ts';

/** Asking for changes and rejecting need a reason: the owner reads it (review_note, the step, the mail). */
export const reviewReasonForm = z.object({ reason: requiredText(4000) });
