import { and, eq, inArray, like, or } from 'drizzle-orm';
import { db, type Transaction } from '../../db/index.ts';
import { membershipApplications, organisations } from '../../db/schema/index.ts';
import { organisationKinds, valueChainPositions } from '../../../directory/vocabulary.ts';
import { AppError, isUniqueViolation } from '../../errors.ts';
import { recordAudit, type AuditContext } from '../../audit/mutations.ts';
import { can } from '../../policy/policy.ts';
import type { Actor } from '../../policy/actor.ts';
import { refreshSearchDocuments } from '../../directory/mutations.ts';
import { createInvitation } from '../../invitations/mutations.ts';
import { queueApplicationApprovedMail, queueApplicationRejectedMail } from '../mail.ts';
import { openStatuses, type Application } from '../queries.ts';
import type { NetworkRef } from '../mutations.ts';
import { nextFreeSlug, organisationSlug } from '../../../text/slug.ts';
import { splitKeywords } from './keywords.ts';

export type DecisionInput = {
	actor: Actor;
	network: NetworkRef;
	applicationId: string;
	note: string;
	/** Where the invitation link points (approval only). */
	origin: string;
	context?: AuditContext;
};

export type DecisionResult =
	{ ok: true; organisationId: string | null } | { ok: false; reason: 'NOT_FOUND' | 'ALREADY_DECIDED' };

function assertMayDecide(actor: Actor, networkId: string) {
	if (!can(actor, 'office.applications.decide', { networkId })) {
		throw new AppError('FORBIDDEN', 'Only the board decides on membership applications.');
	}
}

/**
 * Moves an open application to its decision. The conditional update is the only gate: of two
 * board members deciding at once, exactly one gets the row back; the other learns it is decided.
 */
async function claimDecision(t: Transaction, input: DecisionInput, status: 'approved' | 'rejected') {
	const scope = and(
		eq(membershipApplications.id, input.applicationId),
		eq(membershipApplications.networkId, input.network.id)
	);
	const [claimed] = await t
		.update(membershipApplications)
		.set({
			status,
			decisionNote: input.note,
			decidedBy: input.actor.userId,
			decidedAt: new Date(),
			updatedAt: new Date()
		})
		.where(and(scope, inArray(membershipApplications.status, openStatuses)))
		.returning();
	if (claimed) return { ok: true, application: claimed } as const;
	const [existing] = await t
		.select({ id: membershipApplications.id })
		.from(membershipApplications)
		.where(scope);
	return { ok: false, reason: existing ? 'ALREADY_DECIDED' : 'NOT_FOUND' } as const;
}

const applicantFacts = (network: NetworkRef, application: Application) => ({
	networkId: network.id,
	networkName: network.name,
	to: application.contactEmail,
	name: `${application.contactFirstName} ${application.contactLastName}`,
	organisation: application.organisationName,
	locale: application.locale === 'en' ? ('en' as const) : ('de' as const)
});

/** A slug not yet taken in the network; the unique index settles a race with a savepoint retry. */
async function insertOrganisation(t: Transaction, networkId: string, application: Application) {
	const base = organisationSlug(application.organisationName, application.legalForm);
	const taken = await t
		.select({ slug: organisations.slug })
		.from(organisations)
		.where(
			and(
				eq(organisations.networkId, networkId),
				or(eq(organisations.slug, base), like(organisations.slug, `${base}-%`))
			)
		);
	const used = new Set(taken.map((row) => row.slug));
	let slug = nextFreeSlug(base, used);
	const kind = organisationKinds.find((k) => k === application.kind) ?? 'member_company';
	const valueChain = valueChainPositions.find((v) => v === application.valueChain) ?? null;
	const english = application.locale === 'en';
	const values = {
		networkId,
		name: application.organisationName,
		kind,
		status: 'member' as const,
		legalForm: application.legalForm,
		website: application.website,
		street: application.street,
		postalCode: application.postalCode,
		city: application.city,
		district: application.district,
		employees: application.employees,
		valueChain,
		memberSince: new Date().getFullYear(),
		longDescriptionDe: english ? '' : application.description,
		longDescriptionEn: english ? application.description : '',
		keywords: splitKeywords(application.competencies)
	};
	for (let attempt = 0; ; attempt++) {
		try {
			const [row] = await t.transaction((sp) =>
				sp
					.insert(organisations)
					.values({ ...values, slug })
					.returning({ id: organisations.id })
			);
			return row!.id;
		} catch (error) {
			if (!isUniqueViolation(error) || attempt >= 3) throw error;
			slug = `${base}-${crypto.randomUUID().slice(0, 6)}`;
		}
	}
}

/**
 * The board approves: in one transaction the application is decided, the organisation created as
 * a member and made searchable, its contact invited as org admin, and the applicant told.
 */
export async function approveApplication(input: DecisionInput): Promise<DecisionResult> {
	assertMayDecide(input.actor, input.network.id);
	return (await db()).transaction(async (t): Promise<DecisionResult> => {
		const claim = await claimDecision(t, input, 'approved');
		if (!claim.ok) return claim;
		const application = claim.application;
		const organisationId = await insertOrganisation(t, input.network.id, application);
		await refreshSearchDocuments(input.network.id, [organisationId], t);
		await t
			.update(membershipApplications)
			.set({ organisationId })
			.where(
				and(
					eq(membershipApplications.id, application.id),
					eq(membershipApplications.networkId, input.network.id)
				)
			);
		const facts = applicantFacts(input.network, application);
		// Sent in the network's name: the board decides, but may not invite on its own.
		const { invitation, link } = await createInvitation(
			{
				networkId: input.network.id,
				invitedBy: null,
				email: application.contactEmail,
				name: facts.name,
				organisationId,
				organisationRole: 'org_admin',
				origin: input.origin,
				locale: facts.locale,
				context: input.context
			},
			t
		);
		await queueApplicationApprovedMail({ ...facts, note: input.note, link }, t);
		await recordAudit(
			{
				networkId: input.network.id,
				actor: input.actor,
				action: 'application.approved',
				targetType: 'membership_application',
				targetId: application.id,
				details: {
					before: { status: 'open' },
					after: { status: 'approved', decisionNote: input.note },
					organisationId,
					invitationId: invitation.id
				},
				context: input.context
			},
			t
		);
		return { ok: true, organisationId };
	});
}

/** The board rejects with a reason; the applicant is told it. */
export async function rejectApplication(input: DecisionInput): Promise<DecisionResult> {
	assertMayDecide(input.actor, input.network.id);
	return (await db()).transaction(async (t): Promise<DecisionResult> => {
		const claim = await claimDecision(t, input, 'rejected');
		if (!claim.ok) return claim;
		await queueApplicationRejectedMail(
			{ ...applicantFacts(input.network, claim.application), note: input.note },
			t
		);
		await recordAudit(
			{
				networkId: input.network.id,
				actor: input.actor,
				action: 'application.rejected',
				targetType: 'membership_application',
				targetId: claim.application.id,
				details: { before: { status: 'open' }, after: { status: 'rejected', decisionNote: input.note } },
				context: input.context
			},
			t
		);
		return { ok: true, organisationId: null };
	});
}
