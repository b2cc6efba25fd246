import { can } from '#lib/server/policy/policy.ts';
import { requireProfile } from '#lib/server/cooperation/guard.ts';
import { profileOwner } from '#lib/server/cooperation/owner.ts';
import { isLive, profileResource } from '#lib/server/cooperation/scope.ts';
import { findViewerMatches } from '#lib/server/cooperation/browse/queries.ts';
import {
	findOpenInterests,
	findProfileDetail,
	findProfileFigures
} from '#lib/server/cooperation/browse/detail/queries.ts';
import { listTimeline } from '#lib/server/cooperation/review/queries.ts';
import { formatByteSize } from '#lib/server/circles/documents/present.ts';
import { recordProfileView } from '#lib/server/cooperation/browse/mutations.ts';
import {
	competenceName,
	formatDateTime,
	formatDay,
	matchesView,
	ownerView,
	profileDescription,
	profileState
} from '#lib/server/cooperation/browse/present.ts';
import { renderMarkdown } from '#lib/server/markdown.ts';
import { typesWithTrl } from '#lib/cooperation/vocabulary.ts';
import { availableTransitions } from '#lib/components/cooperation/authoring/transitions.ts';

/**
 * One cooperation profile. `requireProfile` answers 404 for what the actor may not view (another
 * organisation's draft looks like no profile at all) and sends visitors to sign in for a members'
 * profile. The owner reaches the page only through `profileOwner`; attachments, the owner's
 * figures, timeline and matches only for those the policy lets see them.
 */
export const load = async (event) => {
	const { profile, revealedTo } = await requireProfile(event, 'cooperation.profile.view');
	const { actor, locale, network } = event.locals;
	const resource = profileResource(profile, revealedTo);
	const mayIdentify = can(actor, 'cooperation.profile.identify', resource);
	const mayStats = can(actor, 'cooperation.profile.stats', resource);
	const mayEdit = can(actor, 'cooperation.profile.edit', resource);
	// The organisations the actor may answer for (never the owner itself).
	const senders = actor.organisations
		.map((m) => m.organisationId)
		.filter((organisationId) =>
			can(actor, 'cooperation.interest.send', profileResource(profile, revealedTo, organisationId))
		);
	const [detail, figures, steps, openInterests, matches] = await Promise.all([
		findProfileDetail(network.id, profile, { attachments: mayIdentify }),
		mayStats ? findProfileFigures(network.id, profile) : Promise.resolve(null),
		mayStats
			? // The office's own notes stay off the owner's page; the office sees them here too.
				listTimeline(network.id, profile.id, { includeOfficeNotes: can(actor, 'office.cooperation.read') })
			: Promise.resolve([]),
		findOpenInterests(network.id, profile.id, senders),
		mayStats && profile.status === 'published'
			? findViewerMatches(actor, network.id, profile.id, locale)
			: Promise.resolve(null)
	]);
	await recordProfileView(actor, profile);

	const state = profileState(profile);
	const description = profileDescription(profile, locale);
	return {
		profile: {
			id: profile.id,
			type: profile.type,
			visibility: profile.visibility,
			state,
			title: profile.title,
			summary: profile.summary,
			descriptionHtml: description.trim() ? renderMarkdown(description) : '',
			competencies: detail.competencies.map((competence) => competenceName(competence, locale)),
			keywords: profile.keywords,
			drivetrains: profile.drivetrains,
			trl: typesWithTrl.includes(profile.type) ? profile.trl : null,
			partnershipKinds: profile.partnershipKinds,
			expires: formatDay(profile.expiresAt, locale),
			expiresIso: profile.expiresAt?.toISOString() ?? null
		},
		owner: ownerView(actor, profileOwner(actor, profile, revealedTo, detail.organisation)),
		attachments: mayIdentify
			? detail.attachments.map((attachment) => ({
					...attachment,
					size: formatByteSize(attachment.byteSize, locale)
				}))
			: [],
		ownerPanel:
			mayStats && figures
				? {
						reviewNote:
							profile.status === 'changes_requested' || profile.status === 'rejected'
								? profile.reviewNote
								: '',
						figures,
						steps: steps.map((step) => ({
							id: step.id,
							kind: step.kind,
							note: step.note,
							at: formatDateTime(step.createdAt, locale),
							atIso: step.createdAt.toISOString(),
							meeting: step.meetingAt ? formatDateTime(step.meetingAt, locale) : '',
							meetingPlace: step.meetingPlace ?? ''
						})),
						// The authoring routes' own rule of which status change applies when.
						commands: mayEdit ? availableTransitions(profile.status) : [],
						mayEdit
					}
				: null,
		matches: matches ? matchesView(actor, matches) : null,
		answer: {
			// An organisation answers once while its interest is open; another of the actor's may still.
			mayAnswer: senders.some((id) => !openInterests.some((open) => open.organisationId === id)),
			openStatus: openInterests[0]?.status ?? null,
			// Visitors on a public profile are asked to sign in; members' profiles send them there anyway.
			signIn: !actor.userId && isLive(profile)
		},
		meta: {
			description: profile.summary,
			indexable: isLive(profile) && profile.visibility === 'public_anonymous'
		}
	};
};
