import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
	DEMO_PASSWORD,
	isSignedIn,
	launchBrowser,
	mainNavigation,
	newPage,
	signIn,
	startApp,
	type App
} from './harness.ts';

/**
 * The same build on PostgreSQL: a freshly created database (migrated and seeded by the server on
 * start), dropped afterwards. The e2e config includes this file only when TEST_DATABASE_URL is set.
 */
const adminUrl = process.env.TEST_DATABASE_URL;
const name = `kp_e2e_${process.pid}_${Date.now().toString(36)}`;

let app: App;
let browser: Browser;

async function admin<T>(use: (client: pg.Client) => Promise<T>) {
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		return await use(client);
	} finally {
		await client.end();
	}
}

describe('on PostgreSQL', () => {
	beforeAll(async () => {
		await admin((client) => client.query(`create database "${name}"`));
		const url = new URL(adminUrl!);
		url.pathname = `/${name}`;
		[app, browser] = await Promise.all([startApp({ databaseUrl: url.toString() }), launchBrowser()]);
	});
	afterAll(async () => {
		await browser?.close();
		await app?.stop();
		await admin((client) => client.query(`drop database if exists "${name}" with (force)`));
	});

	it('seeds the demo network and lets the office sign in', async () => {
		const { context, page } = await newPage(browser, app.baseUrl);
		await signIn(page, 'office@demo.example', DEMO_PASSWORD);
		expect(await isSignedIn(page)).toBe(true);
		await page.goto('/');
		expect(await mainNavigation(page)).toContain('Geschäftsstelle');
		const organisations = await page.goto('/office/organisations');
		expect(organisations?.status()).toBe(200);
		expect(await page.locator('main table tbody tr').count()).toBeGreaterThan(10);
		await context.close();
	});

	it('reports the database as reachable', async () => {
		const response = await fetch(`${app.baseUrl}/healthz`);
		expect(response.status).toBe(200);
	});

	it('stops cleanly on SIGTERM with the pool open', async () => {
		const stopped = await app.stop(8000);
		expect(stopped).toMatchObject({ code: 0, signal: null });
	});
});
