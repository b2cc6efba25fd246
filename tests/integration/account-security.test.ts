import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../helpers/database.ts';
import { TestBrowser, createTestAuth } from '../helpers/auth-browser.ts';
import { auditLog, mailMessages, session, user } from '../../src/lib/server/db/schema/index.ts';
import { createNetwork, createUser } from '../../src/lib/server/testing/factories.ts';
import { signIn } from '../../src/lib/server/auth/sign-in.ts';
import { verifyEmail } from '../../src/lib/server/auth/sign-up.ts';
import {
	changePassword,
	requestEmailChange,
	revokeSession,
	signOutEverywhere
} from '../../src/lib/server/account/security.ts';
import { findAccountProfile, listUserSessions } from '../../src/lib/server/account/queries.ts';
import { updateProfile } from '../../src/lib/server/account/mutations.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let testAuth: ReturnType<typeof createTestAuth>;
let networkId: string;
const password = 'Kurze-Pause-am-Kanal-5';

beforeAll(async () => {
	database = await useFreshDatabase();
	networkId = (await createNetwork(database.db)).id;
	testAuth = createTestAuth(database.db, { networkId });
});
afterAll(() => database.close());

async function signedInTwice(email: string) {
	const account = await createUser(database.db, { email, password });
	const owner = { userId: account.id, email: account.email };
	const laptop = new TestBrowser({
		ipAddress: '192.0.2.70',
		userAgent:
			'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36'
	});
	const phone = new TestBrowser({
		ipAddress: '192.0.2.71',
		userAgent:
			'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1'
	});
	await signIn(testAuth.callFrom(laptop), { email, password });
	await signIn(testAuth.callFrom(phone), { email, password });
	return { account, owner, laptop, phone };
}

const isSignedIn = async (browser: TestBrowser) => (await testAuth.sessionOf(browser)) !== null;

describe('changing the password', () => {
	it('requires the current password', async () => {
		const { owner, laptop } = await signedInTwice('lena@example.test');
		const result = await changePassword(testAuth.callFrom(laptop), owner, {
			currentPassword: 'nicht-das-alte-1',
			newPassword: 'Frischer-Wind-vom-Meer-6'
		});
		expect(result).toEqual({ ok: false, reason: 'wrong_password' });
		const fresh = new TestBrowser({ ipAddress: '192.0.2.72' });
		expect(await signIn(testAuth.callFrom(fresh), { email: owner.email, password })).toMatchObject({
			ok: true
		});
	});

	it('changes it, keeps this browser signed in, ends the other sessions, and is audited', async () => {
		const { owner, laptop, phone } = await signedInTwice('mara@example.test');
		const newPassword = 'Frischer-Wind-vom-Meer-6';
		expect(
			await changePassword(testAuth.callFrom(laptop), owner, { currentPassword: password, newPassword })
		).toEqual({ ok: true });
		expect(await isSignedIn(laptop)).toBe(true);
		expect(await isSignedIn(phone)).toBe(false);
		const fresh = new TestBrowser({ ipAddress: '192.0.2.73' });
		expect(await signIn(testAuth.callFrom(fresh), { email: owner.email, password })).toMatchObject({
			ok: false
		});
		expect(
			await signIn(testAuth.callFrom(fresh), { email: owner.email, password: newPassword })
		).toMatchObject({ ok: true });
		const audits = await database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'auth.password_changed'), eq(auditLog.actorUserId, owner.userId)));
		expect(audits).toHaveLength(1);
		expect(JSON.stringify(audits)).not.toContain(newPassword);
		expect(JSON.stringify(audits)).not.toContain(password);
	});

	it('refuses a common new password', async () => {
		const { owner, laptop } = await signedInTwice('nora@example.test');
		expect(
			await changePassword(testAuth.callFrom(laptop), owner, {
				currentPassword: password,
				newPassword: 'qwertyuiop'
			})
		).toEqual({
			ok: false,
			reason: 'password_too_common'
		});
	});

	it('limits guesses of the current password', async () => {
		const { owner, laptop } = await signedInTwice('olga@example.test');
		const results = [];
		for (let i = 0; i < 6; i++) {
			results.push(
				await changePassword(testAuth.callFrom(laptop), owner, {
					currentPassword: `guess-${i}-guess`,
					newPassword: 'Frischer-Wind-vom-Meer-6'
				})
			);
		}
		expect(results.slice(0, 5).every((r) => !r.ok && r.reason === 'wrong_password')).toBe(true);
		expect(results[5]).toMatchObject({ ok: false, reason: 'rate_limited' });
	});
});

describe('sessions', () => {
	it('lists the sessions with browser and address; revokes one; a foreign id finds nothing', async () => {
		const { owner, laptop, phone } = await signedInTwice('pia@example.test');
		const sessions = await listUserSessions(owner.userId);
		expect(sessions).toHaveLength(2);
		expect(sessions.map((s) => s.ipAddress).sort()).toEqual(['192.0.2.70', '192.0.2.71']);
		const phoneSession = sessions.find((s) => s.ipAddress === '192.0.2.71')!;

		const stranger = await signedInTwice('quinn@example.test');
		expect(await revokeSession(testAuth.callFrom(stranger.laptop), stranger.owner, phoneSession.id)).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(await isSignedIn(phone)).toBe(true);

		expect(await revokeSession(testAuth.callFrom(laptop), owner, phoneSession.id)).toEqual({ ok: true });
		expect(await isSignedIn(phone)).toBe(false);
		expect(await isSignedIn(laptop)).toBe(true);
		expect(await listUserSessions(owner.userId)).toHaveLength(1);
	});

	it('"sign out everywhere" ends every session, this one included, and is audited', async () => {
		const { owner, laptop, phone } = await signedInTwice('rosa@example.test');
		await signOutEverywhere(testAuth.callFrom(laptop), owner);
		expect(await isSignedIn(laptop)).toBe(false);
		expect(await isSignedIn(phone)).toBe(false);
		expect(laptop.hasCookie('session_token')).toBe(false);
		expect(await database.db.select().from(session).where(eq(session.userId, owner.userId))).toHaveLength(0);
		const audits = await database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'auth.sign_out_everywhere'), eq(auditLog.actorUserId, owner.userId)));
		expect(audits).toHaveLength(1);
		expect(audits[0]?.ipAddress).toBe('192.0.2.70');
	});
});

describe('changing the e-mail address', () => {
	it('requires the current password, mails the new address, and switches when the link is opened', async () => {
		const { owner, laptop } = await signedInTwice('sara@example.test');
		expect(
			await requestEmailChange(testAuth.callFrom(laptop), owner, {
				email: 'sara.neu@example.test',
				currentPassword: 'falsch-falsch-2'
			})
		).toEqual({
			ok: false,
			reason: 'wrong_password'
		});
		expect(
			await requestEmailChange(testAuth.callFrom(laptop), owner, {
				email: 'SARA@example.test',
				currentPassword: password
			})
		).toEqual({
			ok: false,
			reason: 'same_email'
		});
		expect(
			await requestEmailChange(testAuth.callFrom(laptop), owner, {
				email: 'sara.neu@example.test',
				currentPassword: password
			})
		).toEqual({ ok: true });

		const [mail] = await database.db
			.select()
			.from(mailMessages)
			.where(eq(mailMessages.toAddress, 'sara.neu@example.test'))
			.orderBy(desc(mailMessages.createdAt));
		expect(mail?.kind).toBe('change-email');
		const token = decodeURIComponent(mail!.textBody.match(/\/verify-email\?token=([^\s]+)/)![1]!);
		// Unchanged until the link is opened.
		expect((await findAccountProfile(owner.userId))?.email).toBe('sara@example.test');

		expect(await verifyEmail(testAuth.callFrom(laptop), { token })).toMatchObject({
			ok: true,
			kind: 'email_changed',
			email: 'sara.neu@example.test'
		});
		const profile = await findAccountProfile(owner.userId);
		expect(profile).toMatchObject({ email: 'sara.neu@example.test', emailVerified: true });
		const fresh = new TestBrowser({ ipAddress: '192.0.2.74' });
		expect(
			await signIn(testAuth.callFrom(fresh), { email: 'sara.neu@example.test', password })
		).toMatchObject({ ok: true });

		const actions = (
			await database.db.select().from(auditLog).where(eq(auditLog.targetId, owner.userId))
		).map((r) => r.action);
		expect(actions).toEqual(expect.arrayContaining(['auth.email_change_requested', 'auth.email_changed']));
	});

	it('answers the same for an address that is already taken, and sends nothing there', async () => {
		const { owner, laptop } = await signedInTwice('tina@example.test');
		await createUser(database.db, { email: 'vergeben@example.test' });
		expect(
			await requestEmailChange(testAuth.callFrom(laptop), owner, {
				email: 'vergeben@example.test',
				currentPassword: password
			})
		).toEqual({ ok: true });
		expect(
			await database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, 'vergeben@example.test'))
		).toHaveLength(0);
		expect((await findAccountProfile(owner.userId))?.email).toBe('tina@example.test');
	});
});

describe('profile', () => {
	it('stores name, language and notification address', async () => {
		const account = await createUser(database.db, { email: 'uwe@example.test' });
		await updateProfile(account.id, {
			name: 'Uwe Umbenannt',
			locale: 'en',
			notificationEmail: 'team@example.test'
		});
		expect(await findAccountProfile(account.id)).toMatchObject({
			name: 'Uwe Umbenannt',
			locale: 'en',
			notificationEmail: 'team@example.test'
		});
		await updateProfile(account.id, { name: 'Uwe', locale: 'de', notificationEmail: null });
		const [row] = await database.db.select().from(user).where(eq(user.id, account.id));
		expect(row).toMatchObject({ name: 'Uwe', locale: 'de', notificationEmail: null });
	});
});
