import { rateLimitRules } from '../../src/lib/server/rate-limit/mutations.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { useFreshDatabase } from '../helpers/database.ts';
import { TestBrowser, createTestAuth } from '../helpers/auth-browser.ts';
import { auditLog, session } from '../../src/lib/server/db/schema/index.ts';
import { createNetwork, createUser } from '../../src/lib/server/testing/factories.ts';
import { signIn, signOut } from '../../src/lib/server/auth/sign-in.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let testAuth: ReturnType<typeof createTestAuth>;
let networkId: string;
const password = 'Stiller-Hafen-bei-Nacht-7';

beforeAll(async () => {
	database = await useFreshDatabase();
	networkId = (await createNetwork(database.db)).id;
	testAuth = createTestAuth(database.db, { networkId });
});
afterAll(() => database.close());

const auditRows = (email: string) =>
	database.db.select().from(auditLog).where(eq(auditLog.actorEmail, email)).orderBy(auditLog.createdAt);

describe('sign-in', () => {
	it('signs in with the right password: HttpOnly, SameSite=Lax session cookie; audited without the password', async () => {
		const account = await createUser(database.db, { email: 'anna@example.test', password });
		const browser = new TestBrowser({ ipAddress: '192.0.2.10' });
		const result = await signIn(testAuth.callFrom(browser), { email: 'Anna@Example.test ', password });
		expect(result).toMatchObject({ ok: true, user: { id: account.id } });

		const cookie = browser.written.find((c) => c.name === 'kp.session_token');
		expect(cookie?.options).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/' });
		// Plain http in the tests: not Secure (a browser would drop a Secure cookie on http).
		expect(cookie?.options.secure).toBe(false);

		const [stored] = await database.db.select().from(session).where(eq(session.userId, account.id));
		expect(stored?.ipAddress).toBe('192.0.2.10');
		expect(stored?.userAgent).toContain('Firefox');

		const rows = await auditRows('anna@example.test');
		expect(rows.map((r) => r.action)).toEqual(['auth.sign_in']);
		expect(rows[0]).toMatchObject({ actorUserId: account.id, ipAddress: '192.0.2.10' });
		expect(rows[0]!.userAgent).toContain('Firefox');
		expect(JSON.stringify(rows)).not.toContain(password);
	});

	it('sets Secure cookies when the request came over https (e.g. through a proxy)', async () => {
		await createUser(database.db, { email: 'https@example.test', password });
		const browser = new TestBrowser({ ipAddress: '192.0.2.11', origin: 'https://netz.example.test/' });
		expect(await signIn(testAuth.callFrom(browser), { email: 'https@example.test', password })).toMatchObject(
			{ ok: true }
		);
		const cookie = browser.written.find((c) => c.name === 'kp.session_token');
		expect(cookie?.options).toMatchObject({ secure: true, httpOnly: true, sameSite: 'lax' });
	});

	it('refuses a wrong password and an unknown address alike, and audits both without the password', async () => {
		await createUser(database.db, { email: 'bert@example.test', password });
		const browser = new TestBrowser({ ipAddress: '192.0.2.12' });
		const wrong = await signIn(testAuth.callFrom(browser), {
			email: 'bert@example.test',
			password: 'falsch-falsch-falsch'
		});
		const unknown = await signIn(testAuth.callFrom(browser), {
			email: 'gibtsnicht@example.test',
			password: 'falsch-falsch-falsch'
		});
		expect(wrong).toEqual({ ok: false, reason: 'invalid_credentials' });
		expect(unknown).toEqual(wrong);
		expect(browser.hasCookie('session_token')).toBe(false);

		for (const email of ['bert@example.test', 'gibtsnicht@example.test']) {
			const rows = await auditRows(email);
			expect(rows).toHaveLength(1);
			expect(rows[0]).toMatchObject({
				action: 'auth.sign_in_failed',
				actorUserId: null,
				ipAddress: '192.0.2.12',
				details: { email, reason: 'invalid_credentials' }
			});
			expect(rows[0]!.userAgent).toContain('Firefox');
			expect(JSON.stringify(rows[0])).not.toContain('falsch-falsch-falsch');
		}
	});

	it('after five wrong passwords for one account, refuses the sixth even with the right password; other accounts are unaffected', async () => {
		await createUser(database.db, { email: 'carla@example.test', password });
		await createUser(database.db, { email: 'dora@example.test', password });
		const attacker = new TestBrowser({ ipAddress: '192.0.2.13' });
		for (let i = 0; i < 5; i++) {
			expect(
				await signIn(testAuth.callFrom(attacker), {
					email: 'carla@example.test',
					password: `rate-${i}-wrong-pw`
				})
			).toEqual({
				ok: false,
				reason: 'invalid_credentials'
			});
		}
		// The owner, from elsewhere, with the right password:
		const owner = new TestBrowser({ ipAddress: '192.0.2.14' });
		const sixth = await signIn(testAuth.callFrom(owner), { email: 'carla@example.test', password });
		expect(sixth).toMatchObject({ ok: false, reason: 'rate_limited' });
		expect((sixth as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
		expect(owner.hasCookie('session_token')).toBe(false);

		const other = await signIn(testAuth.callFrom(attacker), { email: 'dora@example.test', password });
		expect(other).toMatchObject({ ok: true });

		const limited = (await auditRows('carla@example.test')).filter((r) => r.action === 'auth.sign_in_failed');
		expect(limited.at(-1)?.details).toMatchObject({ reason: 'rate_limited_account' });
	});

	it('a successful sign-in clears the account counter but not the address counter', async () => {
		await createUser(database.db, { email: 'emil@example.test', password });
		const browser = new TestBrowser({ ipAddress: '192.0.2.15' });
		for (let i = 0; i < 4; i++) {
			await signIn(testAuth.callFrom(browser), { email: 'emil@example.test', password: `clear-${i}-wrong` });
		}
		expect(await signIn(testAuth.callFrom(browser), { email: 'emil@example.test', password })).toMatchObject({
			ok: true
		});
		const counters = await database.db.execute<{ key: string; count: number }>(
			sql`select key, count from rate_limits where key in ('sign-in:account:emil@example.test', 'sign-in:ip:192.0.2.15')`
		);
		const byKey = Object.fromEntries(
			(counters as unknown as { rows: { key: string; count: number }[] }).rows.map((r) => [r.key, r.count])
		);
		expect(byKey).toEqual({ 'sign-in:ip:192.0.2.15': 5 });
		// Four more wrong ones are allowed again (the account window restarted).
		for (let i = 0; i < 4; i++) {
			expect(
				await signIn(testAuth.callFrom(browser), { email: 'emil@example.test', password: `again-${i}-wrong` })
			).toMatchObject({
				reason: 'invalid_credentials'
			});
		}
	});

	it('limits sign-in attempts per client address across accounts', async () => {
		const browser = new TestBrowser({ ipAddress: '192.0.2.16' });
		const { limit } = rateLimitRules.signInPerIp;
		const results = [];
		for (let i = 0; i <= limit; i++) {
			results.push(
				await signIn(testAuth.callFrom(browser), {
					email: `spray-${i}@example.test`,
					password: 'spray-spray-spray'
				})
			);
		}
		expect(results.slice(0, limit).every((r) => !r.ok && r.reason === 'invalid_credentials')).toBe(true);
		expect(results[limit]).toMatchObject({ ok: false, reason: 'rate_limited' });
		const [last] = await auditRows(`spray-${limit}@example.test`);
		expect(last?.details).toMatchObject({ reason: 'rate_limited_ip' });
	});

	it('signs out: the session is gone and the sign-out is audited', async () => {
		const account = await createUser(database.db, { email: 'frida@example.test', password });
		const browser = new TestBrowser({ ipAddress: '192.0.2.17' });
		await signIn(testAuth.callFrom(browser), { email: 'frida@example.test', password });
		expect(await testAuth.sessionOf(browser)).not.toBeNull();
		const headersBefore = browser.headers();
		await signOut(testAuth.callFrom(browser), { userId: account.id, email: account.email });
		expect(browser.hasCookie('session_token')).toBe(false);
		expect(await testAuth.auth.api.getSession({ headers: headersBefore })).toBeNull();
		expect(await database.db.select().from(session).where(eq(session.userId, account.id))).toHaveLength(0);
		const rows = await database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'auth.sign_out'), eq(auditLog.actorUserId, account.id)));
		expect(rows).toHaveLength(1);
	});
});
