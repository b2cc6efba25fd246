import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newPage, startApp, type App } from './harness.ts';

let app: App;
let browser: Browser;
beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

/** What a browser sends with a plain form submission. */
const formHeaders = { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' };

function directives(csp: string) {
	return new Map(
		csp
			.split(';')
			.map((part) => part.trim().split(/\s+/))
			.filter((words) => words[0])
			.map(([name, ...values]) => [name!, values])
	);
}

describe('security headers', () => {
	it('sends a CSP without inline scripts, no framing, nosniff and a referrer policy', async () => {
		const response = await fetch(`${app.baseUrl}/`);
		expect(response.status).toBe(200);
		const csp = response.headers.get('content-security-policy') ?? '';
		const parsed = directives(csp);
		expect(parsed.get('script-src')).toBeDefined();
		expect(parsed.get('script-src')).not.toContain("'unsafe-inline'");
		expect(parsed.get('frame-ancestors')).toEqual(["'none'"]);
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('referrer-policy')).toBeTruthy();
		// Plain http: no HSTS (a browser would ignore it, and it must not pin localhost).
		expect(response.headers.get('strict-transport-security')).toBeNull();
		expect(response.headers.get('permissions-policy')).toContain('camera=()');
	});

	it('keeps secret links on the site: their pages send no referrer to other sites', async () => {
		const confirm = await fetch(`${app.baseUrl}/events/confirm/not-a-valid-token`);
		expect(confirm.status).toBe(200);
		expect(confirm.headers.get('referrer-policy')).toBe('same-origin');
		expect(confirm.headers.get('cache-control')).toContain('no-store');
	});

	it('lets only the check-in page ask for the camera', async () => {
		// The header is set on every answer, the check-in page's sign-in redirect included.
		const checkIn = await fetch(`${app.baseUrl}/events/00000000-0000-4000-8000-000000000000/check-in`, {
			redirect: 'manual'
		});
		expect(checkIn.headers.get('permissions-policy')).toContain('camera=(self)');
		const manage = await fetch(`${app.baseUrl}/events/00000000-0000-4000-8000-000000000000/manage`, {
			redirect: 'manual'
		});
		expect(manage.headers.get('permissions-policy')).toContain('camera=()');
	});

	it('adds HSTS behind a proxy that reports https', async () => {
		const response = await fetch(`${app.baseUrl}/`, { headers: { 'x-forwarded-proto': 'https' } });
		expect(response.status).toBe(200);
		expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
	});

	it('runs the page scripts under that CSP (no violations in the browser)', async () => {
		const { context, page } = await newPage(browser, app.baseUrl);
		const violations: string[] = [];
		page.on('console', (message) => {
			if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
		});
		await page.goto('/');
		await page.waitForLoadState('networkidle');
		expect(violations).toEqual([]);
		await context.close();
	});
});

describe('form posts', () => {
	it('accept a plain-http form post from the page itself', async () => {
		const { context, page } = await newPage(browser, app.baseUrl);
		// The language switch is a plain form with method="POST".
		await page.goto('/');
		const [response] = await Promise.all([
			page.waitForResponse(
				(r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/language'
			),
			page.getByRole('banner').getByRole('button', { name: 'English' }).click()
		]);
		expect(response.status()).toBe(303);
		await page.waitForFunction(() => document.documentElement.lang === 'en');
		await context.close();
	});

	it('refuse a form post whose Origin is another site', async () => {
		const response = await fetch(`${app.baseUrl}/language`, {
			method: 'POST',
			headers: { ...formHeaders, origin: 'https://evil.example' },
			body: 'locale=en&redirectTo=/',
			redirect: 'manual'
		});
		expect(response.status).toBe(403);
		expect(await response.text()).toContain('Cross-site POST form submissions are forbidden');
		expect(response.headers.get('set-cookie')).toBeNull();
	});

	it("accept the same post with the site's own Origin", async () => {
		const response = await fetch(`${app.baseUrl}/language`, {
			method: 'POST',
			headers: { ...formHeaders, origin: app.baseUrl },
			body: 'locale=en&redirectTo=/',
			redirect: 'manual'
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('set-cookie')).toContain('kp_locale=en');
	});
});

/** Signs in with a plain form post, as a browser without JavaScript would, and returns the cookies set. */
async function signInByForm(origin: string, headers: Record<string, string> = {}) {
	const response = await fetch(`${app.baseUrl}/sign-in?/signIn`, {
		method: 'POST',
		headers: { ...formHeaders, origin, ...headers },
		body: new URLSearchParams({ email: 'board@demo.example', password: DEMO_PASSWORD }),
		redirect: 'manual'
	});
	expect(response.status).toBe(303);
	const session = response.headers
		.getSetCookie()
		.find((cookie) => /session_token=/.test(cookie.split(';')[0]!));
	expect(session, 'a session cookie').toBeDefined();
	return session!.split(';').map((part) => part.trim().toLowerCase());
}

describe('session cookies', () => {
	it('are HttpOnly and SameSite=Lax, and not Secure on plain http (the browser would drop them)', async () => {
		const attributes = await signInByForm(app.baseUrl);
		expect(attributes).toContain('httponly');
		expect(attributes).toContain('samesite=lax');
		expect(attributes).not.toContain('secure');
	});

	it('are Secure behind a proxy that reports https', async () => {
		const httpsOrigin = app.baseUrl.replace('http://', 'https://');
		const attributes = await signInByForm(httpsOrigin, { 'x-forwarded-proto': 'https' });
		expect(attributes).toContain('secure');
		expect(attributes).toContain('httponly');
		expect(attributes).toContain('samesite=lax');
	});
});
