/** The registration core of the events module: what other parts of the app may call. */
export type {
	ClosedReason,
	MailKind,
	OwnRegistration,
	Question,
	RegisterGuestInput,
	RegisterMemberInput,
	RegisterResult,
	RegistrationState
} from './types.ts';
export { registrationState, findRegistrationByAccessToken, findPendingByConfirmToken } from './queries.ts';
export { registerMember, registerGuest, hitGuestRegistrationLimit } from './mutations.ts';
export { addAttendee, type AddAttendeeInput } from './attendees/mutations.ts';
export {
	cancelRegistration,
	cancelOwnRegistration,
	cancelByAccessToken,
	type CancelInput,
	type CancelResult
} from './cancel/mutations.ts';
export { confirmGuestRegistration, type ConfirmResult } from './confirm/mutations.ts';
export { fillFreeSeats } from './seats.ts';
export { queueRegistrationMail } from './mails.ts';
export { ticketQrPng, registrationLink, registrationAccessToken } from './tokens.ts';
export { closedReason } from './window.ts';
export { answerField, answersFromForm, ANSWER_MAX_LENGTH } from './answers.ts';
