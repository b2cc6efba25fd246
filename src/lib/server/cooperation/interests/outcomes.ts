import { error, fail } from '@sveltejs/kit';
import { m } from '../../../paraglide/messages.js';
import type { InterestFailure } from './mutations.ts';

/** How each refused change answers: status and the sentence shown beside the form. */
const refusals: Record<
	Exclude<InterestFailure, 'NOT_FOUND' | 'FORBIDDEN'>,
	{ status: number; message: () => string }
> = {
	NOT_LIVE: { status: 409, message: m.cooperation_interests_error_not_live },
	ALREADY_INTERESTED: { status: 409, message: m.cooperation_interests_error_already_interested },
	ALREADY_DECIDED: { status: 409, message: m.cooperation_interests_error_already_decided },
	NOT_ACCEPTED: { status: 409, message: m.cooperation_interests_error_not_accepted },
	NOT_PENDING: { status: 409, message: m.cooperation_interests_error_not_pending }
};

/**
 * The form action's answer to a refused change. An interest that is not this profile's (or not
 * the actor's organisations') is not found: 404, like an unknown id; one the policy does not
 * allow this actor to change: 403.
 */
export function interestRefused(reason: InterestFailure, formName: string) {
	if (reason === 'NOT_FOUND') error(404, 'Not found');
	if (reason === 'FORBIDDEN') error(403, 'Forbidden');
	const { status, message } = refusals[reason];
	return fail(status, { errors: { _form: message() }, values: {}, formName });
}
