import { m } from '../../paraglide/messages.js';
import { kindLabel, sizeLabel } from '../directory/labels.ts';
import type {
	InterestOutcome,
	InterestStatus,
	InterestTimeframe,
	PartnershipKind,
	ProfileStatus,
	ProfileStepKind,
	ProfileType,
	ProfileVisibility
} from '../../cooperation/vocabulary.ts';

/**
 * The exchange's vocabulary in words, for pages and (with `{ locale }`) for mails:
 * `typeLabels[type]()` or `typeLabels[type]({}, { locale: 'en' })`.
 */
type Label = (inputs?: Record<string, never>, options?: { locale?: 'de' | 'en' }) => string;

export const typeLabels: Record<ProfileType, Label> = {
	technology_offer: m.cooperation_type_technology_offer,
	technology_request: m.cooperation_type_technology_request,
	business_offer: m.cooperation_type_business_offer,
	business_request: m.cooperation_type_business_request,
	rnd_partner_search: m.cooperation_type_rnd_partner_search,
	capacity_offer: m.cooperation_type_capacity_offer,
	capacity_request: m.cooperation_type_capacity_request,
	student_project: m.cooperation_type_student_project
};

export const partnershipLabels: Record<PartnershipKind, Label> = {
	licence: m.cooperation_partnership_licence,
	joint_development: m.cooperation_partnership_joint_development,
	supply: m.cooperation_partnership_supply,
	subcontracting: m.cooperation_partnership_subcontracting,
	research_cooperation: m.cooperation_partnership_research_cooperation,
	staff_exchange: m.cooperation_partnership_staff_exchange
};

export const visibilityLabels: Record<ProfileVisibility, Label> = {
	members: m.cooperation_visibility_members,
	public_anonymous: m.cooperation_visibility_public_anonymous
};

/** A profile's state; 'expired' is a published profile past its date. */
export const statusLabels: Record<ProfileStatus | 'expired', Label> = {
	draft: m.cooperation_status_draft,
	in_review: m.cooperation_status_in_review,
	changes_requested: m.cooperation_status_changes_requested,
	published: m.cooperation_status_published,
	rejected: m.cooperation_status_rejected,
	withdrawn: m.cooperation_status_withdrawn,
	expired: m.cooperation_status_expired
};

export const interestStatusLabels: Record<InterestStatus, Label> = {
	pending: m.cooperation_interest_status_pending,
	accepted: m.cooperation_interest_status_accepted,
	declined: m.cooperation_interest_status_declined,
	withdrawn: m.cooperation_interest_status_withdrawn
};

export const outcomeLabels: Record<InterestOutcome, Label> = {
	in_talks: m.cooperation_outcome_in_talks,
	agreed: m.cooperation_outcome_agreed,
	no_match: m.cooperation_outcome_no_match
};

export const timeframeLabels: Record<InterestTimeframe, Label> = {
	now: m.cooperation_timeframe_now,
	three_months: m.cooperation_timeframe_three_months,
	six_months: m.cooperation_timeframe_six_months,
	later: m.cooperation_timeframe_later
};

export const stepLabels: Record<ProfileStepKind, Label> = {
	created: m.cooperation_step_created,
	submitted: m.cooperation_step_submitted,
	approved: m.cooperation_step_approved,
	changes_requested: m.cooperation_step_changes_requested,
	rejected: m.cooperation_step_rejected,
	reopened: m.cooperation_step_reopened,
	renewed: m.cooperation_step_renewed,
	withdrawn: m.cooperation_step_withdrawn,
	interest_sent: m.cooperation_step_interest_sent,
	interest_accepted: m.cooperation_step_interest_accepted,
	interest_declined: m.cooperation_step_interest_declined,
	interest_withdrawn: m.cooperation_step_interest_withdrawn,
	outcome_recorded: m.cooperation_step_outcome_recorded,
	office_note: m.cooperation_step_office_note,
	meeting_suggested: m.cooperation_step_meeting_suggested,
	event_slot_proposed: m.cooperation_step_event_slot_proposed
};

/** What may be said of an owner: its name, or for an anonymous profile kind, size class and district. */
export type OwnerWords =
	| { anonymous: true; kind: string; sizeClass: string | null; district: string | null }
	| { anonymous: false; name: string };

/**
 * The owner as the reader may know it (decided on the server by `profileOwner`): the name, or
 * "Anonymes Profil: Unternehmen, Mittel (50–249), Landkreis Osnabrück".
 */
export function ownerText(owner: OwnerWords, locale?: 'de' | 'en'): string {
	if (!owner.anonymous) return owner.name;
	const options = locale ? { locale } : {};
	const unknown = m.cooperation_anonymous_owner_unknown({}, options);
	return m.cooperation_anonymous_owner(
		{
			kind: kindLabel(owner.kind, locale),
			size: owner.sizeClass ? sizeLabel(owner.sizeClass, locale) : unknown,
			district: owner.district ?? unknown
		},
		options
	);
}
