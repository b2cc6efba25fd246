import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../helpers/database.ts';
import {
	addToCircle,
	addToOrganisation,
	createCircle,
	createNetwork,
	createOrganisation,
	createUser,
	grantNetworkRole
} from '../../src/lib/server/testing/factories.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import { can, type Action } from '../../src/lib/server/policy/policy.ts';
import { anonymousActor, type Actor } from '../../src/lib/server/policy/actor.ts';
import { applicationFormFor } from '../../src/lib/server/applications/schemas.ts';
import { reviewApplication, submitApplication } from '../../src/lib/server/applications/mutations.ts';
import {
	approveApplication,
	rejectApplication
} from '../../src/lib/server/applications/decisions/mutations.ts';
import { acceptInvitationWithNewAccount } from '../../src/lib/server/invitations/mutations.ts';
import {
	auditLog,
	invitations,
	mailMessages,
	membershipApplications,
	organisations
} from '../../src/lib/server/db/schema/index.ts';
import { AppError } from '../../src/lib/server/errors.ts';
import type { Database } from '../../src/lib/server/db/index.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let network: { id: string; name: string };
let otherNetwork: { id: string; name: string };
const actors: Record<'office' | 'board' | 'member' | 'orgadmin' | 'partner' | 'lead', Actor> = {} as never;

const districts = ['Stadt Osnabrück', 'Landkreis Osnabrück', 'Kreis Steinfurt'];
const origin = 'http://knotenpunkt.test';
let counter = 0;

async function apply(name: string, email: string, locale: 'de' | 'en' = 'de') {
	const parsed = applicationFormFor(districts).parse({
		organisationName: name,
		legalForm: 'GmbH',
		kind: 'member_company',
		city: 'Melle',
		district: 'Landkreis Osnabrück',
		employees: '80',
		valueChain: 'tier1',
		description: 'Kabelsätze für Hochvoltbatterien.',
		competencies: 'Kabelkonfektion, Hochvolt, kabelkonfektion',
		contactFirstName: 'Hanna',
		contactLastName: 'Hochvolt',
		contactEmail: email,
		consentStatutes: 'on',
		consentPrivacy: 'on'
	});
	const { consentStatutes, consentPrivacy, fax, ...fields } = parsed;
	const result = await submitApplication({
		network,
		fields,
		consents: { statutes: consentStatutes, privacy: consentPrivacy },
		honeypot: fax,
		ipAddress: `192.0.2.${++counter}`,
		locale,
		origin
	});
	if (!result.ok || !result.applicationId) throw new Error('application not stored');
	return result.applicationId;
}

const decision = (actor: Actor, applicationId: string, note = '') => ({
	actor,
	network,
	applicationId,
	note,
	origin
});

const mailsTo = (email: string) => db.select().from(mailMessages).where(eq(mailMessages.toAddress, email));

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	const created = await createNetwork(db, { name: 'Automotive Entscheidungsnetz' });
	network = { id: created.id, name: created.name };
	const other = await createNetwork(db);
	otherNetwork = { id: other.id, name: other.name };
	const organisation = await createOrganisation(db, network.id, { name: 'Bestandsmitglied GmbH' });
	const circle = await createCircle(db, network.id);
	const make = async (key: keyof typeof actors) => {
		const created = await createUser(db, { email: `${key}@decide.test`, name: `${key} person` });
		if (key === 'office' || key === 'board' || key === 'partner') {
			await grantNetworkRole(db, network.id, created.id, key);
		} else {
			await grantNetworkRole(db, network.id, created.id, 'member');
			await addToOrganisation(
				db,
				network.id,
				organisation.id,
				created.id,
				key === 'orgadmin' ? 'org_admin' : 'org_member'
			);
			if (key === 'lead') await addToCircle(db, network.id, circle.id, created.id, 'lead');
		}
		actors[key] = await loadActor(network.id, created);
	};
	for (const key of ['office', 'board', 'member', 'orgadmin', 'partner', 'lead'] as const) await make(key);
});
afterAll(() => database.close());

describe('who may do what with applications', () => {
	const expected: Record<keyof typeof actors | 'anonymous', Action[]> = {
		anonymous: [],
		member: [],
		orgadmin: [],
		partner: [],
		lead: [],
		office: ['office.applications.read', 'office.applications.review'],
		board: ['office.applications.read', 'office.applications.decide']
	};
	const officeActions: Action[] = [
		'office.applications.read',
		'office.applications.review',
		'office.applications.decide'
	];
	it.each(Object.keys(expected) as (keyof typeof expected)[])('%s', (key) => {
		const actor = key === 'anonymous' ? anonymousActor(network.id) : actors[key];
		expect(can(actor, 'application.submit')).toBe(true);
		expect(officeActions.filter((action) => can(actor, action, { networkId: network.id }))).toEqual(
			expected[key]
		);
		// Nobody acts on another network's applications.
		expect(officeActions.some((action) => can(actor, action, { networkId: otherNetwork.id }))).toBe(false);
	});

	it('the domain refuses every role but the board to decide, and every role but the office to review', async () => {
		const id = await apply('Verweigert GmbH', 'refused@example.test');
		for (const key of ['office', 'member', 'orgadmin', 'partner', 'lead'] as const) {
			await expect(approveApplication(decision(actors[key], id))).rejects.toBeInstanceOf(AppError);
			await expect(rejectApplication(decision(actors[key], id, 'Nein'))).rejects.toBeInstanceOf(AppError);
		}
		const fields = applicationFormFor(districts).parse({
			organisationName: 'Umbenannt GmbH',
			kind: 'research',
			contactFirstName: 'A',
			contactLastName: 'B',
			contactEmail: 'refused@example.test',
			consentStatutes: 'on',
			consentPrivacy: 'on'
		});
		for (const key of ['board', 'member', 'orgadmin', 'partner', 'lead'] as const) {
			await expect(
				reviewApplication({
					actor: actors[key],
					networkId: network.id,
					applicationId: id,
					fields,
					officeNote: ''
				})
			).rejects.toBeInstanceOf(AppError);
		}
		const [row] = await db.select().from(membershipApplications).where(eq(membershipApplications.id, id));
		expect(row).toMatchObject({
			status: 'submitted',
			organisationName: 'Verweigert GmbH',
			organisationId: null
		});
	});
});

describe('approveApplication', () => {
	it('creates exactly one member organisation, one org admin invitation and the mails, in one go', async () => {
		const email = 'hanna.hochvolt@example.test';
		const id = await apply('Hochvolt Kabelwerk Melle GmbH', email, 'en');
		const result = await approveApplication(decision(actors.board, id, 'Welcome aboard!'));
		expect(result.ok).toBe(true);
		const organisationId = result.ok ? result.organisationId! : '';

		const created = await db
			.select()
			.from(organisations)
			.where(
				and(eq(organisations.networkId, network.id), eq(organisations.name, 'Hochvolt Kabelwerk Melle GmbH'))
			);
		expect(created).toHaveLength(1);
		expect(created[0]).toMatchObject({
			id: organisationId,
			slug: 'hochvolt-kabelwerk-melle',
			status: 'member',
			kind: 'member_company',
			legalForm: 'GmbH',
			city: 'Melle',
			district: 'Landkreis Osnabrück',
			employees: 80,
			valueChain: 'tier1',
			longDescriptionEn: 'Kabelsätze für Hochvoltbatterien.',
			keywords: ['Kabelkonfektion', 'Hochvolt'],
			memberSince: new Date().getFullYear()
		});
		// Searchable at once: the search documents were refreshed in the same transaction.
		expect(created[0]!.searchPublic).toBeTruthy();
		expect(created[0]!.searchTextPublic).toContain('hochvolt kabelwerk');

		const [application] = await db
			.select()
			.from(membershipApplications)
			.where(eq(membershipApplications.id, id));
		expect(application).toMatchObject({
			status: 'approved',
			organisationId,
			decisionNote: 'Welcome aboard!',
			decidedBy: actors.board.userId
		});

		const invited = await db.select().from(invitations).where(eq(invitations.organisationId, organisationId));
		expect(invited).toHaveLength(1);
		expect(invited[0]).toMatchObject({
			email,
			organisationRole: 'org_admin',
			networkRole: null,
			locale: 'en'
		});

		const mails = await mailsTo(email);
		expect(mails.map((mail) => mail.kind).sort()).toEqual(
			['application-approved', 'application-received', 'invitation'].sort()
		);
		const approved = mails.find((mail) => mail.kind === 'application-approved')!;
		expect(approved.subject).toBe(
			'Welcome to Automotive Entscheidungsnetz: your membership application is approved'
		);
		expect(approved.textBody).toContain('Welcome aboard!');
		const link = approved.textBody.match(/https?:\/\/\S+\/invitation\?token=\S+/)![0];
		expect(mails.find((mail) => mail.kind === 'invitation')!.textBody).toContain(link);

		const audit = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.targetId, id), eq(auditLog.action, 'application.approved')));
		expect(audit).toHaveLength(1);
		expect(audit[0]!.actorEmail).toBe('board@decide.test');
		expect(audit[0]!.details).toMatchObject({ organisationId, invitationId: invited[0]!.id });

		// The invitee follows the link and is the new organisation's admin.
		const token = new URL(link).searchParams.get('token')!;
		const accepted = await acceptInvitationWithNewAccount({
			networkId: network.id,
			token,
			name: 'Hanna Hochvolt',
			password: 'Kabelbaum-aus-Melle-2024',
			locale: 'en'
		});
		expect(accepted.ok).toBe(true);
		const admin = await loadActor(network.id, {
			id: accepted.ok ? accepted.userId : '',
			email,
			name: 'Hanna Hochvolt',
			emailVerified: true
		});
		expect(admin.organisations).toEqual([{ organisationId, role: 'org_admin' }]);
		expect(can(admin, 'organisation.edit_profile', { networkId: network.id, organisationId })).toBe(true);
	});

	it('refuses a second decision with a clear reason and changes nothing', async () => {
		const id = await apply('Doppelt Entschieden GmbH', 'twice@example.test');
		expect((await approveApplication(decision(actors.board, id))).ok).toBe(true);
		expect(await approveApplication(decision(actors.board, id))).toEqual({
			ok: false,
			reason: 'ALREADY_DECIDED'
		});
		expect(await rejectApplication(decision(actors.board, id, 'Doch nicht'))).toEqual({
			ok: false,
			reason: 'ALREADY_DECIDED'
		});
		const fields = applicationFormFor(districts).parse({
			organisationName: 'Nachträglich GmbH',
			kind: 'member_company',
			contactFirstName: 'A',
			contactLastName: 'B',
			contactEmail: 'twice@example.test',
			consentStatutes: 'on',
			consentPrivacy: 'on'
		});
		expect(
			await reviewApplication({
				actor: actors.office,
				networkId: network.id,
				applicationId: id,
				fields,
				officeNote: ''
			})
		).toEqual({ ok: false, reason: 'ALREADY_DECIDED' });
		const [row] = await db.select().from(membershipApplications).where(eq(membershipApplications.id, id));
		expect(row).toMatchObject({
			status: 'approved',
			organisationName: 'Doppelt Entschieden GmbH',
			decisionNote: ''
		});
		expect(
			await db.select().from(organisations).where(eq(organisations.name, 'Doppelt Entschieden GmbH'))
		).toHaveLength(1);
		expect((await mailsTo('twice@example.test')).filter((m) => m.kind === 'invitation')).toHaveLength(1);
	});

	it('creates only one organisation when two approvals race', async () => {
		const id = await apply('Wettlauf Antriebe GmbH', 'race@example.test');
		const results = await Promise.all([
			approveApplication(decision(actors.board, id)),
			approveApplication(decision(actors.board, id))
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'ALREADY_DECIDED' }]);
		expect(
			await db.select().from(organisations).where(eq(organisations.name, 'Wettlauf Antriebe GmbH'))
		).toHaveLength(1);
		expect((await mailsTo('race@example.test')).filter((m) => m.kind === 'invitation')).toHaveLength(1);
	});

	it('gives a second organisation of the same name its own slug', async () => {
		const first = await apply('Namensgleich GmbH', 'same1@example.test');
		const second = await apply('Namensgleich GmbH', 'same2@example.test');
		await approveApplication(decision(actors.board, first));
		await approveApplication(decision(actors.board, second));
		const rows = await db
			.select({ slug: organisations.slug })
			.from(organisations)
			.where(eq(organisations.name, 'Namensgleich GmbH'));
		expect(rows.map((r) => r.slug).sort()).toEqual(['namensgleich', 'namensgleich-2']);
	});

	it('answers NOT_FOUND for an application of another network or an unknown id', async () => {
		const id = await apply('Fremdnetz GmbH', 'foreign@example.test');
		const foreignBoard = { ...actors.board, networkId: otherNetwork.id };
		const foreign = { ...decision(foreignBoard, id), network: otherNetwork };
		expect(await approveApplication(foreign)).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await rejectApplication({ ...foreign, note: 'x' })).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await approveApplication(decision(actors.board, crypto.randomUUID()))).toEqual({
			ok: false,
			reason: 'NOT_FOUND'
		});
		const [row] = await db.select().from(membershipApplications).where(eq(membershipApplications.id, id));
		expect(row!.status).toBe('submitted');
	});
});

describe('rejectApplication', () => {
	it('rejects with the note, tells the applicant and creates nothing', async () => {
		const email = 'rejected@example.test';
		const id = await apply('Abgelehnt Motoren GmbH', email);
		const result = await rejectApplication(decision(actors.board, id, 'Kein Standort in der Region.'));
		expect(result).toEqual({ ok: true, organisationId: null });
		const [row] = await db.select().from(membershipApplications).where(eq(membershipApplications.id, id));
		expect(row).toMatchObject({
			status: 'rejected',
			decisionNote: 'Kein Standort in der Region.',
			organisationId: null
		});
		const mails = await mailsTo(email);
		const rejected = mails.find((mail) => mail.kind === 'application-rejected')!;
		expect(rejected.subject).toBe('Ihr Mitgliedsantrag bei Automotive Entscheidungsnetz');
		expect(rejected.textBody).toContain('Kein Standort in der Region.');
		expect(mails.some((mail) => mail.kind === 'invitation')).toBe(false);
		expect(
			await db.select().from(organisations).where(eq(organisations.name, 'Abgelehnt Motoren GmbH'))
		).toHaveLength(0);
		const audit = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.targetId, id), eq(auditLog.action, 'application.rejected')));
		expect(audit).toHaveLength(1);
	});
});
