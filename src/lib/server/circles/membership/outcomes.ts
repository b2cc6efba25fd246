import { fail } from '@sveltejs/kit';
import { m } from '../../../paraglide/messages.js';
import type { MembershipFailure } from './mutations.ts';

/** How each refused membership change answers: status and the sentence shown beside the form. */
const refusals: Record<MembershipFailure, { status: number; message: () => string }> = {
	NOT_FOUND: { status: 404, message: m.circles_error_not_found },
	NOT_ALLOWED: { status: 403, message: m.circles_error_not_allowed },
	ALREADY_MEMBER: { status: 409, message: m.circles_error_already_member },
	ALREADY_PENDING: { status: 409, message: m.circles_error_already_pending },
	NOT_MEMBER: { status: 409, message: m.circles_error_not_member },
	LAST_LEAD: { status: 409, message: m.circles_error_last_lead },
	NOT_ELIGIBLE: { status: 400, message: m.circles_error_not_eligible }
};

/** The form action's answer to a refused change; `formName` tells the page which form it was. */
export function membershipRefused(reason: MembershipFailure, formName: string) {
	const { status, message } = refusals[reason];
	return fail(status, { errors: { _form: message() }, values: {}, formName });
}
