import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { verifyPassword } from 'better-auth/crypto';
import { useFreshDatabase } from '../helpers/database.ts';
import {
	addToOrganisation,
	createNetwork,
	createOrganisation,
	createPerson,
	createUser,
	grantNetworkRole
} from '../../src/lib/server/testing/factories.ts';
import { loadActor } from '../../src/lib/server/policy/queries.ts';
import {
	acceptInvitationAsUser,
	acceptInvitationWithNewAccount,
	createInvitation,
	resendInvitation,
	revokeInvitation
} from '../../src/lib/server/invitations/mutations.ts';
import { findOfferedInvitation, listInvitations } from '../../src/lib/server/invitations/queries.ts';
import {
	account,
	auditLog,
	invitations,
	mailMessages,
	networkRoleAssignments,
	organisationMemberships,
	people,
	user
} from '../../src/lib/server/db/schema/index.ts';
import { AppError } from '../../src/lib/server/errors.ts';
import type { Database } from '../../src/lib/server/db/index.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let db: Database;
let networkId: string;
let otherNetworkId: string;
let organisationId: string;
let otherOrganisationId: string;
let office: Awaited<ReturnType<typeof loadActor>>;

const origin = 'http://knotenpunkt.test';
const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

beforeAll(async () => {
	database = await useFreshDatabase();
	db = database.db;
	const network = await createNetwork(db, { name: 'Automotive Testnetz' });
	networkId = network.id;
	otherNetworkId = (await createNetwork(db)).id;
	organisationId = (await createOrganisation(db, networkId, { name: 'Achsenbau Hasetal GmbH' })).id;
	otherOrganisationId = (await createOrganisation(db, networkId, { name: 'Kolbenwerk Emsland GmbH' })).id;
	const officeUser = await createUser(db, { email: 'office@invite.test', name: 'Olga Office' });
	await grantNetworkRole(db, networkId, officeUser.id, 'office');
	office = await loadActor(networkId, officeUser);
});
afterAll(() => database.close());

async function inviteOrgAdmin(email: string, locale: 'de' | 'en' = 'de') {
	return createInvitation({
		networkId,
		invitedBy: office,
		email,
		name: 'Ines Invited',
		organisationId,
		organisationRole: 'org_admin',
		origin,
		locale
	});
}

describe('createInvitation', () => {
	it('stores only the token hash and queues a mail with the link in the invitee language', async () => {
		const { invitation, link } = await inviteOrgAdmin('Ines.New@Example.test', 'en');
		const token = tokenOf(link);
		expect(link.startsWith(`${origin}/invitation?token=`)).toBe(true);
		expect(Buffer.from(token, 'base64url')).toHaveLength(32);
		expect(invitation.email).toBe('ines.new@example.test');
		const [stored] = await db.select().from(invitations).where(eq(invitations.id, invitation.id));
		expect(stored!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(stored)).not.toContain(token);
		expect(stored!.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);

		const mails = await db
			.select()
			.from(mailMessages)
			.where(eq(mailMessages.toAddress, 'ines.new@example.test'));
		expect(mails).toHaveLength(1);
		expect(mails[0]!.kind).toBe('invitation');
		expect(mails[0]!.status).toBe('outbox');
		expect(mails[0]!.networkId).toBe(networkId);
		expect(mails[0]!.textBody).toContain(link);
		expect(mails[0]!.subject).toContain('Invitation to Automotive Testnetz');
		expect(mails[0]!.textBody).toContain('Achsenbau Hasetal GmbH');
		expect(mails[0]!.textBody).toContain('Olga Office');

		const audit = await db.select().from(auditLog).where(eq(auditLog.targetId, invitation.id));
		expect(audit.map((a) => a.action)).toEqual(['invitation.created']);
		expect(audit[0]!.actorEmail).toBe('office@invite.test');
	});

	it('writes the mail in German by default and works without an inviting actor (command line)', async () => {
		const { link } = await createInvitation({
			networkId,
			invitedBy: null,
			email: 'board-cli@example.test',
			name: 'Bernd Board',
			networkRole: 'board',
			origin,
			locale: 'de'
		});
		const [mail] = await db
			.select()
			.from(mailMessages)
			.where(eq(mailMessages.toAddress, 'board-cli@example.test'));
		expect(mail!.subject).toBe('Einladung zu Automotive Testnetz');
		expect(mail!.textBody).toContain('Die Geschäftsstelle von Automotive Testnetz');
		expect(mail!.textBody).toContain('Vorstand');
		expect(mail!.textBody).toContain(link);
	});

	it('refuses an invitation that offers nothing, and an organisation of another network', async () => {
		await expect(
			createInvitation({
				networkId,
				invitedBy: office,
				email: 'x@example.test',
				name: '',
				origin,
				locale: 'de'
			})
		).rejects.toMatchObject({ code: 'VALIDATION' });
		const foreignOrganisation = await createOrganisation(db, otherNetworkId);
		await expect(
			createInvitation({
				networkId,
				invitedBy: office,
				email: 'x@example.test',
				name: '',
				organisationId: foreignOrganisation.id,
				origin,
				locale: 'de'
			})
		).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});
});

describe('org admins invite colleagues', () => {
	it('into their own organisation, but not into another one nor into a network role', async () => {
		const admin = await createUser(db, { email: 'orgadmin@invite.test', name: 'Anna Admin' });
		await grantNetworkRole(db, networkId, admin.id, 'member');
		await addToOrganisation(db, networkId, organisationId, admin.id, 'org_admin');
		const actor = await loadActor(networkId, admin);

		const own = await createInvitation({
			networkId,
			invitedBy: actor,
			email: 'colleague@invite.test',
			name: 'Carl Colleague',
			organisationId,
			organisationRole: 'org_member',
			origin,
			locale: 'de'
		});
		expect(own.invitation.organisationId).toBe(organisationId);
		expect(own.invitation.invitedBy).toBe(admin.id);

		const foreign = createInvitation({
			networkId,
			invitedBy: actor,
			email: 'intruder@invite.test',
			name: '',
			organisationId: otherOrganisationId,
			organisationRole: 'org_admin',
			origin,
			locale: 'de'
		});
		await expect(foreign).rejects.toBeInstanceOf(AppError);
		await expect(foreign).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(
			createInvitation({
				networkId,
				invitedBy: actor,
				email: 'board@invite.test',
				name: '',
				organisationId,
				networkRole: 'board',
				origin,
				locale: 'de'
			})
		).rejects.toMatchObject({ code: 'FORBIDDEN' });
		const refused = await db
			.select()
			.from(invitations)
			.where(sql`${invitations.email} in ('intruder@invite.test', 'board@invite.test')`);
		expect(refused).toHaveLength(0);
	});

	it('a plain member may not invite at all', async () => {
		const member = await createUser(db, { email: 'plain@invite.test' });
		await grantNetworkRole(db, networkId, member.id, 'member');
		await addToOrganisation(db, networkId, organisationId, member.id, 'org_member');
		const actor = await loadActor(networkId, member);
		await expect(
			createInvitation({
				networkId,
				invitedBy: actor,
				email: 'y@invite.test',
				name: '',
				organisationId,
				origin,
				locale: 'de'
			})
		).rejects.toMatchObject({ code: 'FORBIDDEN' });
	});
});

describe('accepting an invitation', () => {
	it('creates a verified account with the roles and a person row; the same token cannot be used twice', async () => {
		const contact = await createPerson(db, networkId, {
			firstName: 'Ines',
			lastName: 'Kontakt',
			email: 'ines.accept@example.test'
		});
		const { invitation, link } = await inviteOrgAdmin('ines.accept@example.test');
		const token = tokenOf(link);
		const offered = await findOfferedInvitation(networkId, token);
		expect(offered).toMatchObject({
			email: 'ines.accept@example.test',
			organisationName: 'Achsenbau Hasetal GmbH',
			organisationRole: 'org_admin',
			networkName: 'Automotive Testnetz',
			inviterName: 'Olga Office',
			hasAccount: false
		});

		const result = await acceptInvitationWithNewAccount({
			networkId,
			token,
			name: 'Ines Angenommen',
			password: 'lange-genug-und-selten',
			locale: 'de',
			context: { ipAddress: '203.0.113.7', userAgent: 'test' }
		});
		expect(result).toMatchObject({ ok: true, email: 'ines.accept@example.test' });
		if (!result.ok) throw new Error('accept failed');

		const [created] = await db.select().from(user).where(eq(user.id, result.userId));
		expect(created).toMatchObject({
			email: 'ines.accept@example.test',
			name: 'Ines Angenommen',
			emailVerified: true
		});
		const [credential] = await db.select().from(account).where(eq(account.userId, result.userId));
		expect(credential!.providerId).toBe('credential');
		expect(await verifyPassword({ hash: credential!.password!, password: 'lange-genug-und-selten' })).toBe(
			true
		);

		const roles = await db
			.select({ role: networkRoleAssignments.role })
			.from(networkRoleAssignments)
			.where(
				and(eq(networkRoleAssignments.networkId, networkId), eq(networkRoleAssignments.userId, result.userId))
			);
		expect(roles.map((r) => r.role)).toEqual(['member']);
		const memberships = await db
			.select()
			.from(organisationMemberships)
			.where(eq(organisationMemberships.userId, result.userId));
		expect(memberships).toMatchObject([{ organisationId, role: 'org_admin', networkId }]);
		// The existing contact with the same address is linked instead of a second row.
		const personRows = await db.select().from(people).where(eq(people.userId, result.userId));
		expect(personRows.map((p) => p.id)).toEqual([contact.id]);
		expect(personRows[0]!.organisationId).toBe(organisationId);

		const [accepted] = await db.select().from(invitations).where(eq(invitations.id, invitation.id));
		expect(accepted!.acceptedAt).toBeInstanceOf(Date);
		const [audit] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.targetId, invitation.id), eq(auditLog.action, 'invitation.accepted')));
		expect(audit!.ipAddress).toBe('203.0.113.7');

		const again = await acceptInvitationWithNewAccount({
			networkId,
			token,
			name: 'Zweiter Versuch',
			password: 'noch-ein-langes-passwort',
			locale: 'de'
		});
		expect(again).toEqual({ ok: false, reason: 'INVALID' });
		expect(await findOfferedInvitation(networkId, token)).toBeNull();
	});

	it('lets exactly one of two simultaneous accepts win', async () => {
		const { link } = await inviteOrgAdmin('race@example.test');
		const token = tokenOf(link);
		const results = await Promise.all(
			[1, 2].map((n) =>
				acceptInvitationWithNewAccount({
					networkId,
					token,
					name: `Racer ${n}`,
					password: 'ein-langes-passwort',
					locale: 'de'
				})
			)
		);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(['INVALID']);
		expect(await db.select().from(user).where(eq(user.email, 'race@example.test'))).toHaveLength(1);
	});

	it('refuses an expired token', async () => {
		const { invitation, link } = await inviteOrgAdmin('expired@example.test');
		await db
			.update(invitations)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(invitations.id, invitation.id));
		expect(await findOfferedInvitation(networkId, tokenOf(link))).toBeNull();
		const result = await acceptInvitationWithNewAccount({
			networkId,
			token: tokenOf(link),
			name: 'Zu Spät',
			password: 'ein-langes-passwort',
			locale: 'de'
		});
		expect(result).toEqual({ ok: false, reason: 'INVALID' });
		expect(await db.select().from(user).where(eq(user.email, 'expired@example.test'))).toHaveLength(0);
	});

	it('refuses a revoked token, and revoking is audited', async () => {
		const { invitation, link } = await inviteOrgAdmin('revoked@example.test');
		expect(await revokeInvitation({ actor: office, networkId, invitationId: invitation.id })).toEqual({
			ok: true
		});
		expect(await revokeInvitation({ actor: office, networkId, invitationId: invitation.id })).toEqual({
			ok: false,
			reason: 'NOT_PENDING'
		});
		const result = await acceptInvitationWithNewAccount({
			networkId,
			token: tokenOf(link),
			name: 'Zurückgezogen',
			password: 'ein-langes-passwort',
			locale: 'de'
		});
		expect(result).toEqual({ ok: false, reason: 'INVALID' });
		const actions = await db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(eq(auditLog.targetId, invitation.id));
		expect(actions.map((a) => a.action).sort()).toEqual(['invitation.created', 'invitation.revoked']);
	});

	it('resending issues a new token and a new mail; the old token stops working', async () => {
		const { invitation, link } = await inviteOrgAdmin('resend@example.test');
		const resent = await resendInvitation({ actor: office, networkId, invitationId: invitation.id, origin });
		expect(resent.ok).toBe(true);
		if (!resent.ok) throw new Error('resend failed');
		expect(tokenOf(resent.link)).not.toBe(tokenOf(link));
		expect(await findOfferedInvitation(networkId, tokenOf(link))).toBeNull();
		expect(await findOfferedInvitation(networkId, tokenOf(resent.link))).not.toBeNull();
		const mails = await db
			.select()
			.from(mailMessages)
			.where(eq(mailMessages.toAddress, 'resend@example.test'));
		expect(mails).toHaveLength(2);
		expect(mails.some((mail) => mail.textBody.includes(resent.link))).toBe(true);

		const old = await acceptInvitationWithNewAccount({
			networkId,
			token: tokenOf(link),
			name: 'Alt',
			password: 'ein-langes-passwort',
			locale: 'de'
		});
		expect(old).toEqual({ ok: false, reason: 'INVALID' });
		const fresh = await acceptInvitationWithNewAccount({
			networkId,
			token: tokenOf(resent.link),
			name: 'Neu',
			password: 'ein-langes-passwort',
			locale: 'de'
		});
		expect(fresh.ok).toBe(true);
	});

	it('refuses common and short passwords without using up the invitation', async () => {
		const { link } = await inviteOrgAdmin('weak@example.test');
		const weak = await acceptInvitationWithNewAccount({
			networkId,
			token: tokenOf(link),
			name: 'W',
			password: 'password123',
			locale: 'de'
		});
		expect(weak).toEqual({ ok: false, reason: 'too_common' });
		const short = await acceptInvitationWithNewAccount({
			networkId,
			token: tokenOf(link),
			name: 'W',
			password: 'kurz',
			locale: 'de'
		});
		expect(short).toEqual({ ok: false, reason: 'too_short' });
		expect(await findOfferedInvitation(networkId, tokenOf(link))).not.toBeNull();
	});

	it('an existing account is not created twice but accepts while signed in, with the matching address only', async () => {
		const existing = await createUser(db, { email: 'existing@example.test', name: 'Erik Existing' });
		const { link } = await createInvitation({
			networkId,
			invitedBy: office,
			email: 'existing@example.test',
			name: 'Erik',
			networkRole: 'board',
			origin,
			locale: 'de'
		});
		const token = tokenOf(link);
		expect((await findOfferedInvitation(networkId, token))!.hasAccount).toBe(true);
		const duplicate = await acceptInvitationWithNewAccount({
			networkId,
			token,
			name: 'E',
			password: 'ein-langes-passwort',
			locale: 'de'
		});
		expect(duplicate).toEqual({ ok: false, reason: 'ACCOUNT_EXISTS' });

		const someoneElse = await createUser(db, { email: 'someone@example.test' });
		const wrong = await acceptInvitationAsUser({
			networkId,
			token,
			user: { id: someoneElse.id, email: someoneElse.email, name: someoneElse.name }
		});
		expect(wrong).toEqual({ ok: false, reason: 'WRONG_ACCOUNT' });

		const accepted = await acceptInvitationAsUser({
			networkId,
			token,
			user: { id: existing.id, email: existing.email, name: existing.name }
		});
		expect(accepted.ok).toBe(true);
		const roles = await db
			.select({ role: networkRoleAssignments.role })
			.from(networkRoleAssignments)
			.where(
				and(eq(networkRoleAssignments.networkId, networkId), eq(networkRoleAssignments.userId, existing.id))
			);
		expect(roles.map((r) => r.role)).toEqual(['board']);
		expect(await db.select().from(people).where(eq(people.userId, existing.id))).toHaveLength(1);
		const second = await acceptInvitationAsUser({
			networkId,
			token,
			user: { id: existing.id, email: existing.email, name: existing.name }
		});
		expect(second).toEqual({ ok: false, reason: 'INVALID' });
	});

	it('a token is only valid in its own network', async () => {
		const { link } = await inviteOrgAdmin('network-scope@example.test');
		expect(await findOfferedInvitation(otherNetworkId, tokenOf(link))).toBeNull();
		const result = await acceptInvitationWithNewAccount({
			networkId: otherNetworkId,
			token: tokenOf(link),
			name: 'N',
			password: 'ein-langes-passwort',
			locale: 'de'
		});
		expect(result).toEqual({ ok: false, reason: 'INVALID' });
	});
});

describe('listInvitations', () => {
	it('filters by status and never shows another network', async () => {
		const foreignOffice = await createUser(db);
		await grantNetworkRole(db, otherNetworkId, foreignOffice.id, 'office');
		const foreignOrganisation = await createOrganisation(db, otherNetworkId);
		await createInvitation({
			networkId: otherNetworkId,
			invitedBy: await loadActor(otherNetworkId, foreignOffice),
			email: 'foreign@example.test',
			name: '',
			organisationId: foreignOrganisation.id,
			origin,
			locale: 'de'
		});
		const all = await listInvitations(networkId, { page: 1, pageSize: 100 });
		expect(all.total).toBe(all.rows.length);
		expect(all.rows.some((r) => r.email === 'foreign@example.test')).toBe(false);
		const byStatus = async (status: 'pending' | 'accepted' | 'expired' | 'revoked') =>
			(await listInvitations(networkId, { status, page: 1, pageSize: 100 })).rows.map((r) => r.email);
		expect(await byStatus('expired')).toEqual(['expired@example.test']);
		expect(await byStatus('revoked')).toEqual(['revoked@example.test']);
		expect(await byStatus('accepted')).toEqual(
			expect.arrayContaining(['ines.accept@example.test', 'resend@example.test', 'existing@example.test'])
		);
		expect(await byStatus('pending')).toContain('weak@example.test');
		expect(await byStatus('pending')).not.toContain('ines.accept@example.test');
		const paged = await listInvitations(networkId, { page: 2, pageSize: 3 });
		expect(paged.rows).toHaveLength(3);
		expect(paged.total).toBe(all.total);
	});
});
