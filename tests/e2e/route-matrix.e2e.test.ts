import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness.ts';
import { projectRoot } from './node.ts';
import { demoUuid } from '../../src/lib/server/seed/demo-events.ts';
import { demoCircleIds } from '../../src/lib/server/seed/demo-circles.ts';
import { demoCooperationIds } from '../../src/lib/server/seed/demo-cooperation.ts';

/**
 * The route × role matrix: every route of the app has an entry saying what each demo role gets on
 * GET. The test fails when a route is added without an entry (or an entry names a route that no
 * longer exists), and it requests every route as every role against the built app. Routes taking
 * an id are also requested with another organisation's id and with unknown ids: 403/404, never data.
 */

type Role = 'anonymous' | 'member' | 'orgadmin' | 'lead' | 'partner' | 'board' | 'office';
const roles: Role[] = ['anonymous', 'member', 'orgadmin', 'lead', 'partner', 'board', 'office'];
const accounts: Record<Exclude<Role, 'anonymous'>, string> = {
	member: 'member@demo.example',
	orgadmin: 'orgadmin@demo.example',
	lead: 'lead@demo.example',
	partner: 'partner@demo.example',
	board: 'board@demo.example',
	office: 'office@demo.example'
};

/** ok 200 · sign-in 303 to /sign-in · away 303 elsewhere · 401 · 403 · 404 */
type Outcome = 'ok' | 'sign-in' | 'away' | 'unauthorized' | 'forbidden' | 'not-found';
type Expectations = Record<Role, Outcome>;

const all = (outcome: Outcome): Expectations =>
	Object.fromEntries(roles.map((role) => [role, outcome])) as Expectations;
const signedInOnly: Expectations = { ...all('ok'), anonymous: 'sign-in' };
const inNetwork: Expectations = signedInOnly;
const officeAndBoard: Expectations = { ...all('forbidden'), anonymous: 'sign-in', board: 'ok', office: 'ok' };
const officeOnly: Expectations = { ...officeAndBoard, board: 'forbidden' };
const anonymousOnly: Expectations = { ...all('away'), anonymous: 'ok' };
/** Events organised by the office: the office manages them, nobody else. */
const officeOnlyOrganiser: Expectations = { ...all('forbidden'), anonymous: 'sign-in', office: 'ok' };
/** An event of lead@'s circle, which member@ belongs to; office and board see every circle. */
const circleEventViewers: Expectations = {
	...officeAndBoard,
	member: 'ok',
	lead: 'ok'
};

/** Ids the test looks up in the demo data before it runs (see `lookUpIds`). */
type Ids = {
	memberOrganisation: string; // orgadmin@ and member@ belong to it
	memberOrganisationSlug: string;
	leadOrganisation: string; // lead@'s organisation: foreign to member@ and orgadmin@
	memberPerson: string;
	mail: string;
	application: string; // submitted through the public form in beforeAll
	importRun: string; // uploaded by the office in beforeAll
	logo: string; // the member organisation's logo, uploaded by its admin in beforeAll
	attachment: string; // a programme uploaded by the office to the members' event in beforeAll
	circle: string; // the demo circle 'antriebstransformation' (office's edit page)
};

/** Demo events (stable ids): who sees and who organises them is what the matrix tests. */
const demoEvent = {
	/** Public, upcoming, organised by the office. */
	public: demoUuid('event:network-meeting-autumn'),
	/** For members, organised by the office. */
	members: demoUuid('event:stammtisch-3'),
	/** Of the circle lead@ leads and member@ belongs to. */
	ownCircle: demoUuid('event:circle-antriebstransformation-13'),
	/** Of a circle no demo account belongs to. */
	otherCircle: demoUuid('event:circle-produktion-digitalisierung-48')
};

type Entry =
	| { postOnly: true }
	| {
			path: (ids: Ids) => string;
			get: Expectations;
			/** For routes with an id: the same route with someone else's or an unknown id. */
			foreign?: { path: (ids: Ids) => string; get: Expectations }[];
	  };

const unknownId = '00000000-0000-4000-8000-000000000000';

/**
 * Demo circles: 'antriebstransformation' (open content; lead@ leads it, member@ belongs to it) and
 * 'produktion-digitalisierung' (confidential, no demo login belongs to it).
 */
const own = 'antriebstransformation';
const secret = 'produktion-digitalisierung';
const circleContent: {
	meeting: (slug: string) => string;
	document: Record<string, string>;
	thread: Record<string, string>;
	post: Record<string, string>;
} = {
	meeting: (slug: string) => demoCircleIds.pastMeeting(slug),
	document: {
		[own]: demoCircleIds.document(own, 'thermo-slides'),
		[secret]: demoCircleIds.document(secret, 'maintenance-slides')
	},
	thread: {
		[own]: demoCircleIds.thread(own, 'test-survey'),
		[secret]: demoCircleIds.thread(secret, 'rules')
	},
	/** member@'s reply in the own circle; the opening post in the confidential one. */
	post: { [own]: demoCircleIds.post(own, 'test-survey', 2), [secret]: demoCircleIds.post(secret, 'rules', 0) }
};
/** Who reads a circle's content: its members, office, board, and member persons unless confidential. */
const openCircleReaders: Expectations = { ...all('ok'), anonymous: 'sign-in', partner: 'forbidden' };
/** Who reads a confidential circle no demo login belongs to. */
const confidentialReaders: Expectations = officeAndBoard;
/** Who writes in the own circle: its members and the office. */
const ownCircleContributors: Expectations = {
	...all('forbidden'),
	anonymous: 'sign-in',
	member: 'ok',
	lead: 'ok',
	office: 'ok'
};
/** Who runs the own circle: its lead and the office. */
const ownCircleLeads: Expectations = { ...all('forbidden'), anonymous: 'sign-in', lead: 'ok', office: 'ok' };
/** A page of one circle asked for with an id of the other: nothing, for everyone who may read. */
const wrongCircle: Expectations = { ...all('not-found'), anonymous: 'sign-in', partner: 'forbidden' };
/** Ids that exist nowhere: readers of the circle get 404, the others are stopped before. */
const unknownInOwn: Expectations = wrongCircle;

/** A circle page's entry: the own circle, the confidential one, a wrong-circle id and unknown ids. */
function circleRoute(
	/** The page of circle `slug`, naming the items (meeting, document, …) of circle `of`. */
	page: (slug: string, of: string) => string,
	expectations: { own: Expectations; secret: Expectations },
	extra: { path: (ids: Ids) => string; get: Expectations }[] = []
): Entry {
	return {
		path: () => page(own, own),
		get: expectations.own,
		foreign: [
			{ path: () => page(secret, secret), get: expectations.secret },
			{ path: () => page('kein-kreis', own), get: all('not-found') },
			{ path: () => page('Kein_Kreis', own), get: all('not-found') },
			...extra
		]
	};
}

/**
 * Demo cooperation profiles: orgadmin@'s and member@'s organisation (Hasetal) owns a published
 * members' profile and a draft; lead@'s organisation (Piesberg) a published members' profile; other
 * organisations a public anonymous one, one in review and an expired anonymous one.
 */
const profile = {
	own: demoCooperationIds.profile('hasetal-zustandsueberwachung'),
	ownDraft: demoCooperationIds.profile('hasetal-bremssattel-montage'),
	lead: demoCooperationIds.profile('piesberg-gehaeuse'),
	anonymous: demoCooperationIds.profile('hafenquartier-pruefkapazitaet'),
	inReview: demoCooperationIds.profile('moorland-kathodenluft'),
	expired: demoCooperationIds.profile('wittlager-kanal')
};
/** A profile nobody but office and board may see (another organisation's, not live): 404 for the rest. */
const hiddenProfile: Expectations = { ...all('not-found'), board: 'ok', office: 'ok' };
/** Hasetal's draft: its own people, office and board. */
const ownDraftReaders: Expectations = { ...hiddenProfile, member: 'ok', orgadmin: 'ok' };
/** A page of a profile route for `id`, with the hidden profiles, an unknown and a malformed id. */
function profileRoute(
	page: (id: string) => string,
	expectations: { own: Expectations; ownDraft: Expectations; lead: Expectations },
	extra: { path: (ids: Ids) => string; get: Expectations }[] = []
): Entry {
	return {
		path: () => page(profile.own),
		get: expectations.own,
		foreign: [
			{ path: () => page(profile.ownDraft), get: expectations.ownDraft },
			{ path: () => page(profile.lead), get: expectations.lead },
			{
				path: () => page(profile.inReview),
				get: { ...hiddenProfile, ...pick(expectations.ownDraft, 'board', 'office') }
			},
			{
				path: () => page(profile.expired),
				get: { ...hiddenProfile, ...pick(expectations.ownDraft, 'board', 'office') }
			},
			{ path: () => page(unknownId), get: all('not-found') },
			{ path: () => page('not-a-uuid'), get: all('not-found') },
			...extra
		]
	};
}
function pick(expectations: Expectations, ...which: Role[]): Partial<Expectations> {
	return Object.fromEntries(which.map((role) => [role, expectations[role]]));
}

const matrix: Record<string, Entry> = {
	'/': { path: () => '/', get: all('ok') },
	'/impressum': { path: () => '/impressum', get: all('ok') },
	'/datenschutz': { path: () => '/datenschutz', get: all('ok') },
	'/language': { postOnly: true },
	'/invitation': { path: () => '/invitation?token=not-a-valid-token', get: all('ok') },

	'/(auth)/sign-in': { path: () => '/sign-in', get: anonymousOnly },
	// Only reachable between password and second factor; otherwise back to sign-in (or home).
	'/(auth)/sign-in/two-factor': {
		path: () => '/sign-in/two-factor',
		get: { ...all('away'), anonymous: 'sign-in' }
	},
	'/(auth)/sign-up': { path: () => '/sign-up', get: anonymousOnly },
	'/(auth)/forgot-password': { path: () => '/forgot-password', get: all('ok') },
	'/(auth)/reset-password': { path: () => '/reset-password?token=nope', get: all('ok') },
	'/(auth)/verify-email': { path: () => '/verify-email?token=nope', get: all('ok') },
	// GET shows a button (a link never signs anyone out); POST signs out.
	'/(auth)/sign-out': { path: () => '/sign-out', get: { ...all('ok'), anonymous: 'away' } },

	'/atlas': { path: () => '/atlas?q=Batterie', get: all('ok') },
	'/atlas/[slug]': {
		path: (ids) => `/atlas/${ids.memberOrganisationSlug}`,
		get: all('ok'),
		foreign: [{ path: () => '/atlas/no-such-organisation', get: all('not-found') }]
	},
	'/sitemap.xml': { path: () => '/sitemap.xml', get: all('ok') },
	'/robots.txt': { path: () => '/robots.txt', get: all('ok') },
	'/export/organisations.csv': { path: () => '/export/organisations.csv?q=Batterie', get: all('ok') },
	'/export/organisations.xlsx': { path: () => '/export/organisations.xlsx?q=Batterie', get: all('ok') },
	// A logo is delivered to whoever may see its organisation's description (public here).
	'/logos/[id]': {
		path: (ids) => `/logos/${ids.logo}`,
		get: all('ok'),
		foreign: [
			{ path: () => `/logos/${unknownId}`, get: all('not-found') },
			{ path: () => '/logos/not-a-uuid', get: all('not-found') }
		]
	},
	'/apply': { path: () => '/apply', get: all('ok') },
	'/apply/statutes': { path: () => '/apply/statutes', get: all('ok') },
	'/apply/thanks': { path: () => '/apply/thanks', get: all('ok') },

	'/events': { path: () => '/events?view=month', get: all('ok') },
	'/events/feed.ics': { path: () => '/events/feed.ics', get: all('ok') },
	'/events/new': {
		path: () => '/events/new',
		get: { ...all('forbidden'), anonymous: 'sign-in', orgadmin: 'ok', lead: 'ok', office: 'ok' }
	},
	'/events/[id]': {
		path: () => `/events/${demoEvent.public}`,
		get: all('ok'),
		foreign: [
			{ path: () => `/events/${demoEvent.members}`, get: { ...all('ok'), anonymous: 'sign-in' } },
			{ path: () => `/events/${demoEvent.ownCircle}`, get: circleEventViewers },
			{ path: () => `/events/${demoEvent.otherCircle}`, get: { ...officeAndBoard } },
			{ path: () => `/events/${unknownId}`, get: all('not-found') },
			{ path: () => '/events/not-a-uuid', get: all('not-found') }
		]
	},
	'/events/[id]/register': {
		path: () => `/events/${demoEvent.public}/register`,
		get: all('ok'),
		foreign: [
			{ path: () => `/events/${demoEvent.members}/register`, get: { ...all('ok'), anonymous: 'sign-in' } },
			{ path: () => `/events/${demoEvent.otherCircle}/register`, get: { ...officeAndBoard } },
			{ path: () => `/events/${unknownId}/register`, get: all('not-found') }
		]
	},
	'/events/[id]/event.ics': {
		path: () => `/events/${demoEvent.public}/event.ics`,
		get: all('ok'),
		// A calendar file is a download: refused to visitors as not found, not as a sign-in page.
		foreign: [
			{ path: () => `/events/${demoEvent.members}/event.ics`, get: { ...all('ok'), anonymous: 'not-found' } },
			{
				path: () => `/events/${demoEvent.ownCircle}/event.ics`,
				get: { ...circleEventViewers, anonymous: 'not-found' }
			},
			{ path: () => `/events/${unknownId}/event.ics`, get: all('not-found') },
			{ path: () => '/events/not-a-uuid/event.ics', get: all('not-found') }
		]
	},
	'/events/[id]/attachments/[attachmentId]': {
		path: (ids) => `/events/${demoEvent.members}/attachments/${ids.attachment}`,
		get: { ...all('ok'), anonymous: 'sign-in' },
		foreign: [
			// The attachment exists, but belongs to another event.
			{ path: (ids) => `/events/${demoEvent.public}/attachments/${ids.attachment}`, get: all('not-found') },
			{ path: () => `/events/${demoEvent.public}/attachments/${unknownId}`, get: all('not-found') },
			{ path: () => `/events/${demoEvent.public}/attachments/not-a-uuid`, get: all('not-found') }
		]
	},
	'/events/[id]/edit': {
		path: () => `/events/${demoEvent.members}/edit`,
		get: officeOnlyOrganiser,
		foreign: [
			{ path: () => `/events/${demoEvent.ownCircle}/edit`, get: { ...officeOnlyOrganiser, lead: 'ok' } },
			{ path: () => `/events/${unknownId}/edit`, get: all('not-found') },
			{ path: () => '/events/not-a-uuid/edit', get: all('not-found') }
		]
	},
	'/events/[id]/manage': {
		path: () => `/events/${demoEvent.members}/manage`,
		get: officeOnlyOrganiser,
		foreign: [
			{ path: () => `/events/${demoEvent.ownCircle}/manage`, get: { ...officeOnlyOrganiser, lead: 'ok' } },
			{ path: () => `/events/${demoEvent.otherCircle}/manage`, get: officeOnlyOrganiser },
			{ path: () => `/events/${unknownId}/manage`, get: all('not-found') },
			{ path: () => '/events/not-a-uuid/manage', get: all('not-found') }
		]
	},
	'/events/[id]/manage/attendees.csv': {
		path: () => `/events/${demoEvent.members}/manage/attendees.csv`,
		get: officeOnlyOrganiser,
		foreign: [
			{
				path: () => `/events/${demoEvent.ownCircle}/manage/attendees.csv`,
				get: { ...officeOnlyOrganiser, lead: 'ok' }
			},
			{ path: () => `/events/${unknownId}/manage/attendees.csv`, get: all('not-found') }
		]
	},
	'/events/[id]/manage/attendees.xlsx': {
		path: () => `/events/${demoEvent.members}/manage/attendees.xlsx`,
		get: officeOnlyOrganiser,
		foreign: [
			{ path: () => `/events/${demoEvent.otherCircle}/manage/attendees.xlsx`, get: officeOnlyOrganiser },
			{ path: () => `/events/${unknownId}/manage/attendees.xlsx`, get: all('not-found') }
		]
	},
	'/events/[id]/manage/print': {
		path: () => `/events/${demoEvent.members}/manage/print`,
		get: officeOnlyOrganiser,
		foreign: [
			{
				path: () => `/events/${demoEvent.ownCircle}/manage/print`,
				get: { ...officeOnlyOrganiser, lead: 'ok' }
			},
			{ path: () => `/events/${unknownId}/manage/print`, get: all('not-found') }
		]
	},
	'/events/[id]/check-in': {
		path: () => `/events/${demoEvent.members}/check-in`,
		get: officeOnlyOrganiser,
		foreign: [
			{ path: () => `/events/${demoEvent.ownCircle}/check-in`, get: { ...officeOnlyOrganiser, lead: 'ok' } },
			{ path: () => `/events/${unknownId}/check-in`, get: all('not-found') },
			{ path: () => '/events/not-a-uuid/check-in', get: all('not-found') }
		]
	},
	// Links from mails: an invalid guest confirmation shows its message; personal pages need their secret.
	'/events/confirm/[token]': { path: () => '/events/confirm/not-a-valid-token', get: all('ok') },
	'/events/registration/[token]': {
		path: () => '/events/registration/not-a-valid-token',
		get: all('not-found')
	},
	'/events/feedback/[token]': { path: () => '/events/feedback/not-a-valid-token', get: all('not-found') },
	'/feeds/[token]/my-events.ics': {
		path: () => '/feeds/not-a-valid-token/my-events.ics',
		get: all('not-found')
	},
	'/feeds/[token]/circles/[circleId].ics': {
		path: () => `/feeds/not-a-valid-token/circles/${unknownId}.ics`,
		get: all('not-found')
	},

	'/(account)/account': { path: () => '/account', get: signedInOnly },
	'/circles': { path: () => '/circles', get: inNetwork },
	'/circles/[slug]': circleRoute((slug) => `/circles/${slug}`, { own: inNetwork, secret: inNetwork }),
	'/circles/[slug]/members': circleRoute((slug) => `/circles/${slug}/members`, {
		own: openCircleReaders,
		secret: confidentialReaders
	}),
	'/circles/[slug]/meetings': circleRoute((slug) => `/circles/${slug}/meetings`, {
		own: openCircleReaders,
		secret: confidentialReaders
	}),
	'/circles/[slug]/actions': circleRoute((slug) => `/circles/${slug}/actions`, {
		own: openCircleReaders,
		secret: confidentialReaders
	}),
	// orgadmin@ reads the open circle's meetings, though their events are for the circle's members.
	'/circles/[slug]/meetings/[eventId]': circleRoute(
		(slug, of) => `/circles/${slug}/meetings/${circleContent.meeting(of)}`,
		{ own: openCircleReaders, secret: confidentialReaders },
		[
			{ path: () => `/circles/${own}/meetings/${circleContent.meeting(secret)}`, get: wrongCircle },
			{ path: () => `/circles/${own}/meetings/${demoEvent.public}`, get: wrongCircle },
			{ path: () => `/circles/${own}/meetings/${unknownId}`, get: unknownInOwn },
			{ path: () => `/circles/${own}/meetings/not-a-uuid`, get: unknownInOwn }
		]
	),
	'/circles/[slug]/meetings/[eventId]/minutes': circleRoute(
		(slug, of) => `/circles/${slug}/meetings/${circleContent.meeting(of)}/minutes`,
		{ own: ownCircleLeads, secret: { ...all('forbidden'), anonymous: 'sign-in', office: 'ok' } },
		[
			{
				path: () => `/circles/${own}/meetings/${circleContent.meeting(secret)}/minutes`,
				get: { ...ownCircleLeads, lead: 'not-found', office: 'not-found' }
			},
			{
				path: () => `/circles/${own}/meetings/${unknownId}/minutes`,
				get: { ...ownCircleLeads, lead: 'not-found', office: 'not-found' }
			}
		]
	),
	'/circles/[slug]/documents': circleRoute((slug) => `/circles/${slug}/documents`, {
		own: openCircleReaders,
		secret: confidentialReaders
	}),
	'/circles/[slug]/documents/[documentId]': circleRoute(
		(slug, of) => `/circles/${slug}/documents/${circleContent.document[of]}`,
		{ own: openCircleReaders, secret: confidentialReaders },
		[
			{ path: () => `/circles/${own}/documents/${circleContent.document[secret]}`, get: wrongCircle },
			{ path: () => `/circles/${own}/documents/${unknownId}`, get: unknownInOwn },
			{ path: () => `/circles/${own}/documents/not-a-uuid`, get: unknownInOwn }
		]
	),
	'/circles/[slug]/documents/[documentId]/download': circleRoute(
		(slug, of) => `/circles/${slug}/documents/${circleContent.document[of]}/download`,
		{ own: openCircleReaders, secret: confidentialReaders },
		[
			{
				path: () => `/circles/${own}/documents/${circleContent.document[secret]}/download`,
				get: wrongCircle
			},
			{ path: () => `/circles/${own}/documents/${unknownId}/download`, get: unknownInOwn }
		]
	),
	'/circles/[slug]/documents/[documentId]/versions/[version]/download': circleRoute(
		(slug, of) => `/circles/${slug}/documents/${circleContent.document[of]}/versions/1/download`,
		{ own: openCircleReaders, secret: confidentialReaders },
		[
			{
				path: () => `/circles/${own}/documents/${circleContent.document[secret]}/versions/1/download`,
				get: wrongCircle
			},
			{
				path: () => `/circles/${own}/documents/${circleContent.document[own]}/versions/99/download`,
				get: wrongCircle
			},
			{
				path: () => `/circles/${own}/documents/${circleContent.document[own]}/versions/x/download`,
				get: all('not-found')
			}
		]
	),
	'/circles/[slug]/threads': circleRoute((slug) => `/circles/${slug}/threads`, {
		own: openCircleReaders,
		secret: confidentialReaders
	}),
	'/circles/[slug]/threads/new': circleRoute((slug) => `/circles/${slug}/threads/new`, {
		own: ownCircleContributors,
		secret: { ...all('forbidden'), anonymous: 'sign-in', office: 'ok' }
	}),
	'/circles/[slug]/threads/[threadId]': circleRoute(
		(slug, of) => `/circles/${slug}/threads/${circleContent.thread[of]}`,
		{ own: openCircleReaders, secret: confidentialReaders },
		[
			{ path: () => `/circles/${own}/threads/${circleContent.thread[secret]}`, get: wrongCircle },
			{ path: () => `/circles/${own}/threads/${unknownId}`, get: unknownInOwn },
			{ path: () => `/circles/${own}/threads/not-a-uuid`, get: unknownInOwn }
		]
	),
	'/circles/[slug]/threads/[threadId]/posts/[postId]/history': circleRoute(
		(slug, of) =>
			`/circles/${slug}/threads/${circleContent.thread[of]}/posts/${circleContent.post[of]}/history`,
		{ own: openCircleReaders, secret: confidentialReaders },
		[
			{
				path: () =>
					`/circles/${own}/threads/${circleContent.thread[own]}/posts/${circleContent.post[secret]}/history`,
				get: wrongCircle
			}
		]
	),
	// Only the author edits: member@ wrote the post of the own circle.
	'/circles/[slug]/threads/[threadId]/posts/[postId]/edit': circleRoute(
		(slug, of) => `/circles/${slug}/threads/${circleContent.thread[of]}/posts/${circleContent.post[of]}/edit`,
		{
			own: { ...all('forbidden'), anonymous: 'sign-in', member: 'ok' },
			secret: { ...all('forbidden'), anonymous: 'sign-in' }
		},
		[
			{
				path: () =>
					`/circles/${own}/threads/${circleContent.thread[own]}/posts/${circleContent.post[secret]}/edit`,
				get: wrongCircle
			}
		]
	),
	'/circles/[slug]/search': circleRoute((slug) => `/circles/${slug}/search?q=Batterie`, {
		own: openCircleReaders,
		secret: confidentialReaders
	}),
	'/circles/[slug]/notifications': circleRoute((slug) => `/circles/${slug}/notifications`, {
		own: { ...all('forbidden'), anonymous: 'sign-in', member: 'ok', lead: 'ok' },
		secret: { ...all('forbidden'), anonymous: 'sign-in' }
	}),
	'/(account)/account/notifications': { path: () => '/account/notifications', get: signedInOnly },
	'/(office)/office/circles': { path: () => '/office/circles', get: officeOnly },
	'/(office)/office/circles/[id]': {
		path: (ids) => `/office/circles/${ids.circle}`,
		get: officeOnly,
		foreign: [
			{ path: () => `/office/circles/${unknownId}`, get: { ...officeOnly, office: 'not-found' } },
			{ path: () => '/office/circles/not-a-uuid', get: { ...officeOnly, office: 'not-found' } }
		]
	},
	'/(account)/account/calendar': { path: () => '/account/calendar', get: signedInOnly },
	'/(account)/account/security': { path: () => '/account/security', get: signedInOnly },
	'/(account)/account/sessions': { path: () => '/account/sessions', get: signedInOnly },

	'/(members)/members': { path: () => '/members', get: inNetwork },
	'/(members)/organisations/[id]/team': {
		path: (ids) => `/organisations/${ids.memberOrganisation}/team`,
		get: { ...officeAndBoard, member: 'ok', orgadmin: 'ok' },
		foreign: [
			{
				path: (ids) => `/organisations/${ids.leadOrganisation}/team`,
				get: { ...officeAndBoard, lead: 'ok' }
			},
			{
				path: () => `/organisations/${unknownId}/team`,
				get: { ...all('forbidden'), anonymous: 'sign-in', board: 'not-found', office: 'not-found' }
			},
			{
				path: () => '/organisations/not-a-uuid/team',
				get: { ...all('forbidden'), anonymous: 'sign-in', board: 'not-found', office: 'not-found' }
			}
		]
	},

	'/(members)/directory': { path: () => '/directory?q=Batterie', get: inNetwork },
	// Every member organisation is in the directory: another organisation's id is fine here.
	'/(members)/directory/[id]': {
		path: (ids) => `/directory/${ids.memberOrganisation}`,
		get: inNetwork,
		foreign: [
			{ path: (ids) => `/directory/${ids.leadOrganisation}`, get: inNetwork },
			{ path: () => `/directory/${unknownId}`, get: { ...all('not-found'), anonymous: 'sign-in' } },
			{ path: () => '/directory/not-a-uuid', get: { ...all('not-found'), anonymous: 'sign-in' } }
		]
	},
	'/(members)/organisations/[id]/profile': {
		path: (ids) => `/organisations/${ids.memberOrganisation}/profile`,
		get: { ...all('forbidden'), anonymous: 'sign-in', orgadmin: 'ok', office: 'ok' },
		foreign: [
			{
				path: (ids) => `/organisations/${ids.leadOrganisation}/profile`,
				get: { ...all('forbidden'), anonymous: 'sign-in', office: 'ok' }
			},
			{
				path: () => `/organisations/${unknownId}/profile`,
				get: { ...all('forbidden'), anonymous: 'sign-in', office: 'not-found' }
			},
			{
				path: () => '/organisations/not-a-uuid/profile',
				get: { ...all('forbidden'), anonymous: 'sign-in', office: 'not-found' }
			}
		]
	},

	'/(office)/office': { path: () => '/office', get: officeAndBoard },
	'/(office)/office/applications': { path: () => '/office/applications', get: officeAndBoard },
	'/(office)/office/applications/[id]': {
		path: (ids) => `/office/applications/${ids.application}`,
		get: officeAndBoard,
		foreign: [
			{
				path: () => `/office/applications/${unknownId}`,
				get: { ...officeAndBoard, board: 'not-found', office: 'not-found' }
			},
			{
				path: () => '/office/applications/not-a-uuid',
				get: { ...officeAndBoard, board: 'not-found', office: 'not-found' }
			}
		]
	},
	'/(office)/office/competencies': { path: () => '/office/competencies', get: officeOnly },
	'/(office)/office/import': { path: () => '/office/import', get: officeOnly },
	'/(office)/office/import/[id]': {
		path: (ids) => `/office/import/${ids.importRun}`,
		get: officeOnly,
		foreign: [
			{ path: () => `/office/import/${unknownId}`, get: { ...officeOnly, office: 'not-found' } },
			{ path: () => '/office/import/not-a-uuid', get: { ...officeOnly, office: 'not-found' } }
		]
	},
	'/(office)/office/people': { path: () => '/office/people', get: officeAndBoard },
	'/(office)/office/people/[id]': {
		path: (ids) => `/office/people/${ids.memberPerson}`,
		get: officeAndBoard,
		foreign: [
			{
				path: () => `/office/people/${unknownId}`,
				get: { ...officeAndBoard, board: 'not-found', office: 'not-found' }
			},
			{
				path: () => '/office/people/not-a-uuid',
				get: { ...officeAndBoard, board: 'not-found', office: 'not-found' }
			}
		]
	},
	'/(office)/office/organisations': { path: () => '/office/organisations', get: officeAndBoard },
	'/(office)/office/organisations/[id]': {
		path: (ids) => `/office/organisations/${ids.memberOrganisation}`,
		get: officeAndBoard,
		foreign: [
			{
				path: () => `/office/organisations/${unknownId}`,
				get: { ...officeAndBoard, board: 'not-found', office: 'not-found' }
			}
		]
	},
	'/(office)/office/invitations': { path: () => '/office/invitations', get: officeOnly },
	'/(office)/office/outbox': { path: () => '/office/outbox', get: officeOnly },
	'/(office)/office/outbox/[id]': {
		path: (ids) => `/office/outbox/${ids.mail}`,
		get: officeOnly,
		foreign: [{ path: () => `/office/outbox/${unknownId}`, get: { ...officeOnly, office: 'not-found' } }]
	},
	'/(office)/office/audit': { path: () => '/office/audit', get: officeAndBoard },
	'/(office)/office/legal': { path: () => '/office/legal', get: officeOnly },
	'/(office)/office/api-tokens': { path: () => '/office/api-tokens', get: officeOnly },

	// The JSON API authenticates with bearer tokens only; a session cookie is not enough for /me.
	'/api/v1/organisations': { path: () => '/api/v1/organisations', get: all('ok') },
	// Sessions don't count in the API: every role is anonymous there and sees the public profile.
	'/api/v1/organisations/[id]': {
		path: (ids) => `/api/v1/organisations/${ids.memberOrganisation}`,
		get: all('ok'),
		foreign: [
			{ path: () => `/api/v1/organisations/${unknownId}`, get: all('not-found') },
			{ path: () => '/api/v1/organisations/not-a-uuid', get: all('not-found') }
		]
	},
	'/api/v1/events': { path: () => '/api/v1/events', get: all('ok') },
	// Without a token every role is anonymous in the API: public events only.
	'/api/v1/events/[id]': {
		path: () => `/api/v1/events/${demoEvent.public}`,
		get: all('ok'),
		foreign: [
			{ path: () => `/api/v1/events/${demoEvent.members}`, get: all('not-found') },
			{ path: () => `/api/v1/events/${unknownId}`, get: all('not-found') },
			{ path: () => '/api/v1/events/not-a-uuid', get: all('not-found') }
		]
	},
	'/cooperation': { path: () => '/cooperation?q=Batterie', get: all('ok') },
	'/cooperation/new': {
		path: () => '/cooperation/new',
		get: { ...all('forbidden'), anonymous: 'sign-in', orgadmin: 'ok', office: 'ok' }
	},
	'/cooperation/mine': { path: () => '/cooperation/mine', get: inNetwork },
	'/cooperation/interests': { path: () => '/cooperation/interests', get: inNetwork },
	'/cooperation/[id]': profileRoute(
		(id) => `/cooperation/${id}`,
		{
			own: { ...all('ok'), anonymous: 'sign-in' },
			ownDraft: ownDraftReaders,
			lead: { ...all('ok'), anonymous: 'sign-in' }
		},
		[{ path: () => `/cooperation/${profile.anonymous}`, get: all('ok') }]
	),
	'/cooperation/[id]/edit': profileRoute((id) => `/cooperation/${id}/edit`, {
		own: { ...all('forbidden'), anonymous: 'sign-in', orgadmin: 'ok', office: 'ok' },
		ownDraft: { ...hiddenProfile, member: 'forbidden', orgadmin: 'ok', board: 'forbidden' },
		lead: { ...all('forbidden'), anonymous: 'sign-in', office: 'ok' }
	}),
	// No demo profile has files: an unknown file of a readable profile is a 404 (downloads are tested in
	// the integration tests, with anonymous owners).
	'/cooperation/[id]/attachments/[attachmentId]': profileRoute(
		(id) => `/cooperation/${id}/attachments/${unknownId}`,
		{
			own: { ...all('not-found'), anonymous: 'sign-in' },
			ownDraft: all('not-found'),
			lead: { ...all('not-found'), anonymous: 'sign-in' }
		},
		[
			{
				path: () => `/cooperation/${profile.own}/attachments/not-a-uuid`,
				get: { ...all('not-found'), anonymous: 'sign-in' }
			}
		]
	),
	'/cooperation/[id]/interest': profileRoute((id) => `/cooperation/${id}/interest`, {
		own: { ...all('forbidden'), anonymous: 'sign-in', lead: 'ok', partner: 'ok' },
		ownDraft: {
			...hiddenProfile,
			member: 'forbidden',
			orgadmin: 'forbidden',
			board: 'forbidden',
			office: 'forbidden'
		},
		lead: { ...all('forbidden'), anonymous: 'sign-in', member: 'ok', orgadmin: 'ok', partner: 'ok' }
	}),
	'/cooperation/[id]/interests': profileRoute((id) => `/cooperation/${id}/interests`, {
		own: { ...officeAndBoard, member: 'ok', orgadmin: 'ok' },
		ownDraft: ownDraftReaders,
		lead: { ...officeAndBoard, lead: 'ok' }
	}),
	'/(office)/office/cooperation': { path: () => '/office/cooperation', get: officeAndBoard },
	'/(office)/office/cooperation/[id]': {
		path: () => `/office/cooperation/${profile.inReview}`,
		get: officeAndBoard,
		foreign: [
			{ path: () => `/office/cooperation/${profile.ownDraft}`, get: officeAndBoard },
			{
				path: () => `/office/cooperation/${unknownId}`,
				get: { ...officeAndBoard, board: 'not-found', office: 'not-found' }
			},
			{
				path: () => '/office/cooperation/not-a-uuid',
				get: { ...officeAndBoard, board: 'not-found', office: 'not-found' }
			}
		]
	},
	'/api/v1/cooperation-profiles': { path: () => '/api/v1/cooperation-profiles', get: all('ok') },
	// Without a token every role is anonymous in the API: live public (anonymous) profiles only.
	'/api/v1/cooperation-profiles/[id]': {
		path: () => `/api/v1/cooperation-profiles/${profile.anonymous}`,
		get: all('ok'),
		foreign: [
			{ path: () => `/api/v1/cooperation-profiles/${profile.own}`, get: all('not-found') },
			{ path: () => `/api/v1/cooperation-profiles/${profile.ownDraft}`, get: all('not-found') },
			{ path: () => `/api/v1/cooperation-profiles/${profile.expired}`, get: all('not-found') },
			{ path: () => `/api/v1/cooperation-profiles/${unknownId}`, get: all('not-found') },
			{ path: () => '/api/v1/cooperation-profiles/not-a-uuid', get: all('not-found') }
		]
	},
	'/api/v1/me': { path: () => '/api/v1/me', get: all('unauthorized') },
	'/api/v1/openapi.json': { path: () => '/api/v1/openapi.json', get: all('ok') },
	'/api/v1/[...path]': { path: () => '/api/v1/no-such-endpoint', get: all('not-found') }
};

/** Route ids as SvelteKit forms them: every folder with a page, a page server or an endpoint. */
function routeIds(directory = path.join(projectRoot, 'src/routes'), id = ''): string[] {
	const names = readdirSync(directory);
	const found = names.some((name) => /^\+(page\.svelte|page\.server\.ts|server\.ts)$/.test(name))
		? [id || '/']
		: [];
	for (const name of names) {
		const child = path.join(directory, name);
		if (statSync(child).isDirectory()) found.push(...routeIds(child, `${id}/${name}`));
	}
	return found;
}

describe('route × role matrix: coverage', () => {
	it('has an entry for every route, and no entry for a route that does not exist', () => {
		const routes = routeIds().sort();
		expect(
			routes.filter((route) => !(route in matrix)),
			'routes without an entry'
		).toEqual([]);
		expect(
			Object.keys(matrix).filter((route) => !routes.includes(route)),
			'entries without a route'
		).toEqual([]);
	});
});

let app: App;
const cookies: Partial<Record<Role, string>> = {};
let ids: Ids;

async function request(role: Role, pathname: string, init: RequestInit = {}) {
	return fetch(`${app.baseUrl}${pathname}`, {
		redirect: 'manual',
		...init,
		headers: { accept: 'text/html', ...(cookies[role] ? { cookie: cookies[role] } : {}), ...init.headers }
	});
}

/** Signs in through the sign-in form action, as a browser without JavaScript would. */
async function signIn(email: string): Promise<string> {
	const response = await fetch(`${app.baseUrl}/sign-in?/signIn`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			origin: app.baseUrl,
			accept: 'text/html'
		},
		body: new URLSearchParams({ email, password: 'knotenpunkt-demo' })
	});
	const cookie = response.headers
		.getSetCookie()
		.map((line) => line.split(';')[0]!)
		.filter((pair) => pair.slice(pair.indexOf('=') + 1) !== '')
		.join('; ');
	if (response.status !== 303 || !/session_token/.test(cookie)) {
		throw new Error(`Sign-in as ${email} failed: ${response.status} ${await response.text()}`);
	}
	return cookie;
}

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

async function firstId(role: Role, pathname: string, linkPrefix: string) {
	const html = await (await request(role, pathname)).text();
	const match = html.match(new RegExp(`href="${linkPrefix}(${uuid.source})`));
	if (!match) throw new Error(`No link ${linkPrefix}<id> on ${pathname} as ${role}`);
	return match[1]!;
}

const PNG_1X1 =
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

async function post(role: Role, pathname: string, body: URLSearchParams | FormData) {
	const response = await request(role, pathname, {
		method: 'POST',
		headers: {
			origin: app.baseUrl,
			...(body instanceof URLSearchParams ? { 'content-type': 'application/x-www-form-urlencoded' } : {})
		},
		body
	});
	if (response.status !== 303) throw new Error(`POST ${pathname} as ${role}: ${response.status}`);
	return response.headers.get('location') ?? '';
}

/** Data the demo lacks but id routes need: an application, an import run and a logo. */
async function createIdData(memberOrganisation: string) {
	await post(
		'anonymous',
		'/apply',
		new URLSearchParams({
			organisationName: 'Matrix Testbetrieb GmbH',
			kind: 'member_company',
			contactFirstName: 'Maria',
			contactLastName: 'Matrix',
			contactEmail: 'maria.matrix@example.test',
			consentStatutes: 'on',
			consentPrivacy: 'on'
		})
	);
	const upload = new FormData();
	upload.set('file', new Blob(['Name;Ort\nMatrix Import GmbH;Osnabrück\n']), 'mitglieder.csv');
	const importRun = (await post('office', '/office/import?/upload', upload)).split('/').pop()!;
	const logo = new FormData();
	logo.set('logo', new Blob([Buffer.from(PNG_1X1, 'base64')], { type: 'image/png' }), 'logo.png');
	await post('orgadmin', `/organisations/${memberOrganisation}/profile?/uploadLogo`, logo);
	return importRun;
}

/** The office uploads a programme to the members' event; its id is read from the event page. */
async function uploadAttachment() {
	const upload = new FormData();
	upload.set('file', new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'application/pdf' }), 'programm.pdf');
	const response = await request('office', `/events/${demoEvent.members}/edit?/upload`, {
		method: 'POST',
		headers: { origin: app.baseUrl },
		body: upload
	});
	if (response.status !== 200) throw new Error(`Uploading the programme: ${response.status}`);
	return firstId('office', `/events/${demoEvent.members}`, `/events/${demoEvent.members}/attachments/`);
}

async function lookUpIds(): Promise<Ids> {
	const memberOrganisation = await firstId('member', '/members', '/organisations/');
	const importRun = await createIdData(memberOrganisation);
	const profile = (await (
		await fetch(`${app.baseUrl}/api/v1/organisations/${memberOrganisation}`)
	).json()) as {
		slug: string;
		logoUrl: string;
	};
	return {
		memberOrganisation,
		memberOrganisationSlug: profile.slug,
		importRun,
		logo: profile.logoUrl.split('/').pop()!,
		application: await firstId('office', '/office/applications', '/office/applications/'),
		leadOrganisation: await firstId('lead', '/members', '/organisations/'),
		memberPerson: await firstId(
			'office',
			`/office/people?q=${encodeURIComponent('member@demo.example')}`,
			'/office/people/'
		),
		mail: await firstId('office', '/office/outbox', '/office/outbox/'),
		attachment: await uploadAttachment(),
		circle: await firstId('office', '/office/circles', '/office/circles/')
	};
}

function outcomeOf(response: Response): Outcome | string {
	const location = response.headers.get('location') ?? '';
	if (response.status === 200) return 'ok';
	if (response.status >= 300 && response.status < 400) {
		return new URL(location, app.baseUrl).pathname === '/sign-in' ? 'sign-in' : 'away';
	}
	if (response.status === 401) return 'unauthorized';
	if (response.status === 403) return 'forbidden';
	if (response.status === 404) return 'not-found';
	return `status ${response.status}`;
}

beforeAll(async () => {
	app = await startApp();
	for (const [role, email] of Object.entries(accounts)) cookies[role as Role] = await signIn(email);
	// The outbox needs one mail: ask for a password reset of a demo account.
	await fetch(`${app.baseUrl}/forgot-password`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.baseUrl },
		body: new URLSearchParams({ email: 'member@demo.example' })
	});
	ids = await lookUpIds();
});
afterAll(() => app?.stop());

describe('route × role matrix: GET as every role', () => {
	for (const [route, entry] of Object.entries(matrix)) {
		if ('postOnly' in entry) continue;
		it(route, async () => {
			const actual: Record<string, string> = {};
			for (const role of roles) actual[role] = outcomeOf(await request(role, entry.path(ids)));
			expect(actual).toEqual(entry.get);
		});
	}
});

describe("route × role matrix: someone else's ids", () => {
	for (const [route, entry] of Object.entries(matrix)) {
		if ('postOnly' in entry || !entry.foreign) continue;
		entry.foreign.forEach((variant, index) => {
			it(`${route} #${index + 1}`, async () => {
				const actual: Record<string, string> = {};
				for (const role of roles) {
					const response = await request(role, variant.path(ids));
					actual[role] = outcomeOf(response);
					if (variant.get[role] !== 'ok') {
						// Refused means refused: no names from the demo data in the answer.
						expect(await response.text()).not.toMatch(/Piesberg|Hasetal/);
					}
				}
				expect(actual).toEqual(variant.get);
			});
		});
	}
});

describe('route × role matrix: form posts', () => {
	/** Mutating actions that only the office (or the own organisation's admin) may take. */
	const guarded: {
		path: (ids: Ids) => string;
		body: (ids: Ids) => Record<string, string>;
		allowed: Role[];
	}[] = [
		{
			path: () => '/office/legal?/save',
			body: () => ({ kind: 'imprint', bodyDe: 'gehackt', bodyEn: 'hacked' }),
			allowed: ['office']
		},
		{
			path: (ids) => `/office/people/${ids.memberPerson}?/grantRole`,
			body: () => ({ role: 'office' }),
			allowed: ['office']
		},
		{
			path: () => '/office/invitations?/invite',
			body: (ids) => ({
				email: 'eve@example.test',
				name: 'Eve',
				organisationId: ids.memberOrganisation,
				role: 'org_admin'
			}),
			allowed: ['office']
		},
		{ path: () => '/office/api-tokens?/create', body: () => ({ name: 'stolen' }), allowed: ['office'] },
		{
			path: (ids) => `/organisations/${ids.leadOrganisation}/profile?/save`,
			body: () => ({ name: 'Gehackt GmbH', shortDescriptionDe: 'gehackt' }),
			allowed: ['office']
		},
		{
			path: (ids) => `/organisations/${ids.memberOrganisation}/profile?/removeLogo`,
			body: () => ({}),
			allowed: ['orgadmin', 'office']
		},
		{
			path: (ids) => `/organisations/${ids.leadOrganisation}/team?/setContactFunction`,
			body: (ids) => ({ personId: ids.memberPerson, contactFunction: 'sales' }),
			allowed: ['office']
		},
		{ path: () => '/office/competencies?/add', body: () => ({ nameDe: 'Gehackt' }), allowed: ['office'] },
		{
			path: (ids) => `/office/applications/${ids.application}?/review`,
			body: () => ({ organisationName: 'Gehackt GmbH' }),
			allowed: ['office']
		},
		{
			path: (ids) => `/office/applications/${ids.application}?/approve`,
			body: () => ({ decisionNote: 'gehackt' }),
			allowed: ['board']
		},
		{
			path: (ids) => `/office/applications/${ids.application}?/reject`,
			body: () => ({ decisionNote: 'gehackt' }),
			allowed: ['board']
		},
		{
			path: (ids) => `/office/import/${ids.importRun}?/confirm`,
			body: () => ({}),
			allowed: ['office']
		},
		{
			path: () => `/events/${demoEvent.members}/edit?/save`,
			body: () => ({ titleDe: 'Gehackt' }),
			allowed: ['office']
		},
		{
			path: () => `/events/${demoEvent.ownCircle}/edit?/addQuestion`,
			body: () => ({ kind: 'text', labelDe: 'Gehackt' }),
			allowed: ['lead', 'office']
		},
		{ path: () => `/events/${demoEvent.members}/manage?/close`, body: () => ({}), allowed: ['office'] },
		{
			path: () => `/events/${demoEvent.members}/manage?/message`,
			body: () => ({ subject: 'Gehackt', body: 'gehackt' }),
			allowed: ['office']
		},
		{
			path: () => `/events/${demoEvent.ownCircle}/manage?/cancel`,
			body: () => ({ reason: 'gehackt', confirm: 'on' }),
			allowed: ['lead', 'office']
		},
		{
			path: () => `/events/${demoEvent.members}/manage?/addGuest`,
			body: () => ({ name: 'Mallory', email: 'mallory@example.test', organisationName: 'Gehackt GmbH' }),
			allowed: ['office']
		},
		{
			path: () => `/events/${demoEvent.members}/check-in?/ticket`,
			body: () => ({ code: 'AAAA-BBBB-CCCC-DDDD' }),
			allowed: ['office']
		},
		{
			path: () => `/circles/${secret}/threads/new`,
			body: () => ({ title: 'Gehackt', body: 'gehackt' }),
			allowed: ['office']
		},
		{
			path: () => `/circles/${own}/threads/${circleContent.thread[own]}?/pin`,
			body: () => ({}),
			allowed: ['lead', 'office']
		},
		{
			path: () => `/circles/${own}/threads/${circleContent.thread[own]}?/delete`,
			body: () => ({ postId: circleContent.post[own] }),
			allowed: ['member', 'lead', 'office']
		},
		{
			path: () => `/circles/${own}/meetings/${circleContent.meeting(own)}/minutes?/approve`,
			body: () => ({}),
			allowed: ['lead', 'office']
		},
		{
			path: () => `/circles/${own}/members?/invite`,
			body: () => ({ userId: 'x' }),
			allowed: ['lead', 'office']
		},
		{
			path: () => `/circles/${secret}/documents?/createFolder`,
			body: () => ({ name: 'Gehackt' }),
			allowed: ['office']
		},
		{
			path: () => '/office/circles?/create',
			body: () => ({ nameDe: 'Gehackt', nameEn: 'Hacked', joinPolicy: 'open' }),
			allowed: ['office']
		},
		{
			path: () => `/cooperation/${profile.own}/edit?/withdraw`,
			body: () => ({}),
			allowed: ['orgadmin', 'office']
		},
		{
			path: () => `/cooperation/${profile.lead}/interests?/accept`,
			body: () => ({ interestId: demoCooperationIds.interest('piesberg-gehaeuse', 'hasetal') }),
			allowed: ['lead', 'office']
		},
		{
			path: () => `/office/cooperation/${profile.inReview}?/approve`,
			body: () => ({}),
			allowed: ['office']
		},
		{
			path: () => '/cooperation/new',
			body: () => ({ organisationId: 'x', type: 'technology_request', title: 'Gehackt' }),
			allowed: ['orgadmin', 'office']
		},
		{
			path: () => '/events/new',
			body: () => ({ titleDe: 'Gehackt', organiser: 'office' }),
			allowed: ['orgadmin', 'lead', 'office']
		},
		{
			path: (ids) => `/organisations/${ids.leadOrganisation}/team?/invite`,
			body: () => ({ email: 'mallory@example.test', name: 'Mallory', role: 'org_admin', locale: 'de' }),
			allowed: ['office']
		}
	];

	it('refuses every guarded action to the roles without the permission, and nothing changes', async () => {
		const refusals: string[] = [];
		for (const action of guarded) {
			for (const role of roles) {
				if (action.allowed.includes(role)) continue;
				const response = await request(role, action.path(ids), {
					method: 'POST',
					headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.baseUrl },
					body: new URLSearchParams(action.body(ids))
				});
				const outcome = outcomeOf(response);
				const expected = role === 'anonymous' ? 'sign-in' : 'forbidden';
				if (outcome !== expected)
					refusals.push(`${role} ${action.path(ids)}: ${outcome}, expected ${expected}`);
			}
		}
		expect(refusals).toEqual([]);
		expect(await (await request('anonymous', '/impressum')).text()).not.toContain('gehackt');
		expect(await (await request('anonymous', '/atlas?q=Gehackt')).text()).not.toContain('Gehackt GmbH');
		expect(await (await request('office', '/office/competencies')).text()).not.toContain('Gehackt');
		expect(await (await request('anonymous', `/logos/${ids.logo}`)).status).toBe(200);
		expect(await (await request('office', `/office/applications/${ids.application}`)).text()).not.toMatch(
			/gehackt|Gehackt/
		);
		expect(outcomeOf(await request('member', '/office'))).toBe('forbidden');
		expect(await (await request('office', '/office/api-tokens')).text()).not.toContain('stolen');
		expect(await (await request('office', '/office/invitations')).text()).not.toMatch(
			/eve@example|mallory@example/
		);
		const membersEvent = await (await request('office', `/events/${demoEvent.members}`)).text();
		expect(membersEvent).not.toMatch(/Gehackt|gehackt/);
		expect(membersEvent).not.toContain('Die Anmeldung ist geschlossen.');
		expect(await (await request('office', `/events/${demoEvent.ownCircle}`)).text()).not.toContain(
			'Diese Veranstaltung wurde abgesagt.'
		);
		expect(await (await request('office', `/events/${demoEvent.members}/manage`)).text()).not.toMatch(
			/Mallory|Gehackt/
		);
		expect(await (await request('office', '/events?q=Gehackt')).text()).not.toContain('Gehackt</');
		// The refused cooperation actions changed nothing: still published, still in review, still pending.
		expect(await (await request('member', `/cooperation/${profile.own}`)).status).toBe(200);
		expect(await (await request('office', '/office/cooperation')).text()).toContain(profile.inReview);
	});
});
