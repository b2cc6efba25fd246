import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

describe('parseConfig', () => {
	it('applies defaults for an empty environment', () => {
		const config = parseConfig({});
		expect(config.PORT).toBe(3000);
		expect(config.ORIGIN).toBe('http://localhost:3000');
		expect(config.DATA_DIR).toBe('./data');
		expect(config.DEMO_DATA).toBe(true);
		expect(config.DATABASE_URL).toBeUndefined();
		expect(config.COOPERATION_DIGEST_CRON).toBe('0 6 * * 1');
	});

	it('derives the origin from PORT and normalises a given ORIGIN', () => {
		expect(parseConfig({ PORT: '4100' }).ORIGIN).toBe('http://localhost:4100');
		expect(parseConfig({ ORIGIN: 'https://netz.example.org/' }).ORIGIN).toBe('https://netz.example.org');
	});

	it.each([
		['PORT', 'abc'],
		['PORT', '70000'],
		['ORIGIN', 'ftp://example.org'],
		['ORIGIN', 'not a url'],
		['DATABASE_URL', 'mysql://localhost/db'],
		['SMTP_URL', 'http://mail.example.org'],
		['MAIL_FROM', 'nobody'],
		['DEMO_DATA', 'maybe'],
		['COOPERATION_DIGEST_CRON', 'every monday']
	])('stops with a sentence naming %s when it is %j', (name, value) => {
		let thrown: unknown;
		try {
			parseConfig({ [name]: value });
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(ConfigError);
		expect((thrown as Error).message).toMatch(new RegExp(`^The environment variable ${name} is invalid`));
	});

	it('never prints the value of a secret variable', () => {
		try {
			parseConfig({ DATABASE_URL: 'mysql://user:s3cret@host/db' });
			expect.unreachable();
		} catch (error) {
			expect((error as Error).message).not.toContain('s3cret');
		}
	});

	it('reads DEMO_DATA=false as false', () => {
		expect(parseConfig({ DEMO_DATA: 'false' }).DEMO_DATA).toBe(false);
	});
});
