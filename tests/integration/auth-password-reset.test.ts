import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../helpers/database.ts';
import { TestBrowser, createTestAuth } from '../helpers/auth-browser.ts';
import { auditLog, mailMessages, session } from '../../src/lib/server/db/schema/index.ts';
import { networks } from '../../src/lib/server/db/schema/index.ts';
import { forgetNetworkCache } from '../../src/lib/server/networks/queries.ts';
import { createNetwork, createUser } from '../../src/lib/server/testing/factories.ts';
import {
	requestPasswordReset,
	resetPassword,
	isResetTokenValid
} from '../../src/lib/server/auth/password-reset.ts';
import { signIn } from '../../src/lib/server/auth/sign-in.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let testAuth: ReturnType<typeof createTestAuth>;
let networkId: string;
const oldPassword = 'Alter-Leuchtturm-am-Deich-1';
const newPassword = 'Neuer-Morgen-ueber-Feldern-2';

beforeAll(async () => {
	database = await useFreshDatabase();
	networkId = (await createNetwork(database.db)).id;
	testAuth = createTestAuth(database.db, { networkId });
});
afterAll(() => database.close());

async function resetMails(address: string) {
	return database.db
		.select()
		.from(mailMessages)
		.where(and(eq(mailMessages.toAddress, address), eq(mailMessages.kind, 'password-reset')))
		.orderBy(desc(mailMessages.createdAt));
}

const tokenIn = (text: string) => {
	const match = text.match(/http:\/\/localhost:3000\/reset-password\?token=([^\s]+)/);
	return match ? decodeURIComponent(match[1]!) : null;
};

describe('password reset by mail', () => {
	it('mails a link; the token sets a new password once, ends every session, and is audited', async () => {
		const account = await createUser(database.db, {
			email: 'greta@example.test',
			password: oldPassword,
			locale: 'en'
		});
		const laptop = new TestBrowser({ ipAddress: '192.0.2.30' });
		const phone = new TestBrowser({ ipAddress: '192.0.2.31' });
		await signIn(testAuth.callFrom(laptop), { email: account.email, password: oldPassword });
		await signIn(testAuth.callFrom(phone), { email: account.email, password: oldPassword });
		expect(await database.db.select().from(session).where(eq(session.userId, account.id))).toHaveLength(2);

		const stranger = new TestBrowser({ ipAddress: '192.0.2.32' });
		expect(await requestPasswordReset(testAuth.callFrom(stranger), { email: 'Greta@example.test' })).toEqual({
			ok: true
		});
		const [mail] = await resetMails(account.email);
		expect(mail?.subject).toMatch(/Reset your password/); // the account's language
		const token = tokenIn(mail!.textBody)!;
		expect(await isResetTokenValid(token)).toBe(true);

		expect(await resetPassword(testAuth.callFrom(stranger), { token, password: newPassword })).toEqual({
			ok: true
		});
		expect(await database.db.select().from(session).where(eq(session.userId, account.id))).toHaveLength(0);
		expect(await testAuth.sessionOf(laptop)).toBeNull();

		// Single use.
		expect(await isResetTokenValid(token)).toBe(false);
		expect(
			await resetPassword(testAuth.callFrom(stranger), { token, password: 'Noch-ein-Versuch-am-See-3' })
		).toEqual({
			ok: false,
			reason: 'invalid_token'
		});

		const fresh = new TestBrowser({ ipAddress: '192.0.2.33' });
		expect(
			await signIn(testAuth.callFrom(fresh), { email: account.email, password: oldPassword })
		).toMatchObject({ ok: false });
		expect(
			await signIn(testAuth.callFrom(fresh), { email: account.email, password: newPassword })
		).toMatchObject({ ok: true });

		const audits = await database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'auth.password_reset'), eq(auditLog.actorUserId, account.id)));
		expect(audits).toHaveLength(1);
		expect(JSON.stringify(audits)).not.toContain(newPassword);
	});

	it('answers an unknown address exactly like a known one and mails nothing', async () => {
		const browser = new TestBrowser({ ipAddress: '192.0.2.34' });
		expect(
			await requestPasswordReset(testAuth.callFrom(browser), { email: 'unbekannt@example.test' })
		).toEqual({ ok: true });
		expect(await resetMails('unbekannt@example.test')).toHaveLength(0);
	});

	it('refuses a common password and an unknown token', async () => {
		const account = await createUser(database.db, { email: 'hanna@example.test', password: oldPassword });
		const browser = new TestBrowser({ ipAddress: '192.0.2.35' });
		await requestPasswordReset(testAuth.callFrom(browser), { email: account.email });
		const token = tokenIn((await resetMails(account.email))[0]!.textBody)!;
		expect(await resetPassword(testAuth.callFrom(browser), { token, password: 'iloveyou123' })).toEqual({
			ok: false,
			reason: 'password_too_common'
		});
		// The token survives a refused attempt.
		expect(await isResetTokenValid(token)).toBe(true);
		expect(
			await resetPassword(testAuth.callFrom(browser), { token: 'erfunden', password: newPassword })
		).toEqual({
			ok: false,
			reason: 'invalid_token'
		});
	});

	it('limits requests per address (3 an hour) and per client (5 an hour)', async () => {
		await createUser(database.db, { email: 'ida@example.test' });
		const browser = new TestBrowser({ ipAddress: '192.0.2.36' });
		const perAccount = [];
		for (let i = 0; i < 4; i++)
			perAccount.push(await requestPasswordReset(testAuth.callFrom(browser), { email: 'ida@example.test' }));
		expect(perAccount.map((r) => r.ok)).toEqual([true, true, true, false]);
		expect(perAccount[3]).toMatchObject({ reason: 'rate_limited' });
		expect(await resetMails('ida@example.test')).toHaveLength(3);

		const other = new TestBrowser({ ipAddress: '192.0.2.37' });
		const perIp = [];
		for (let i = 0; i < 6; i++)
			perIp.push(await requestPasswordReset(testAuth.callFrom(other), { email: `jemand-${i}@example.test` }));
		expect(perIp.map((r) => r.ok)).toEqual([true, true, true, true, true, false]);
	});

	it('links to a configured origin even when the request named another host', async () => {
		await createUser(database.db, { email: 'jana@example.test' });
		const poisoned = createTestAuth(database.db, { networkId, requestOrigin: 'https://evil.example' });
		await requestPasswordReset(poisoned.callFrom(new TestBrowser({ ipAddress: '192.0.2.38' })), {
			email: 'jana@example.test'
		});
		const [mail] = await resetMails('jana@example.test');
		expect(mail!.textBody).toContain('http://localhost:3000/reset-password?token=');
		expect(mail!.textBody).not.toContain('evil.example');
	});

	it("uses the request's origin when it is a host configured for a network", async () => {
		await database.db
			.update(networks)
			.set({ hosts: ['netz.example.test'] })
			.where(eq(networks.id, networkId));
		forgetNetworkCache();
		await createUser(database.db, { email: 'karl@example.test' });
		const ownHost = createTestAuth(database.db, { networkId, requestOrigin: 'https://netz.example.test' });
		await requestPasswordReset(ownHost.callFrom(new TestBrowser({ ipAddress: '192.0.2.39' })), {
			email: 'karl@example.test'
		});
		const [mail] = await resetMails('karl@example.test');
		expect(mail!.textBody).toContain('https://netz.example.test/reset-password?token=');
	});
});
