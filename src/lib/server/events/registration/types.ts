import type { RegistrationStatus } from '../../../events/vocabulary.ts';
import type { Actor } from '../../policy/actor.ts';
import type { Question } from './answers.ts';
import type { ClosedReason } from './window.ts';

export type { ClosedReason } from './window.ts';
export type { Question } from './answers.ts';

export type RegisterResult =
	| { ok: true; status: 'registered' | 'waitlisted' | 'pending'; registrationId: string }
	| {
			ok: false;
			reason: 'NOT_OPEN' | 'ALREADY_REGISTERED' | 'NOT_ALLOWED' | 'INVALID_ANSWERS';
			/** Set with NOT_OPEN: why registration is closed. */
			closedReason?: ClosedReason;
			fieldErrors?: Record<string, string>;
	  };

export type OwnRegistration = {
	id: string;
	status: RegistrationStatus;
	/** 1 for the first on the waitlist; null unless waitlisted. */
	waitlistPosition: number | null;
};

/** What the event page shows about registering; the props of RegistrationPanel (with eventId). */
export type RegistrationState = {
	eventId: string;
	own: OwnRegistration | null;
	capacity: number | null;
	/** Null: no limit. */
	seatsLeft: number | null;
	waitlistLength: number;
	isOpen: boolean;
	closedReason: ClosedReason | null;
	/** When a registration window not yet open opens. */
	opensAt: Date | null;
	canRegisterAsMember: boolean;
	canRegisterAsGuest: boolean;
	/** Anonymous visitors of a members' event: signing in would let them register. */
	mayRegisterAfterSignIn: boolean;
	questions: Question[];
};

export type RegisterMemberInput = {
	actor: Actor;
	eventId: string;
	answers: Record<string, unknown>;
	locale: 'de' | 'en';
	origin: string;
};

export type RegisterGuestInput = {
	networkId: string;
	eventId: string;
	name: string;
	email: string;
	organisationName: string;
	answers: Record<string, unknown>;
	locale: 'de' | 'en';
	origin: string;
};

export type MailKind =
	'confirmed' | 'waitlisted' | 'promoted' | 'cancelled' | 'event_cancelled' | 'event_updated';
