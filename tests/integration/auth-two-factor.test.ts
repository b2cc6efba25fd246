import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { useFreshDatabase } from '../helpers/database.ts';
import { TestBrowser, createTestAuth } from '../helpers/auth-browser.ts';
import { auditLog, twoFactor, user } from '../../src/lib/server/db/schema/index.ts';
import { createNetwork, createUser } from '../../src/lib/server/testing/factories.ts';
import { completeSecondFactor, hasSecondFactorChallenge, signIn } from '../../src/lib/server/auth/sign-in.ts';
import {
	beginTwoFactorSetup,
	cancelTwoFactorSetup,
	confirmTwoFactorSetup,
	disableTwoFactor,
	findPendingSetup
} from '../../src/lib/server/auth/two-factor.ts';

let database: Awaited<ReturnType<typeof useFreshDatabase>>;
let testAuth: ReturnType<typeof createTestAuth>;
let networkId: string;
const password = 'Zwei-Schluessel-am-Bund-8';

beforeAll(async () => {
	database = await useFreshDatabase();
	networkId = (await createNetwork(database.db)).id;
	testAuth = createTestAuth(database.db, { networkId });
});
afterAll(() => database.close());

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s), computed independently of better-auth. */
function totp(base32Secret: string, at = Date.now()) {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	let bits = '';
	for (const char of base32Secret.replace(/\s+/g, '').toUpperCase())
		bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
	const key = Buffer.from(bits.match(/.{8}/g)!.map((byte) => parseInt(byte, 2)));
	const counter = Buffer.alloc(8);
	counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
	const mac = createHmac('sha1', key).update(counter).digest();
	const offset = mac[mac.length - 1]! & 0xf;
	return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

const secretOf = (uri: string) => new URL(uri).searchParams.get('secret')!;
const notThe = (code: string) => String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');

describe('TOTP two-factor authentication', () => {
	let owner: { userId: string; email: string };
	let secret: string;
	let backupCodes: string[];

	it('enables two-factor: password, QR code + secret, confirmation with a code, backup codes once', async () => {
		const account = await createUser(database.db, { email: 'otto@example.test', password });
		owner = { userId: account.id, email: account.email };
		const browser = new TestBrowser({ ipAddress: '192.0.2.50' });
		await signIn(testAuth.callFrom(browser), { email: account.email, password });

		expect(
			await beginTwoFactorSetup(testAuth.callFrom(browser), owner, {
				currentPassword: 'nicht-das-passwort',
				issuer: 'Autonetz'
			})
		).toEqual({
			ok: false,
			reason: 'wrong_password'
		});
		expect(await findPendingSetup(testAuth.auth, owner, 'Autonetz')).toBeNull();

		expect(
			await beginTwoFactorSetup(testAuth.callFrom(browser), owner, {
				currentPassword: password,
				issuer: 'Autonetz'
			})
		).toEqual({ ok: true });
		const pending = await findPendingSetup(testAuth.auth, owner, 'Autonetz');
		expect(pending?.uri).toMatch(
			/^otpauth:\/\/totp\/Autonetz:otto%40example\.test\?secret=[A-Z2-7]+&issuer=Autonetz&digits=6&period=30$/
		);
		expect(pending?.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
		expect(pending?.secret.replace(/\s/g, '')).toBe(secretOf(pending!.uri));
		secret = secretOf(pending!.uri);

		// Not active before it is confirmed: signing in still takes only the password.
		const [before] = await database.db.select().from(user).where(eq(user.id, account.id));
		expect(before?.twoFactorEnabled).toBe(false);

		const code = totp(secret);
		expect(await confirmTwoFactorSetup(testAuth.callFrom(browser), owner, { code: notThe(code) })).toEqual({
			ok: false,
			reason: 'invalid_code'
		});
		const confirmed = await confirmTwoFactorSetup(testAuth.callFrom(browser), owner, { code });
		expect(confirmed.ok).toBe(true);
		backupCodes = (confirmed as { backupCodes: string[] }).backupCodes;
		expect(backupCodes).toHaveLength(10);
		expect(backupCodes[0]).toMatch(/^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$/);

		const [after] = await database.db.select().from(user).where(eq(user.id, account.id));
		expect(after?.twoFactorEnabled).toBe(true);
		expect(await findPendingSetup(testAuth.auth, owner, 'Autonetz')).toBeNull();
		// The browser that enabled it stays signed in (better-auth swapped its session).
		expect((await testAuth.sessionOf(browser))?.user.id).toBe(account.id);

		const audits = await database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'auth.two_factor_enabled'), eq(auditLog.actorUserId, account.id)));
		expect(audits).toHaveLength(1);
	});

	it('then requires the second factor at sign-in; a wrong code is refused and audited', async () => {
		const browser = new TestBrowser({ ipAddress: '192.0.2.51' });
		expect(await signIn(testAuth.callFrom(browser), { email: owner.email, password })).toEqual({
			ok: true,
			twoFactorRequired: true
		});
		expect(browser.hasCookie('session_token')).toBe(false);
		expect(hasSecondFactorChallenge(browser.headers())).toBe(true);

		const code = totp(secret);
		expect(await completeSecondFactor(testAuth.callFrom(browser), { code: notThe(code) })).toEqual({
			ok: false,
			reason: 'invalid_code'
		});
		expect(browser.hasCookie('session_token')).toBe(false);
		const failure = await database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'auth.sign_in_failed'), eq(auditLog.actorUserId, owner.userId)));
		expect(failure[0]?.details).toMatchObject({
			email: owner.email,
			reason: 'invalid_code',
			step: 'second_factor'
		});

		const result = await completeSecondFactor(testAuth.callFrom(browser), {
			code: `${code.slice(0, 3)} ${code.slice(3)}`
		});
		expect(result).toMatchObject({ ok: true, user: { id: owner.userId } });
		expect((await testAuth.sessionOf(browser))?.user.id).toBe(owner.userId);
		expect(hasSecondFactorChallenge(browser.headers())).toBe(false);

		const success = await database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'auth.sign_in'), eq(auditLog.actorUserId, owner.userId)));
		expect(success.at(-1)?.details).toMatchObject({ method: 'password+totp' });
	});

	it('accepts each backup code once instead of the app code', async () => {
		const first = new TestBrowser({ ipAddress: '192.0.2.52' });
		await signIn(testAuth.callFrom(first), { email: owner.email, password });
		expect(await completeSecondFactor(testAuth.callFrom(first), { code: backupCodes[0]! })).toMatchObject({
			ok: true
		});

		const second = new TestBrowser({ ipAddress: '192.0.2.53' });
		await signIn(testAuth.callFrom(second), { email: owner.email, password });
		expect(await completeSecondFactor(testAuth.callFrom(second), { code: backupCodes[0]! })).toEqual({
			ok: false,
			reason: 'invalid_code'
		});
		expect(await completeSecondFactor(testAuth.callFrom(second), { code: backupCodes[1]! })).toMatchObject({
			ok: true
		});
	});

	it('without a pending challenge the second step only says "start again"', async () => {
		const browser = new TestBrowser({ ipAddress: '192.0.2.54' });
		expect(hasSecondFactorChallenge(browser.headers())).toBe(false);
		expect(await completeSecondFactor(testAuth.callFrom(browser), { code: totp(secret) })).toEqual({
			ok: false,
			reason: 'challenge_expired'
		});
	});

	it('is switched off with the password; sign-in takes the password alone again', async () => {
		const browser = new TestBrowser({ ipAddress: '192.0.2.55' });
		await signIn(testAuth.callFrom(browser), { email: owner.email, password });
		await completeSecondFactor(testAuth.callFrom(browser), { code: totp(secret) });

		expect(
			await disableTwoFactor(testAuth.callFrom(browser), owner, { currentPassword: 'falsch-falsch-1' })
		).toEqual({ ok: false, reason: 'wrong_password' });
		expect(await disableTwoFactor(testAuth.callFrom(browser), owner, { currentPassword: password })).toEqual({
			ok: true
		});
		const [row] = await database.db.select().from(user).where(eq(user.id, owner.userId));
		expect(row?.twoFactorEnabled).toBe(false);
		expect(await database.db.select().from(twoFactor).where(eq(twoFactor.userId, owner.userId))).toHaveLength(
			0
		);
		expect((await testAuth.sessionOf(browser))?.user.id).toBe(owner.userId);

		const fresh = new TestBrowser({ ipAddress: '192.0.2.56' });
		expect(await signIn(testAuth.callFrom(fresh), { email: owner.email, password })).toMatchObject({
			ok: true,
			user: { id: owner.userId }
		});
		const audits = await database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'auth.two_factor_disabled'), eq(auditLog.actorUserId, owner.userId)));
		expect(audits).toHaveLength(1);
	});

	it('a started setup can be cancelled and never becomes active', async () => {
		const account = await createUser(database.db, { email: 'paula@example.test', password });
		const me = { userId: account.id, email: account.email };
		const browser = new TestBrowser({ ipAddress: '192.0.2.57' });
		await signIn(testAuth.callFrom(browser), { email: account.email, password });
		await beginTwoFactorSetup(testAuth.callFrom(browser), me, {
			currentPassword: password,
			issuer: 'Autonetz'
		});
		expect(await findPendingSetup(testAuth.auth, me, 'Autonetz')).not.toBeNull();
		await cancelTwoFactorSetup(me);
		expect(await findPendingSetup(testAuth.auth, me, 'Autonetz')).toBeNull();
		expect(await confirmTwoFactorSetup(testAuth.callFrom(browser), me, { code: '123456' })).toEqual({
			ok: false,
			reason: 'no_pending_setup'
		});
	});
});
