import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startSmtpServer, waitFor, type ReceivedMail, type TestSmtpServer } from '../helpers/mail.ts';
import {
	DEMO_PASSWORD,
	launchBrowser,
	linkIn,
	newPage,
	signIn,
	startApp,
	submitForm,
	type App
} from './harness.ts';

/**
 * The cooperation exchange's journey through the built app (issue #6), as the demo people walk it:
 * Sabine Hollenberg (org admin of Hasetal Präzisionsteile) posts an anonymous technology request
 * on competencies that Piesberg Antriebselektronik has, the office approves it, Miriam Brockhoff
 * (Piesberg's R&D contact) hears of it in the weekly digest — which runs every minute here — and
 * expresses interest without learning who asks; Sabine accepts, both get each other's contact
 * details by mail (a real SMTP server), and Sabine records an agreed cooperation with a success
 * story that the office's figures then count. The steps build on each other.
 */
let app: App;
let browser: Browser;
let smtp: TestSmtpServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	smtp = await startSmtpServer();
	[app, browser] = await Promise.all([
		startApp({
			env: {
				SMTP_URL: smtp.url,
				MAIL_FROM: 'Knotenpunkt <noreply@knotenpunkt.test>',
				// The weekly digest every minute; still at most one per person and ISO week.
				COOPERATION_DIGEST_CRON: '* * * * *'
			}
		}),
		launchBrowser()
	]);
});

afterAll(async () => {
	for (const context of contexts) await context.close().catch(() => undefined);
	await browser?.close();
	await app?.stop();
	await smtp?.close();
});

const OWNER = 'Hasetal Präzisionsteile GmbH';
const OWNER_ADMIN = { name: 'Sabine Hollenberg', email: 'orgadmin@demo.example' };
const MATCHED = 'Piesberg Antriebselektronik GmbH';
const MATCHED_PERSON = { name: 'Miriam Brockhoff', email: 'lead@demo.example' };
/** The owner's name, its slug ("hasetal-praezisionsteile") and its mail domain all contain this. */
const ownerTrace = /hasetal|praezisionsteile|präzisionsteile/i;
/** How the anonymous owner is shown: kind, size class (640 employees) and district. */
const anonymousOwner = 'Anonymes Profil: Unternehmen, Groß (250–999), Stadt Osnabrück';
/** Piesberg's directory competencies (demo seed) that the request names. */
const competencies = ['Wechselrichter und Wandler', 'Ladetechnik', 'Funktionale Sicherheit'];

const suffix = Math.random().toString(36).slice(2, 8);
const title = `Prüfstand für SiC-Wechselrichter gesucht ${suffix}`;
const story = `Gemeinsamer Prüfstand für 800-Volt-Wechselrichter in Betrieb genommen ${suffix}.`;

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
async function axeViolations(page: Page) {
	await page.evaluate(axeSource);
	return (await page.evaluate(() =>
		(
			window as unknown as {
				axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string }[] }> };
			}
		).axe
			.run(document, {
				runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }
			})
			.then((result) => result.violations.map((v) => v.id))
	)) as string[];
}

/** One signed-in browser context per person at desktop width, kept for the whole journey. */
async function person(email: string): Promise<Page> {
	const { context, page } = await newPage(browser, app.baseUrl, { viewport: { width: 1280, height: 900 } });
	contexts.push(context);
	await signIn(page, email, DEMO_PASSWORD);
	return page;
}

/** Everything a mail carries that a person could read: headers, subject, text and HTML. */
const wholeMail = (mail: ReceivedMail) =>
	[
		mail.parsed.headerLines.map((header) => header.line).join('\n'),
		mail.parsed.subject ?? '',
		mail.parsed.text ?? '',
		typeof mail.parsed.html === 'string' ? mail.parsed.html : ''
	].join('\n');

/** The first mail to `address` whose subject and text contain all of `needles` (waits for it). */
async function mailTo(address: string, needles: string[], timeoutMs = 20_000): Promise<ReceivedMail> {
	const [mail] = await waitFor(
		() =>
			smtp
				.receivedFor(address)
				.filter((mail) =>
					needles.every((needle) => `${mail.parsed.subject}\n${mail.parsed.text}`.includes(needle))
				),
		(mails) => mails.length >= 1,
		`expected a mail to ${address} with ${JSON.stringify(needles)}; received: ${JSON.stringify(
			smtp.received.map((mail) => ({ to: mail.envelopeTo, subject: mail.parsed.subject }))
		)}`,
		timeoutMs
	);
	return mail!;
}

/** The page's HTML source as a plain request with the person's session cookie receives it. */
async function fetchWithCookie(page: Page, url: string) {
	const cookie = (await page.context().cookies(url)).map((c) => `${c.name}=${c.value}`).join('; ');
	const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
	return { status: response.status, body: await response.text() };
}

/** Lets the page's scripts take over before typing (hydration must not meet half-filled forms). */
const settled = (page: Page) => page.waitForLoadState('networkidle');

const status = (page: Page) => page.locator('main [role="status"]').first().innerText();
const facts = (page: Page) => page.getByRole('complementary', { name: 'Auf einen Blick' });

let owner: Page;
let office: Page;
let lead: Page;
let profileId = '';
let profilePath = '';
let ownerOrganisationId = '';
let digestLink = '';

describe('the cooperation exchange, from a technology request to an agreed cooperation', () => {
	it('1. the org admin posts an anonymous technology request and submits it for review', async () => {
		[owner, office, lead] = await Promise.all([
			person(OWNER_ADMIN.email),
			person('office@demo.example'),
			person(MATCHED_PERSON.email)
		]);

		expect((await owner.goto('/cooperation'))?.status()).toBe(200);
		expect(await axeViolations(owner)).toEqual([]);
		await Promise.all([
			owner.waitForURL(/\/cooperation\/new$/),
			owner.getByRole('link', { name: 'Profil anlegen' }).click()
		]);
		await settled(owner);
		expect(await axeViolations(owner)).toEqual([]);
		expect(await owner.locator('main').innerText()).toContain(`Profil für: ${OWNER}`);

		await owner.getByLabel('Art des Profils').selectOption({ label: 'Technologiegesuch' });
		await owner.getByLabel('Titel', { exact: true }).fill(title);
		await owner
			.getByLabel('Kurzbeschreibung')
			.fill('Wir suchen einen Partner mit Erfahrung in Leistungselektronik für einen gemeinsamen Prüfstand.');
		await owner
			.getByLabel('Beschreibung (Deutsch)')
			.fill(
				'Für die Erprobung von **Siliziumkarbid-Wechselrichtern** in 800-Volt-Antrieben suchen wir ' +
					'einen Entwicklungspartner, der Wechselrichter, Ladetechnik und funktionale Sicherheit kennt.'
			);
		for (const name of competencies) await owner.getByLabel(name, { exact: true }).check();
		await owner.getByLabel('Stichwörter').fill('Siliziumkarbid, Wechselrichter, 800 Volt, Prüfstand');
		await owner.getByLabel('Batterieelektrisch (BEV)').check();
		await owner.getByLabel('Wasserstoff / Brennstoffzelle').check();
		await owner.getByLabel('Technologiereifegrad (TRL)').selectOption({ label: 'TRL 4' });
		await owner.getByLabel('Gemeinsame Entwicklung').check();
		await owner.getByLabel('Öffentlich, anonym').check();
		const created = await submitForm(
			owner,
			owner.getByRole('button', { name: 'Speichern und zur Prüfung einreichen' })
		);
		expect(created.status(), await owner.locator('main').innerText()).toBeLessThan(400);
		await owner.waitForURL(/\/cooperation\/[0-9a-f-]{36}\?done=submitted$/);
		profileId = new URL(owner.url()).pathname.split('/')[2]!;
		profilePath = `/cooperation/${profileId}`;

		// The profile page: submitted and in review, with everything that was filled in.
		expect(await status(owner)).toContain('Das Profil ist zur Prüfung eingereicht.');
		const main = await owner.locator('main').innerText();
		expect(main).toContain('Status: In Prüfung');
		expect(main).toContain(title);
		const aside = await facts(owner).innerText();
		expect(aside).toContain('Technologiegesuch');
		for (const name of competencies) expect(aside).toContain(name);
		expect(aside).toContain('Siliziumkarbid');
		expect(aside).toContain('Batterieelektrisch (BEV), Wasserstoff / Brennstoffzelle');
		expect(aside).toContain('TRL 4 von 9');
		expect(aside).toContain('Gemeinsame Entwicklung');
		expect(aside).toContain('Öffentlich, anonym');
		// The owner's own people know who they are.
		expect(aside).toContain(OWNER);
		expect(await axeViolations(owner)).toEqual([]);

		// Not live yet: another organisation gets nothing.
		expect((await lead.goto(profilePath))?.status()).toBe(404);
	});

	it('2. the office finds it in the review queue and approves it', async () => {
		await office.goto('/');
		await Promise.all([
			office.waitForURL(/\/office$/),
			office
				.getByRole('navigation', { name: 'Hauptnavigation' })
				.getByRole('link', { name: 'Geschäftsstelle' })
				.click()
		]);
		await Promise.all([
			office.waitForURL(/\/office\/cooperation$/),
			office
				.getByRole('navigation', { name: 'Bereich Geschäftsstelle' })
				.getByRole('link', { name: 'Kooperationsbörse' })
				.click()
		]);
		// The section and its table's scroll area share the name; the section comes first.
		const queue = office.getByRole('region', { name: /^Zur Prüfung \(\d+\)$/ }).first();
		const row = queue.getByRole('row').filter({ hasText: title });
		expect(await row.count()).toBe(1);
		// The office always knows the owner, also of an anonymous profile.
		expect(await row.innerText()).toContain(OWNER);
		expect(await row.innerText()).toContain('In Prüfung');
		await Promise.all([
			office.waitForURL(new RegExp(`/office/cooperation/${profileId}$`)),
			row.getByRole('link', { name: title }).click()
		]);
		expect(await office.getByTestId('profile-status').innerText()).toBe('In Prüfung');
		const ownerLink = office.locator('main a[href^="/office/organisations/"]').filter({ hasText: OWNER });
		ownerOrganisationId = (await ownerLink.getAttribute('href'))!.split('/').pop()!;
		expect(ownerOrganisationId).toMatch(/^[0-9a-f-]{36}$/);
		expect(await axeViolations(office)).toEqual([]);

		await submitForm(office, office.getByRole('button', { name: 'Freigeben' }));
		expect(await status(office)).toContain('Das Profil ist freigegeben und läuft bis');
		expect(await office.getByTestId('profile-status').innerText()).toBe('Veröffentlicht');
		expect(await axeViolations(office)).toEqual([]);

		// The owner hears of it, and the profile's matches rank Piesberg with reasons in words.
		const approved = await mailTo(OWNER_ADMIN.email, ['Ihr Kooperationsprofil ist veröffentlicht', title]);
		expect(approved.parsed.text).toContain(`${app.baseUrl}${profilePath}`);
		await owner.goto(profilePath);
		const matches = owner.getByRole('region', { name: 'Passende Partner' });
		const piesberg = matches
			.getByRole('listitem')
			.filter({ has: owner.getByRole('link', { name: MATCHED }) });
		expect(await piesberg.count()).toBe(1);
		expect(await piesberg.innerText()).toMatch(/\d+ gemeinsame Kompetenzen: /);
	});

	it('3. the matched R&D contact receives the weekly digest: title and reasons, but not who asks', async () => {
		// The digest runs every minute; wait for the one that names this profile.
		const digest = await mailTo(MATCHED_PERSON.email, ['Kooperationsbörse: ', title], 150_000);
		expect(digest.parsed.subject).toMatch(/^Kooperationsbörse: \d+ neue passende Profile?$/);
		const text = digest.parsed.text!;
		expect(text).toContain(`Guten Tag ${MATCHED_PERSON.name},`);
		expect(text).toContain(`Technologiegesuch: ${title}`);
		expect(text).toContain(`Eingestellt von: ${anonymousOwner}`);
		const reasons = text.split('\n').find((line) => line.startsWith('Warum es passt: '));
		expect(reasons, text).toBeDefined();
		expect(reasons).toMatch(/\d gemeinsame Kompetenzen: /);
		for (const name of competencies) expect(reasons).toContain(name);
		expect(reasons).toContain('Batterieelektrisch (BEV)');
		// Anonymous: the owner is nowhere in the mail, not even in a header.
		expect(wholeMail(digest)).not.toMatch(ownerTrace);
		expect(wholeMail(digest)).not.toContain(ownerOrganisationId);
		digestLink = linkIn(text, profilePath);
		expect(digestLink).toBe(`${app.baseUrl}${profilePath}`);
	}, 180_000);

	it('4. she follows the link: the page, its source and the API keep the owner anonymous; she expresses interest', async () => {
		expect((await lead.goto(digestLink))?.status()).toBe(200);
		expect(await lead.getByRole('heading', { level: 1 }).innerText()).toBe(title);
		const aside = await facts(lead).innerText();
		expect(aside).toContain(anonymousOwner);
		const html = await lead.content();
		expect(html).not.toMatch(ownerTrace);
		expect(html).not.toContain(ownerOrganisationId);
		expect(await axeViolations(lead)).toEqual([]);

		// The HTML source as the server sends it (with the data SvelteKit embeds for hydration).
		const plain = await fetchWithCookie(lead, digestLink);
		expect(plain.status).toBe(200);
		expect(plain.body).toContain(title);
		expect(plain.body).toContain('Interesse bekunden');
		expect(plain.body).not.toMatch(ownerTrace);
		expect(plain.body).not.toContain(ownerOrganisationId);
		// SvelteKit's data request for the page, and the public API, say no more.
		const data = await fetchWithCookie(lead, `${app.baseUrl}${profilePath}/__data.json`);
		expect(data.status).toBe(200);
		expect(data.body).toContain(title);
		expect(data.body).not.toMatch(ownerTrace);
		expect(data.body).not.toContain(ownerOrganisationId);
		const api = await fetch(`${app.baseUrl}/api/v1/cooperation-profiles/${profileId}`);
		expect(api.status).toBe(200);
		const apiBody = await api.text();
		expect(apiBody).toContain(title);
		expect(apiBody).not.toMatch(ownerTrace);
		expect(apiBody).not.toContain(ownerOrganisationId);

		// The exchange's search finds it by its own words, never by the owner's name. (Only this
		// profile has the suffix, so the owner's named demo profiles are not on the page.)
		expect((await lead.goto(`/cooperation?q=${suffix}`))?.status()).toBe(200);
		expect(await lead.getByLabel('Suchbegriff').inputValue()).toBe(suffix);
		const results = await lead.locator('main').innerText();
		expect(results).toContain('Gefundene Profile: 1');
		expect(results).toContain(title);
		expect(results).toContain(anonymousOwner);
		expect(await lead.content()).not.toMatch(ownerTrace);
		expect(await lead.content()).not.toContain(ownerOrganisationId);
		expect(await axeViolations(lead)).toEqual([]);
		await lead.goto(`/cooperation?q=${encodeURIComponent('Hasetal Präzisionsteile')}`);
		expect(await lead.locator('main').innerText()).not.toContain(title);

		// The expression of interest: a message and the standard questions, for her organisation.
		await lead.goto(profilePath);
		await Promise.all([
			lead.waitForURL(new RegExp(`${profilePath}/interest$`)),
			lead.getByRole('link', { name: 'Interesse bekunden' }).click()
		]);
		await settled(lead);
		const form = lead.locator('main');
		expect(await form.innerText()).toContain(`Sie bekunden Interesse im Namen von ${MATCHED}.`);
		expect(await form.innerText()).toContain(anonymousOwner);
		expect(await lead.content()).not.toMatch(ownerTrace);
		expect(await axeViolations(lead)).toEqual([]);
		await lead
			.getByLabel('Ihre Nachricht')
			.fill(`Wir haben ein Prüffeld für SiC-Wechselrichter und würden gern mitmachen ${suffix}.`);
		await lead
			.getByLabel('Was bieten oder brauchen Sie?')
			.fill('Prüffeld mit 800-Volt-Versorgung, Erfahrung mit funktionaler Sicherheit nach ISO 26262.');
		await lead.getByLabel('Gemeinsame Entwicklung').check();
		await lead.getByLabel('In den nächsten drei Monaten').check();
		const sent = await submitForm(lead, lead.getByRole('button', { name: 'Interesse senden' }));
		expect(sent.status(), await lead.locator('main').innerText()).toBeLessThan(400);
		await lead.waitForURL(new RegExp(`${profilePath}\\?notice=interest_sent$`));
		expect(await status(lead)).toContain('Ihr Interesse wurde übermittelt.');
		expect(await lead.locator('main').innerText()).toContain(
			'Ihre Organisation hat bereits Interesse bekundet: Offen.'
		);
		expect(await lead.content()).not.toMatch(ownerTrace);

		// Her confirmation names the owner only as kind, size and district.
		const confirmation = await mailTo(MATCHED_PERSON.email, [
			`Ihr Interesse an „${title}“ wurde übermittelt`
		]);
		expect(confirmation.parsed.text).toContain(`Anbieter: ${anonymousOwner}`);
		expect(wholeMail(confirmation)).not.toMatch(ownerTrace);
	});

	it('5. the owner is told of the interest and accepts it', async () => {
		const received = await mailTo(OWNER_ADMIN.email, [`Neue Interessenbekundung zu „${title}“`]);
		const text = received.parsed.text!;
		expect(text).toContain(`${MATCHED_PERSON.name} (${MATCHED})`);
		expect(text).toContain('Prüffeld mit 800-Volt-Versorgung');
		expect(text).toContain('Art der Partnerschaft: Gemeinsame Entwicklung');
		expect(text).toContain('Gewünschter Beginn: In den nächsten drei Monaten');
		const link = linkIn(text, `${profilePath}/interests`);

		expect((await owner.goto(link))?.status()).toBe(200);
		expect(new URL(owner.url()).pathname).toBe(`${profilePath}/interests`);
		const interest = owner
			.getByRole('listitem')
			.filter({ has: owner.getByRole('heading', { name: MATCHED }) });
		expect(await interest.innerText()).toContain(`Von ${MATCHED_PERSON.name} (${MATCHED_PERSON.email})`);
		expect(await interest.innerText()).toContain(suffix);
		expect(await axeViolations(owner)).toEqual([]);
		await submitForm(
			owner,
			owner.getByRole('button', { name: `Annehmen und Kontaktdaten austauschen: ${MATCHED}` })
		);
		expect(await status(owner)).toContain('Angenommen. Beide Seiten haben die Kontaktdaten');
		expect(await interest.innerText()).toContain('Angenommen');
		expect(await interest.getByRole('button', { name: /^Annehmen/ }).count()).toBe(0);
		expect(await axeViolations(owner)).toEqual([]);
	});

	it('6. both sides receive the other’s contact details; now she sees who the owner is', async () => {
		const toLead = await mailTo(MATCHED_PERSON.email, [`Ihr Interesse an „${title}“ wurde angenommen`]);
		expect(toLead.parsed.text).toContain(`Organisation: ${OWNER}`);
		expect(toLead.parsed.text).toContain(`Ansprechperson: ${OWNER_ADMIN.name} <${OWNER_ADMIN.email}>`);

		const toOwner = await mailTo(OWNER_ADMIN.email, [`Kontaktdaten von ${MATCHED}`]);
		expect(toOwner.parsed.text).toContain(`Organisation: ${MATCHED}`);
		expect(toOwner.parsed.text).toContain(`Ansprechperson: ${MATCHED_PERSON.name} <${MATCHED_PERSON.email}>`);
		expect(toOwner.parsed.text).toContain(`${app.baseUrl}${profilePath}/interests`);

		expect((await lead.goto(profilePath))?.status()).toBe(200);
		const aside = await facts(lead).innerText();
		expect(aside).toContain(OWNER);
		expect(aside).not.toContain('Anonymes Profil');
		expect(await lead.locator('main').innerText()).toContain(
			'Ihre Organisation hat bereits Interesse bekundet: Angenommen.'
		);
	});

	it('7. the owner records an agreed cooperation with a story; the office’s figures count it', async () => {
		const figure = async (key: string) =>
			Number(
				await office.locator(`[data-testid="cooperation-figures"] tr[data-figure="${key}"] td`).innerText()
			);
		expect((await office.goto('/office/cooperation'))?.status()).toBe(200);
		const agreedBefore = await figure('outcome-agreed');
		const acceptedBefore = await figure('accepted');

		await owner.goto(`${profilePath}/interests`);
		await settled(owner);
		const outcome = owner.getByRole('form', { name: `Ergebnis des Kontakts mit ${MATCHED}` });
		await outcome.getByLabel('Kooperation vereinbart').check();
		await outcome
			.getByLabel('Kurze Erfolgsgeschichte (optional, nur bei vereinbarter Kooperation)')
			.fill(story);
		await outcome.getByLabel('Das Netzwerk darf diese Erfolgsgeschichte veröffentlichen').check();
		await submitForm(owner, outcome.getByRole('button', { name: 'Ergebnis speichern' }));
		expect(await status(owner)).toContain('Das Ergebnis wurde gespeichert.');
		const interest = owner
			.getByRole('listitem')
			.filter({ has: owner.getByRole('heading', { name: MATCHED }) });
		expect(await interest.innerText()).toContain('Zuletzt festgehalten: Kooperation vereinbart am ');
		expect(await interest.innerText()).toContain(story);
		expect(await interest.innerText()).toContain('Das Netzwerk darf sie veröffentlichen.');
		expect(await axeViolations(owner)).toEqual([]);

		// The office's report figures: one more agreed cooperation, and the story among the publishable ones.
		await office.goto('/office/cooperation');
		expect(await figure('outcome-agreed')).toBe(agreedBefore + 1);
		expect(await figure('accepted')).toBe(acceptedBefore);
		expect(await figure('accepted')).toBeGreaterThanOrEqual(1);
		const stories = office.locator('main li').filter({ hasText: story });
		expect(await stories.count()).toBe(1);
		expect(await stories.innerText()).toContain(title);
		expect(await stories.innerText()).toContain(OWNER);
		expect(await stories.innerText()).toContain(MATCHED);
		expect(await axeViolations(office)).toEqual([]);

		// Minutes of digest runs later, still one digest this ISO week for her.
		expect(
			smtp
				.receivedFor(MATCHED_PERSON.email)
				.filter((mail) => mail.parsed.subject?.startsWith('Kooperationsbörse:'))
		).toHaveLength(1);

		// The office's profile page shows the outcome and the story with the interest.
		await office.goto(`/office/cooperation/${profileId}`);
		expect(await office.getByRole('region', { name: 'Interessenbekundungen' }).innerText()).toContain(story);
		expect(await axeViolations(office)).toEqual([]);
	});
});
