import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newPage, signIn, startApp, type App } from './harness.ts';
import { demoUuid } from '../../src/lib/server/seed/demo-events.ts';
import { demoCircleIds } from '../../src/lib/server/seed/demo-circles.ts';
import { demoCooperationIds } from '../../src/lib/server/seed/demo-cooperation.ts';

const publicEvent = demoUuid('event:network-meeting-autumn');
const membersEvent = demoUuid('event:stammtisch-3');
const fullVisit = demoUuid('event:company-visit-piesberg');
const circle = '/circles/antriebstransformation';
const circlePastMeeting = demoCircleIds.pastMeeting('antriebstransformation');
const circleNextMeeting = demoCircleIds.nextMeeting('antriebstransformation');
const circleThread = demoCircleIds.thread('antriebstransformation', 'test-survey');
const circleDocument = demoCircleIds.document('antriebstransformation', 'thermo-slides');
const ownProfile = `/cooperation/${demoCooperationIds.profile('hasetal-zustandsueberwachung')}`;
const anonymousProfile = `/cooperation/${demoCooperationIds.profile('hafenquartier-pruefkapazitaet')}`;
const leadProfile = `/cooperation/${demoCooperationIds.profile('piesberg-gehaeuse')}`;
const profileInReview = demoCooperationIds.profile('moorland-kathodenluft');

/**
 * WCAG 2.2 AA, as far as a machine can tell: axe-core checks each page as the browser rendered it
 * (labels, names, contrast, landmarks, headings, ARIA), on a desktop and on a phone-sized screen.
 * What it cannot judge (sense, keyboard order, focus visibility) the journeys and people check.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Violation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };

async function violationsOn(page: Page, path: string): Promise<string[]> {
	const response = await page.goto(path);
	// An error page would pass axe and hide the page meant to be checked.
	if (response?.status() !== 200) return [`${path}: answered ${response?.status()}, not the page`];
	await page.evaluate(axeSource);
	const violations = (await page.evaluate(() =>
		(
			window as unknown as {
				axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> };
			}
		).axe
			.run(document, {
				runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }
			})
			.then((result) => result.violations)
	)) as Violation[];
	return violations.map(
		(v) =>
			`${path}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
				.map((n) => n.target.join(' '))
				.slice(0, 3)
				.join(', ')}`
	);
}

const pages = {
	anonymous: [
		'/',
		'/sign-in',
		'/sign-up',
		'/forgot-password',
		'/impressum',
		'/invitation?token=x',
		'/atlas',
		'/atlas?q=Batterie&district=Landkreis+Osnabr%C3%BCck&sort=name',
		'/atlas/else-werk-gusstechnik',
		'/apply',
		'/apply/statutes',
		'/events',
		'/events?view=month',
		`/events/${publicEvent}`,
		`/events/${publicEvent}/register`,
		'/events/confirm/not-a-valid-token',
		'/cooperation',
		'/cooperation?type=capacity_offer',
		anonymousProfile
	],
	'member@demo.example': [
		'/members',
		'/account',
		'/account/security',
		'/account/sessions',
		'/directory',
		'/directory?q=Sensorik&drivetrain=bev',
		'/events?when=past',
		`/events/${membersEvent}`,
		`/events/${fullVisit}`,
		'/account/calendar',
		'/circles',
		circle,
		`${circle}/members`,
		`${circle}/meetings`,
		`${circle}/meetings/${circlePastMeeting}`,
		`${circle}/meetings/${circleNextMeeting}`,
		`${circle}/actions`,
		`${circle}/documents`,
		`${circle}/documents/${circleDocument}`,
		`${circle}/threads`,
		`${circle}/threads/new`,
		`${circle}/threads/${circleThread}`,
		`${circle}/search?q=Batterie`,
		`${circle}/notifications`,
		'/account/notifications'
	],
	'orgadmin@demo.example': [
		'/directory',
		'/members',
		'/circles/produktion-digitalisierung',
		'/cooperation',
		'/cooperation/new',
		'/cooperation/mine',
		'/cooperation/interests',
		ownProfile,
		`${ownProfile}/edit`,
		`${ownProfile}/interests`,
		`${leadProfile}/interest`
	],
	'lead@demo.example': [`${circle}/members`, `${circle}/meetings/${circlePastMeeting}/minutes`],
	'office@demo.example': [
		'/office',
		'/office/people',
		'/office/organisations',
		'/office/organisations?status=partner',
		'/office/applications',
		'/office/competencies',
		'/office/import',
		'/office/invitations',
		'/office/outbox',
		'/office/audit',
		'/office/legal',
		'/office/api-tokens',
		'/events/new',
		`/events/${membersEvent}/edit`,
		`/events/${membersEvent}/manage`,
		`/events/${membersEvent}/check-in`,
		`/events/${membersEvent}/manage/print`,
		'/office/circles',
		'/circles/produktion-digitalisierung/documents',
		'/office/cooperation',
		`/office/cooperation/${profileInReview}`,
		`/office/cooperation/${demoCooperationIds.profile('piesberg-gehaeuse')}`
	]
};

let app: App;
let browser: Browser;
beforeAll(async () => {
	[app, browser] = await Promise.all([startApp(), launchBrowser()]);
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

describe('accessibility (axe-core, WCAG 2.2 A/AA rules)', () => {
	for (const viewport of [
		{ name: 'desktop', width: 1280, height: 900 },
		{ name: 'phone', width: 390, height: 844 }
	]) {
		for (const [who, paths] of Object.entries(pages)) {
			it(`${who} on a ${viewport.name}: no violations`, async () => {
				const { context, page } = await newPage(browser, app.baseUrl, { viewport });
				if (who !== 'anonymous') await signIn(page, who, DEMO_PASSWORD);
				const found: string[] = [];
				for (const path of paths) found.push(...(await violationsOn(page, path)));
				await context.close();
				expect(found).toEqual([]);
			});
		}
	}
});
