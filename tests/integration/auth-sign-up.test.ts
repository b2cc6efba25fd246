import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../helpers/database.ts';
import { TestBrowser, createTestAuth } from '../helpers/auth-browser.ts';
import { auditLog, mailMessages, user } from '../../src/lib/server/db/schema/index.ts';
import { createNetwork, createUser } from '../../src/lib/server/testing/factories.ts';
import { resendVerification, signUp, verifyEmail } from '../../src/lib/server/auth/sign-up.ts';
import { signIn } from '../../src/lib/server/auth/sign-in.ts';
import { signUpSchema } from '../../src/lib/server/auth/schemas.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let testAuth: ReturnType<typeof createTestAuth>;
let networkId: string;

beforeAll(async () => {
	database = await useFreshDatabase();
	networkId = (await createNetwork(database.db)).id;
	testAuth = createTestAuth(database.db, { networkId, networkName: 'Autonetz Test' });
});
afterAll(() => database.close());

async function latestMailTo(address: string, kind: string) {
	const [mail] = await database.db
		.select()
		.from(mailMessages)
		.where(and(eq(mailMessages.toAddress, address), eq(mailMessages.kind, kind)))
		.orderBy(desc(mailMessages.createdAt))
		.limit(1);
	return mail;
}

function tokenFrom(text: string, path: string) {
	const match = text.match(new RegExp(`http://localhost:3000${path}\\?token=([^\\s]+)`));
	return match ? decodeURIComponent(match[1]!) : null;
}

describe('sign-up and e-mail verification', () => {
	it('mails a verification link whose token confirms the address; then sign-in works', async () => {
		const browser = new TestBrowser({ ipAddress: '198.51.100.1' });
		const email = 'neu.person@example.test';
		const password = 'Gruene-Wiese-am-Hafen-42';
		expect(
			await signUp(testAuth.callFrom(browser), { name: 'Neue Person', email, password, locale: 'de' })
		).toEqual({ ok: true });

		const refused = await signIn(testAuth.callFrom(browser), { email, password });
		expect(refused).toEqual({ ok: false, reason: 'email_not_verified' });
		expect(browser.hasCookie('session_token')).toBe(false);

		const mail = await latestMailTo(email, 'verify-email');
		expect(mail?.status).toBe('outbox');
		expect(mail?.networkId).toBe(networkId);
		expect(mail?.subject).toContain('Autonetz Test');
		const token = tokenFrom(mail!.textBody, '/verify-email');
		expect(token).toBeTruthy();

		expect(await verifyEmail(testAuth.callFrom(browser), { token: token! })).toMatchObject({
			ok: true,
			kind: 'verified'
		});
		const [row] = await database.db.select().from(user).where(eq(user.email, email));
		expect(row?.emailVerified).toBe(true);
		expect(row?.locale).toBe('de');

		const result = await signIn(testAuth.callFrom(browser), { email, password });
		expect(result).toMatchObject({ ok: true, user: { email, name: 'Neue Person' } });
		expect(browser.hasCookie('kp.session_token')).toBe(true);
		const session = await testAuth.sessionOf(browser);
		expect(session?.user.email).toBe(email);
	});

	it('answers an address that already has an account like any other, and sends nothing new', async () => {
		const existing = await createUser(database.db, { email: 'schon.da@example.test' });
		const browser = new TestBrowser({ ipAddress: '198.51.100.2' });
		const before = await database.db
			.select()
			.from(mailMessages)
			.where(eq(mailMessages.toAddress, existing.email));
		const result = await signUp(testAuth.callFrom(browser), {
			name: 'Jemand',
			email: existing.email,
			password: 'Ein-anderes-Passwort-77',
			locale: 'en'
		});
		expect(result).toEqual({ ok: true });
		const after = await database.db
			.select()
			.from(mailMessages)
			.where(eq(mailMessages.toAddress, existing.email));
		expect(after).toHaveLength(before.length);
	});

	it('refuses a common password with a field error before anything is created', () => {
		const parsed = signUpSchema.safeParse({
			name: 'Kurt',
			email: 'kurt@example.test',
			password: 'password123',
			passwordConfirm: 'password123'
		});
		expect(parsed.success).toBe(false);
		expect(parsed.error!.issues).toEqual([
			expect.objectContaining({ path: ['password'], message: 'validation_password_too_common' })
		]);
	});

	it('refuses a common password in the service too (better-auth hook), creating no account', async () => {
		const browser = new TestBrowser({ ipAddress: '198.51.100.3' });
		const result = await signUp(testAuth.callFrom(browser), {
			name: 'Kurt',
			email: 'kurt@example.test',
			password: 'password123',
			locale: 'de'
		});
		expect(result).toEqual({ ok: false, reason: 'password_too_common' });
		expect(await database.db.select().from(user).where(eq(user.email, 'kurt@example.test'))).toHaveLength(0);
	});

	it('limits sign-ups per client address', async () => {
		const browser = new TestBrowser({ ipAddress: '198.51.100.4' });
		const results = [];
		for (let i = 0; i < 6; i++) {
			results.push(
				await signUp(testAuth.callFrom(browser), {
					name: `Person ${i}`,
					email: `limit-${i}@example.test`,
					password: 'Ruhiger-Fluss-im-Tal-9',
					locale: 'de'
				})
			);
		}
		expect(results.slice(0, 5).every((r) => r.ok)).toBe(true);
		expect(results[5]).toMatchObject({ ok: false, reason: 'rate_limited' });
		expect(await database.db.select().from(user).where(eq(user.email, 'limit-5@example.test'))).toHaveLength(
			0
		);
	});

	it('sends the link again for an unconfirmed address, and answers alike for unknown ones', async () => {
		const browser = new TestBrowser({ ipAddress: '198.51.100.5' });
		const email = 'spaeter@example.test';
		await signUp(testAuth.callFrom(browser), {
			name: 'Später',
			email,
			password: 'Leiser-Regen-ueber-Wiesen-3',
			locale: 'en'
		});
		const first = await latestMailTo(email, 'verify-email');
		expect(first?.subject).toContain('Please confirm');

		expect(await resendVerification(testAuth.callFrom(browser), { email })).toEqual({ ok: true });
		expect(await resendVerification(testAuth.callFrom(browser), { email: 'niemand@example.test' })).toEqual({
			ok: true
		});
		const all = await database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email));
		expect(all).toHaveLength(2);
		expect(
			await database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, 'niemand@example.test'))
		).toHaveLength(0);
	});

	it('rejects a forged or altered verification token', async () => {
		const browser = new TestBrowser({ ipAddress: '198.51.100.6' });
		const mail = await latestMailTo('spaeter@example.test', 'verify-email');
		const token = tokenFrom(mail!.textBody, '/verify-email')!;
		const altered = token.slice(0, -3) + (token.endsWith('AAA') ? 'BBB' : 'AAA');
		expect(await verifyEmail(testAuth.callFrom(browser), { token: altered })).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(await verifyEmail(testAuth.callFrom(browser), { token: 'not-a-token' })).toEqual({
			ok: false,
			reason: 'invalid'
		});
		const [row] = await database.db.select().from(user).where(eq(user.email, 'spaeter@example.test'));
		expect(row?.emailVerified).toBe(false);
	});

	it('audits the refused sign-in of an unconfirmed account', async () => {
		const rows = await database.db
			.select()
			.from(auditLog)
			.where(
				and(eq(auditLog.action, 'auth.sign_in_failed'), eq(auditLog.actorEmail, 'neu.person@example.test'))
			);
		expect(rows[0]?.details).toMatchObject({ reason: 'email_not_verified' });
		expect(rows[0]?.ipAddress).toBe('198.51.100.1');
	});
});
