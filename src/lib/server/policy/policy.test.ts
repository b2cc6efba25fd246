import { describe, expect, it } from 'vitest';
import { anonymousActor, type Actor } from './actor.ts';
import {
	actions,
	can,
	directoryAudience,
	type Action,
	type CircleScope,
	type EventScope,
	type ProfileScope
} from './policy.ts';

const NETWORK = 'net-a';
const OTHER_NETWORK = 'net-b';
const OWN_ORG = 'org-own';
const FOREIGN_ORG = 'org-foreign';

const base = (overrides: Partial<Actor>): Actor => ({
	...anonymousActor(NETWORK),
	userId: 'u',
	email: 'u@example.test',
	name: 'U',
	emailVerified: true,
	...overrides
});

/** The demo roles, as the seed creates them. */
const roles = {
	anonymous: anonymousActor(NETWORK),
	noRole: base({}),
	member: base({
		networkRoles: ['member'],
		organisations: [{ organisationId: OWN_ORG, role: 'org_member' }]
	}),
	orgadmin: base({
		networkRoles: ['member'],
		organisations: [{ organisationId: OWN_ORG, role: 'org_admin' }]
	}),
	lead: base({
		networkRoles: ['member'],
		organisations: [{ organisationId: 'org-lead', role: 'org_member' }],
		circles: [{ circleId: 'circle-1', role: 'lead' }]
	}),
	partner: base({
		networkRoles: ['partner'],
		organisations: [{ organisationId: 'org-wfo', role: 'org_member' }]
	}),
	board: base({ networkRoles: ['board'] }),
	office: base({ networkRoles: ['office'] })
} satisfies Record<string, Actor>;
type Role = keyof typeof roles;

const everyone: Role[] = ['anonymous', 'noRole', 'member', 'orgadmin', 'lead', 'partner', 'board', 'office'];
const signedIn: Role[] = everyone.filter((r) => r !== 'anonymous');

/**
 * The role matrix for actions without an organisation resource: who may. Every action must be
 * listed here — adding an action without deciding its row fails this test.
 */
const matrix: Record<Action, Role[]> = {
	'public.view': everyone,
	'account.manage': signedIn,
	'members.view': ['member', 'orgadmin', 'lead', 'partner', 'board', 'office'],
	'organisation.view_people': [], // needs a resource: see below
	'organisation.invite': [], // needs a resource: see below
	'office.view': ['board', 'office'],
	'office.people.read': ['board', 'office'],
	'office.organisations.read': ['board', 'office'],
	'office.roles.manage': ['office'],
	'office.invitations.manage': ['office'],
	'office.outbox.read': ['office'],
	'office.audit.read': ['board', 'office'],
	'office.tokens.manage': ['office'],
	'office.legal.edit': ['office'],
	'api.organisations.read': everyone,
	'api.me.read': ['member', 'orgadmin', 'lead', 'partner', 'board', 'office'],
	'directory.members': ['member', 'orgadmin', 'lead', 'partner', 'board', 'office'],
	'directory.office': ['board', 'office'],
	'directory.export': everyone,
	'organisation.edit_profile': [], // needs a resource: see below
	'office.taxonomy.manage': ['office'],
	'office.import': ['office'],
	'application.submit': everyone,
	'office.applications.read': ['board', 'office'],
	'office.applications.review': ['office'],
	'office.applications.decide': ['board'],
	'events.calendar': everyone,
	'event.view': [], // needs an event: see below
	'event.register': [], // needs an event: see below
	'event.register_guest': [], // needs an event: see below
	'event.create': ['orgadmin', 'lead', 'office'], // may create some event; which one: see below
	'event.manage': [], // needs an event: see below
	'event.check_in': [], // needs an event: see below
	'events.feed.personal': ['member', 'orgadmin', 'lead', 'partner', 'board', 'office'],
	'events.feed.circle': [], // needs a circle: see below
	'api.events.read': everyone,
	'circles.list': ['member', 'orgadmin', 'lead', 'partner', 'board', 'office'],
	'circle.view': [], // needs a circle: see below
	'circle.read': [], // needs a circle: see below
	'circle.contribute': [], // needs a circle: see below
	'circle.join': [], // needs a circle: see below
	'circle.lead': [], // needs a circle: see below
	'circle.manage': ['office'],
	'circle.post.edit': [], // needs a circle and an author: see below
	'circle.post.delete': [], // needs a circle and an author: see below
	'circle.action_item.update': [], // needs a circle and an owner: see below
	'circle.attendance': ['board', 'office'],
	'circle.notifications': [], // needs a circle: see below
	'cooperation.browse': everyone,
	'cooperation.profile.view': [], // needs a profile: see below
	'cooperation.profile.identify': [], // needs a profile: see below
	'cooperation.profile.create': ['orgadmin', 'office'], // for an organisation: see below
	'cooperation.profile.edit': [], // needs a profile: see below
	'cooperation.profile.stats': [], // needs a profile: see below
	'cooperation.review': ['office'],
	'cooperation.broker': ['office'],
	'cooperation.interest.send': [], // needs a profile: see below
	'cooperation.interest.decide': [], // needs a profile: see below
	'cooperation.interest.withdraw': [], // needs an interest: see below
	'cooperation.outcome.record': [], // needs a profile: see below
	'cooperation.notifications': ['member', 'orgadmin', 'lead', 'partner', 'board', 'office'],
	'office.cooperation.read': ['board', 'office'],
	'api.cooperation.read': everyone
};

describe('policy role × action matrix', () => {
	it('has a row for every action', () => {
		expect(Object.keys(matrix).sort()).toEqual([...actions].sort());
	});

	for (const action of actions) {
		for (const role of everyone) {
			const expected = matrix[action].includes(role);
			it(`${role} ${expected ? 'may' : 'may not'} ${action}`, () => {
				expect(can(roles[role], action, { networkId: NETWORK })).toBe(expected);
			});
		}
	}
});

describe('organisation resources', () => {
	const own = { networkId: NETWORK, organisationId: OWN_ORG };
	const foreign = { networkId: NETWORK, organisationId: FOREIGN_ORG };

	it.each([
		['member', true, false],
		['orgadmin', true, true],
		['lead', false, false],
		['partner', false, false],
		['board', true, false],
		['office', true, true],
		['anonymous', false, false]
	] as const)('%s: view own org people %s, invite and edit the profile %s', (role, view, invite) => {
		expect(can(roles[role], 'organisation.view_people', own)).toBe(view);
		expect(can(roles[role], 'organisation.invite', own)).toBe(invite);
		expect(can(roles[role], 'organisation.edit_profile', own)).toBe(invite);
	});

	it.each(['member', 'orgadmin', 'lead', 'partner'] as const)(
		"%s gets nothing of another organisation's people",
		(role) => {
			expect(can(roles[role], 'organisation.view_people', foreign)).toBe(false);
			expect(can(roles[role], 'organisation.invite', foreign)).toBe(false);
			expect(can(roles[role], 'organisation.edit_profile', foreign)).toBe(false);
		}
	);

	it('requires an organisation for organisation actions', () => {
		expect(can(roles.office, 'organisation.view_people', { networkId: NETWORK })).toBe(false);
		expect(can(roles.office, 'organisation.invite')).toBe(false);
		expect(can(roles.office, 'organisation.edit_profile')).toBe(false);
	});
});

describe('network scope', () => {
	it.each(actions)('no role reaches into another network: %s', (action) => {
		for (const role of everyone) {
			expect(can(roles[role], action, { networkId: OTHER_NETWORK, organisationId: OWN_ORG })).toBe(false);
		}
	});
});

describe('directory audience', () => {
	it.each([
		['anonymous', 'public'],
		['noRole', 'public'],
		['member', 'members'],
		['orgadmin', 'members'],
		['lead', 'members'],
		['partner', 'members'],
		['board', 'office'],
		['office', 'office']
	] as const)('%s sees the %s directory', (role, audience) => {
		expect(directoryAudience(roles[role])).toBe(audience);
	});
});

describe('event resources', () => {
	const scope = (overrides: Partial<EventScope>): EventScope => ({
		status: 'published',
		audience: 'members',
		audienceCircleId: null,
		organiserKind: 'office',
		organiserCircleId: null,
		organiserOrganisationId: null,
		hostOrganisationId: null,
		...overrides
	});
	const on = (event: EventScope) => ({ networkId: NETWORK, event });
	const nonMembers: Role[] = ['anonymous', 'noRole'];
	const networkPeople: Role[] = ['member', 'orgadmin', 'lead', 'partner', 'board', 'office'];

	const publicEvent = scope({ audience: 'public' });
	const membersEvent = scope({});
	const circleEvent = scope({
		audience: 'circle',
		audienceCircleId: 'circle-1',
		organiserKind: 'circle',
		organiserCircleId: 'circle-1'
	});
	const otherCircleEvent = scope({
		audience: 'circle',
		audienceCircleId: 'circle-2',
		organiserKind: 'circle',
		organiserCircleId: 'circle-2'
	});
	const ownOrgEvent = scope({ organiserKind: 'organisation', organiserOrganisationId: OWN_ORG });
	const foreignOrgEvent = scope({ organiserKind: 'organisation', organiserOrganisationId: FOREIGN_ORG });
	const hostedByOwnOrg = scope({ hostOrganisationId: OWN_ORG });

	const cases: [string, EventScope, Record<'view' | 'register' | 'guest' | 'manage' | 'checkIn', Role[]>][] =
		[
			[
				'public event',
				publicEvent,
				{ view: everyone, register: networkPeople, guest: everyone, manage: ['office'], checkIn: ['office'] }
			],
			[
				'members event',
				membersEvent,
				{ view: networkPeople, register: networkPeople, guest: [], manage: ['office'], checkIn: ['office'] }
			],
			[
				"circle-1's event",
				circleEvent,
				{
					view: ['lead', 'board', 'office'],
					register: ['lead', 'board', 'office'],
					guest: [],
					manage: ['lead', 'office'],
					checkIn: ['lead', 'office']
				}
			],
			[
				"another circle's event",
				otherCircleEvent,
				{
					view: ['board', 'office'],
					register: ['board', 'office'],
					guest: [],
					manage: ['office'],
					checkIn: ['office']
				}
			],
			[
				"own organisation's event",
				ownOrgEvent,
				{
					view: networkPeople,
					register: networkPeople,
					guest: [],
					manage: ['orgadmin', 'office'],
					checkIn: ['orgadmin', 'office']
				}
			],
			[
				"another organisation's event",
				foreignOrgEvent,
				{ view: networkPeople, register: networkPeople, guest: [], manage: ['office'], checkIn: ['office'] }
			],
			[
				'event hosted by the own organisation',
				hostedByOwnOrg,
				{
					view: networkPeople,
					register: networkPeople,
					guest: [],
					manage: ['office'],
					checkIn: ['orgadmin', 'office']
				}
			],
			[
				'draft public event',
				scope({ audience: 'public', status: 'draft' }),
				{ view: ['office'], register: [], guest: [], manage: ['office'], checkIn: ['office'] }
			],
			[
				'cancelled public event',
				scope({ audience: 'public', status: 'cancelled' }),
				{ view: everyone, register: [], guest: [], manage: ['office'], checkIn: ['office'] }
			]
		];

	for (const [label, event, allowed] of cases) {
		for (const role of everyone) {
			it(`${role} on a ${label}`, () => {
				const resource = on(event);
				expect(can(roles[role], 'event.view', resource)).toBe(allowed.view.includes(role));
				expect(can(roles[role], 'event.register', resource)).toBe(allowed.register.includes(role));
				expect(can(roles[role], 'event.register_guest', resource)).toBe(allowed.guest.includes(role));
				expect(can(roles[role], 'event.manage', resource)).toBe(allowed.manage.includes(role));
				expect(can(roles[role], 'event.create', resource)).toBe(allowed.manage.includes(role));
				expect(can(roles[role], 'event.check_in', resource)).toBe(allowed.checkIn.includes(role));
			});
		}
	}

	it('nobody outside a circle gets its feed', () => {
		const feed = on(circleEvent);
		const allowed: Role[] = ['lead', 'board', 'office'];
		for (const role of everyone)
			expect(can(roles[role], 'events.feed.circle', feed)).toBe(allowed.includes(role));
		expect(nonMembers.some((role) => can(roles[role], 'events.feed.circle', on(otherCircleEvent)))).toBe(
			false
		);
	});

	it('an event of another network is nobody’s business', () => {
		for (const role of everyone) {
			expect(can(roles[role], 'event.view', { networkId: OTHER_NETWORK, event: publicEvent })).toBe(false);
			expect(can(roles[role], 'event.manage', { networkId: OTHER_NETWORK, event: publicEvent })).toBe(false);
		}
	});
});

describe('circle resources', () => {
	const scope = (overrides: Partial<CircleScope> = {}): CircleScope => ({
		id: 'circle-1',
		confidential: false,
		joinPolicy: 'request',
		...overrides
	});
	const on = (circle: CircleScope, userId?: string) => ({ networkId: NETWORK, circle, userId });
	/** A plain member of circle-1 and of a partner agency in circle-1, besides the matrix's roles. */
	const circleMember = base({
		userId: 'cm',
		networkRoles: ['member'],
		organisations: [{ organisationId: OWN_ORG, role: 'org_member' }],
		circles: [{ circleId: 'circle-1', role: 'member' }]
	});
	const partnerInCircle = base({
		userId: 'pc',
		networkRoles: ['partner'],
		circles: [{ circleId: 'circle-1', role: 'member' }]
	});
	const all = { ...roles, circleMember, partnerInCircle };
	type Who = keyof typeof all;
	const who = Object.keys(all) as Who[];

	const cases: [
		string,
		CircleScope,
		Record<'view' | 'read' | 'contribute' | 'join' | 'lead' | 'attendance' | 'notifications', Who[]>
	][] = [
		[
			'open circle-1',
			scope({ joinPolicy: 'open' }),
			{
				view: ['member', 'orgadmin', 'lead', 'partner', 'board', 'office', 'circleMember', 'partnerInCircle'],
				read: ['member', 'orgadmin', 'lead', 'board', 'office', 'circleMember', 'partnerInCircle'],
				contribute: ['lead', 'office', 'circleMember', 'partnerInCircle'],
				join: ['member', 'orgadmin', 'partner'],
				lead: ['lead', 'office'],
				attendance: ['lead', 'board', 'office'],
				notifications: ['lead', 'circleMember', 'partnerInCircle']
			}
		],
		[
			'confidential circle-1 by invitation',
			scope({ confidential: true, joinPolicy: 'invitation' }),
			{
				view: ['member', 'orgadmin', 'lead', 'partner', 'board', 'office', 'circleMember', 'partnerInCircle'],
				read: ['lead', 'board', 'office', 'circleMember', 'partnerInCircle'],
				contribute: ['lead', 'office', 'circleMember', 'partnerInCircle'],
				join: [],
				lead: ['lead', 'office'],
				attendance: ['lead', 'board', 'office'],
				notifications: ['lead', 'circleMember', 'partnerInCircle']
			}
		],
		[
			'confidential circle-2',
			scope({ id: 'circle-2', confidential: true }),
			{
				view: ['member', 'orgadmin', 'lead', 'partner', 'board', 'office', 'circleMember', 'partnerInCircle'],
				read: ['board', 'office'],
				contribute: ['office'],
				join: ['member', 'orgadmin', 'lead', 'partner', 'circleMember', 'partnerInCircle'],
				lead: ['office'],
				attendance: ['board', 'office'],
				notifications: []
			}
		]
	];

	for (const [label, circle, allowed] of cases) {
		for (const role of who) {
			it(`${role} on ${label}`, () => {
				const resource = on(circle);
				expect(can(all[role], 'circle.view', resource)).toBe(allowed.view.includes(role));
				expect(can(all[role], 'circle.read', resource)).toBe(allowed.read.includes(role));
				expect(can(all[role], 'circle.contribute', resource)).toBe(allowed.contribute.includes(role));
				expect(can(all[role], 'circle.join', resource)).toBe(allowed.join.includes(role));
				expect(can(all[role], 'circle.lead', resource)).toBe(allowed.lead.includes(role));
				expect(can(all[role], 'circle.attendance', resource)).toBe(allowed.attendance.includes(role));
				expect(can(all[role], 'circle.notifications', resource)).toBe(allowed.notifications.includes(role));
			});
		}
	}

	it('only the author edits a post, while still in the circle; author, lead and office delete it', () => {
		const circle = scope({ confidential: true });
		expect(can(circleMember, 'circle.post.edit', on(circle, 'cm'))).toBe(true);
		expect(can(circleMember, 'circle.post.delete', on(circle, 'cm'))).toBe(true);
		expect(can(circleMember, 'circle.post.edit', on(circle, 'someone-else'))).toBe(false);
		expect(can(circleMember, 'circle.post.delete', on(circle, 'someone-else'))).toBe(false);
		expect(can(roles.lead, 'circle.post.edit', on(circle, 'cm'))).toBe(false);
		expect(can(roles.lead, 'circle.post.delete', on(circle, 'cm'))).toBe(true);
		expect(can(roles.office, 'circle.post.delete', on(circle, 'cm'))).toBe(true);
		expect(can(roles.board, 'circle.post.delete', on(circle, 'cm'))).toBe(false);
		// Having left the circle, the author can no longer touch the post.
		const former = { ...circleMember, circles: [] };
		expect(can(former, 'circle.post.edit', on(circle, 'cm'))).toBe(false);
		expect(can(former, 'circle.post.delete', on(circle, 'cm'))).toBe(false);
	});

	it('the owner, a lead and the office update an action item; another member does not', () => {
		const circle = scope();
		expect(can(circleMember, 'circle.action_item.update', on(circle, 'cm'))).toBe(true);
		expect(can(partnerInCircle, 'circle.action_item.update', on(circle, 'cm'))).toBe(false);
		expect(can(roles.lead, 'circle.action_item.update', on(circle, 'cm'))).toBe(true);
		expect(can(roles.office, 'circle.action_item.update', on(circle, 'cm'))).toBe(true);
		expect(can(roles.board, 'circle.action_item.update', on(circle, 'cm'))).toBe(false);
	});

	it('every circle action needs a circle, and one of another network is nobody’s business', () => {
		const circleActions = [
			'circle.view',
			'circle.read',
			'circle.contribute',
			'circle.join',
			'circle.lead',
			'circle.post.edit',
			'circle.post.delete',
			'circle.action_item.update',
			'circle.notifications'
		] as const;
		for (const action of circleActions)
			for (const role of who) {
				expect(can(all[role], action, { networkId: NETWORK })).toBe(false);
				expect(can(all[role], action, { networkId: OTHER_NETWORK, circle: scope(), userId: 'cm' })).toBe(
					false
				);
			}
	});
});

describe('cooperation profiles', () => {
	const profile = (overrides: Partial<ProfileScope> = {}): ProfileScope => ({
		organisationId: OWN_ORG,
		status: 'published',
		visibility: 'members',
		expired: false,
		revealedTo: [],
		...overrides
	});
	const on = (scope: ProfileScope, organisationId?: string) => ({
		networkId: NETWORK,
		profile: scope,
		organisationId
	});
	/** The admin of another organisation, and a member of one the owner revealed itself to. */
	const foreignAdmin = base({
		userId: 'fa',
		networkRoles: ['member'],
		organisations: [{ organisationId: FOREIGN_ORG, role: 'org_admin' }]
	});
	const revealed = base({
		userId: 'rv',
		networkRoles: ['member'],
		organisations: [{ organisationId: 'org-revealed', role: 'org_member' }]
	});
	const all = { ...roles, foreignAdmin, revealed };
	type Who = keyof typeof all;
	const who = Object.keys(all) as Who[];
	/** The organisation each person would answer for. */
	const from: Record<Who, string | undefined> = {
		anonymous: undefined,
		noRole: undefined,
		member: OWN_ORG,
		orgadmin: OWN_ORG,
		lead: 'org-lead',
		partner: 'org-wfo',
		board: undefined,
		office: undefined,
		foreignAdmin: FOREIGN_ORG,
		revealed: 'org-revealed'
	};
	const inNetwork: Who[] = [
		'member',
		'orgadmin',
		'lead',
		'partner',
		'board',
		'office',
		'foreignAdmin',
		'revealed'
	];
	const answerers: Who[] = ['lead', 'partner', 'foreignAdmin', 'revealed'];

	const cases: [
		string,
		ProfileScope,
		Record<'view' | 'identify' | 'edit' | 'stats' | 'send' | 'decide' | 'outcome', Who[]>
	][] = [
		[
			"own organisation's published members' profile",
			profile(),
			{
				view: inNetwork,
				identify: inNetwork,
				edit: ['orgadmin', 'office'],
				stats: ['member', 'orgadmin', 'board', 'office'],
				send: answerers,
				decide: ['orgadmin'],
				outcome: ['orgadmin', 'office']
			}
		],
		[
			'published anonymous profile, revealed to one organisation',
			profile({ visibility: 'public_anonymous', revealedTo: ['org-revealed'] }),
			{
				view: who,
				identify: ['member', 'orgadmin', 'board', 'office', 'revealed'],
				edit: ['orgadmin', 'office'],
				stats: ['member', 'orgadmin', 'board', 'office'],
				send: answerers,
				decide: ['orgadmin'],
				outcome: ['orgadmin', 'office']
			}
		],
		[
			"another organisation's draft",
			profile({ organisationId: FOREIGN_ORG, status: 'draft' }),
			{
				view: ['board', 'office', 'foreignAdmin'],
				identify: ['board', 'office', 'foreignAdmin'],
				edit: ['office', 'foreignAdmin'],
				stats: ['board', 'office', 'foreignAdmin'],
				send: [],
				decide: ['foreignAdmin'],
				outcome: ['office', 'foreignAdmin']
			}
		],
		[
			'an expired anonymous profile',
			profile({ organisationId: FOREIGN_ORG, visibility: 'public_anonymous', expired: true }),
			{
				view: ['board', 'office', 'foreignAdmin'],
				identify: ['board', 'office', 'foreignAdmin'],
				edit: ['office', 'foreignAdmin'],
				stats: ['board', 'office', 'foreignAdmin'],
				send: [],
				decide: ['foreignAdmin'],
				outcome: ['office', 'foreignAdmin']
			}
		],
		[
			'a profile in review',
			profile({ organisationId: FOREIGN_ORG, status: 'in_review', visibility: 'public_anonymous' }),
			{
				view: ['board', 'office', 'foreignAdmin'],
				identify: ['board', 'office', 'foreignAdmin'],
				edit: ['office', 'foreignAdmin'],
				stats: ['board', 'office', 'foreignAdmin'],
				send: [],
				decide: ['foreignAdmin'],
				outcome: ['office', 'foreignAdmin']
			}
		]
	];

	for (const [label, scope, allowed] of cases) {
		for (const role of who) {
			it(`${role} on ${label}`, () => {
				const actor = all[role];
				const resource = on(scope);
				expect(can(actor, 'cooperation.profile.view', resource)).toBe(allowed.view.includes(role));
				expect(can(actor, 'cooperation.profile.identify', resource)).toBe(allowed.identify.includes(role));
				expect(can(actor, 'cooperation.profile.edit', resource)).toBe(allowed.edit.includes(role));
				expect(can(actor, 'cooperation.profile.stats', resource)).toBe(allowed.stats.includes(role));
				expect(can(actor, 'cooperation.interest.send', on(scope, from[role]))).toBe(
					allowed.send.includes(role)
				);
				expect(can(actor, 'cooperation.interest.decide', resource)).toBe(allowed.decide.includes(role));
				expect(can(actor, 'cooperation.outcome.record', resource)).toBe(allowed.outcome.includes(role));
			});
		}
	}

	it('an interest is sent for one of the sender’s own organisations, never the owner’s', () => {
		const scope = profile({ organisationId: FOREIGN_ORG });
		expect(can(roles.orgadmin, 'cooperation.interest.send', on(scope, OWN_ORG))).toBe(true);
		expect(can(roles.orgadmin, 'cooperation.interest.send', on(scope, 'org-lead'))).toBe(false);
		expect(can(roles.orgadmin, 'cooperation.interest.send', on(scope))).toBe(false);
		expect(can(foreignAdmin, 'cooperation.interest.send', on(scope, FOREIGN_ORG))).toBe(false);
	});

	it('an interest is withdrawn by its sender while in the organisation, or by its admins', () => {
		const interest = (organisationId: string, userId: string | null) => ({
			networkId: NETWORK,
			organisationId,
			userId
		});
		const sender = { ...roles.member, userId: 'sender' };
		expect(can(sender, 'cooperation.interest.withdraw', interest(OWN_ORG, 'sender'))).toBe(true);
		expect(can(roles.member, 'cooperation.interest.withdraw', interest(OWN_ORG, 'sender'))).toBe(false);
		expect(can(roles.orgadmin, 'cooperation.interest.withdraw', interest(OWN_ORG, 'sender'))).toBe(true);
		expect(can(roles.orgadmin, 'cooperation.interest.withdraw', interest(FOREIGN_ORG, 'sender'))).toBe(false);
		expect(
			can({ ...sender, organisations: [] }, 'cooperation.interest.withdraw', interest(OWN_ORG, 'sender'))
		).toBe(false);
		expect(can(roles.office, 'cooperation.interest.withdraw', interest(OWN_ORG, 'sender'))).toBe(false);
		expect(can(roles.anonymous, 'cooperation.interest.withdraw', interest(OWN_ORG, null))).toBe(false);
		expect(
			can(sender, 'cooperation.interest.withdraw', {
				networkId: OTHER_NETWORK,
				organisationId: OWN_ORG,
				userId: 'sender'
			})
		).toBe(false);
	});

	it('a profile is created for an organisation its admin runs, or by the office', () => {
		const forOrg = (organisationId: string) => ({ networkId: NETWORK, organisationId });
		expect(can(roles.orgadmin, 'cooperation.profile.create', forOrg(OWN_ORG))).toBe(true);
		expect(can(roles.orgadmin, 'cooperation.profile.create', forOrg(FOREIGN_ORG))).toBe(false);
		expect(can(roles.member, 'cooperation.profile.create', forOrg(OWN_ORG))).toBe(false);
		expect(can(roles.office, 'cooperation.profile.create', forOrg(FOREIGN_ORG))).toBe(true);
		expect(can(roles.board, 'cooperation.profile.create', forOrg(FOREIGN_ORG))).toBe(false);
	});

	it('every profile action needs a profile, and one of another network is nobody’s business', () => {
		const profileActions = [
			'cooperation.profile.view',
			'cooperation.profile.identify',
			'cooperation.profile.edit',
			'cooperation.profile.stats',
			'cooperation.interest.send',
			'cooperation.interest.decide',
			'cooperation.outcome.record'
		] as const;
		for (const action of profileActions)
			for (const role of who) {
				expect(can(all[role], action, { networkId: NETWORK, organisationId: from[role] })).toBe(false);
				expect(
					can(all[role], action, { networkId: OTHER_NETWORK, profile: profile(), organisationId: from[role] })
				).toBe(false);
			}
	});
});
