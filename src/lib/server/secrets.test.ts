import { createHmac, hkdfSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { config, parseConfig, setConfigForTests, type Config } from './config.ts';
import { applicationSecret, deriveSecret } from './secrets.ts';

const SECRET = 'x'.repeat(40);
let original: Config;

const use = (env: Record<string, string | undefined>) =>
	setConfigForTests(parseConfig({ ...process.env, AUTH_SECRET: undefined, DATABASE_URL: undefined, ...env }));

beforeEach(() => {
	original = config();
});
afterEach(() => {
	setConfigForTests(original);
});

describe('deriveSecret', () => {
	it('derives a stable 32-byte key per purpose with HKDF-SHA256 from AUTH_SECRET', () => {
		use({ AUTH_SECRET: SECRET });
		const key = deriveSecret('event-registration-access:v1');
		expect(key).toHaveLength(32);
		expect(key.equals(deriveSecret('event-registration-access:v1'))).toBe(true);
		const expected = Buffer.from(
			hkdfSync('sha256', SECRET, 'knotenpunkt', 'event-registration-access:v1', 32)
		);
		expect(key.equals(expected)).toBe(true);
		// Not the secret itself, nor a plain HMAC of the purpose with it.
		expect(key.toString('utf8')).not.toContain(SECRET);
		expect(key.equals(createHmac('sha256', SECRET).update('event-registration-access:v1').digest())).toBe(
			false
		);
	});

	it('gives independent keys to different purposes and different secrets', () => {
		use({ AUTH_SECRET: SECRET });
		const access = deriveSecret('event-registration-access:v1');
		const feedback = deriveSecret('event-feedback:v1');
		expect(access.equals(feedback)).toBe(false);
		use({ AUTH_SECRET: 'y'.repeat(40) });
		expect(deriveSecret('event-registration-access:v1').equals(access)).toBe(false);
	});

	it('without AUTH_SECRET derives from where the data lives: stable there, different elsewhere', () => {
		use({ DATA_DIR: '/srv/a' });
		const a = deriveSecret('p');
		expect(applicationSecret()).toMatch(/^[0-9a-f]{64}$/);
		use({ DATA_DIR: '/srv/a' });
		expect(deriveSecret('p').equals(a)).toBe(true);
		use({ DATA_DIR: '/srv/b' });
		expect(deriveSecret('p').equals(a)).toBe(false);
		use({ DATA_DIR: '/srv/a', DATABASE_URL: 'postgres://u@db/one' });
		expect(deriveSecret('p').equals(a)).toBe(false);
	});

	it('hands better-auth the configured secret unchanged', () => {
		use({ AUTH_SECRET: SECRET });
		expect(applicationSecret()).toBe(SECRET);
	});

	it('refuses an empty purpose', () => {
		expect(() => deriveSecret('')).toThrow();
	});
});
