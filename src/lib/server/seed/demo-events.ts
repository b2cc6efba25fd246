import { createHash } from 'node:crypto';
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import {
	circles,
	eventFeedback,
	eventFormats,
	eventQuestions,
	eventRegistrations,
	events,
	eventSeries,
	organisations,
	people,
	user
} from '../db/schema/index.ts';
import { localToUtc, utcToLocal } from '../../events/time.ts';
import { holdsSeat, type RegistrationStatus } from '../../events/vocabulary.ts';
import { recomputeAttendanceFigures } from '../events/follow-up/attendance.ts';
import { registrationAccessToken } from '../events/registration/index.ts';
import { generateTicketCode, hashToken } from '../events/registration/tokens.ts';
import { generateSecretToken } from '../secrets.ts';
import { demoEventPlans, type DemoEventPlan } from './demo-event-plans.ts';
import { ensureEventFormats } from './event-formats.ts';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A stable UUID for a demo row: the same on every seed, different for every key. */
export function demoUuid(key: string) {
	const hex = createHash('sha256').update(`autos-demo:${key}`).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

type Registrant = {
	userId: string | null;
	organisationId: string | null;
	organisationName: string;
	name: string;
	email: string;
	locale: 'de' | 'en';
};

const outsideGuests: Registrant[] = [
	['Lea Krüger', 'Hochschule Osnabrück'],
	['Daniel Oppermann', 'Oppermann Unternehmensberatung'],
	['Sophie Laumann', 'IHK Osnabrück – Emsland – Grafschaft Bentheim'],
	['Marco Bellini', 'Bellini Automotive Consulting'],
	['Anna Schwertfeger', 'Regionales Innovationszentrum Münsterland']
].map(([name, organisationName], index) => ({
	userId: null,
	organisationId: null,
	organisationName: organisationName!,
	name: name!,
	email: `${name!.toLowerCase().replace(/\s+/g, '.')}@gast.example`,
	locale: index === 3 ? 'en' : 'de'
}));

const questionSets = {
	catering: [
		{
			kind: 'choice' as const,
			labelDe: 'Ernährungswünsche',
			labelEn: 'Dietary requirements',
			options: ['Keine', 'Vegetarisch', 'Vegan', 'Glutenfrei'],
			required: true
		},
		{
			kind: 'yes_no' as const,
			labelDe: 'Bringen Sie eine Begleitperson mit?',
			labelEn: 'Are you bringing a guest?',
			options: [],
			required: false
		}
	],
	conference: [
		{
			kind: 'choice' as const,
			labelDe: 'Ernährungswünsche',
			labelEn: 'Dietary requirements',
			options: ['Keine', 'Vegetarisch', 'Vegan'],
			required: true
		},
		{
			kind: 'choice' as const,
			labelDe: 'Workshop am zweiten Tag',
			labelEn: 'Workshop on the second day',
			options: ['Batteriesysteme', 'Wasserstoff', 'Digitalisierung'],
			required: false
		},
		{
			kind: 'text' as const,
			labelDe: 'Benötigen Sie Unterstützung zur Barrierefreiheit?',
			labelEn: 'Do you need accessibility support?',
			options: [],
			required: false
		}
	],
	visit: [
		{
			kind: 'text' as const,
			labelDe: 'Schuhgröße für Sicherheitsschuhe (falls Sie keine eigenen mitbringen)',
			labelEn: 'Safety shoe size (if you do not bring your own)',
			options: [],
			required: false
		}
	]
};

function answerFor(kind: string, options: string[], index: number, questionIndex: number) {
	if (kind === 'yes_no') return index % 6 === 0 ? 'yes' : 'no';
	if (kind === 'choice') {
		if (questionIndex > 0) return options[index % options.length]!;
		return index % 9 === 0 ? options[2]! : index % 5 === 0 ? options[1]! : options[0]!;
	}
	return index % 7 === 3 ? (questionIndex === 0 ? '43' : 'Rollstuhlgerechter Zugang') : '';
}

/** Local wall-clock time on day `offset` after the seed day, in Europe/Berlin. */
function at(today: string, offset: number, time: string) {
	const date = new Date(Date.parse(`${today}T12:00:00Z`) + offset * DAY).toISOString().slice(0, 10);
	const result = localToUtc({ date, time });
	if (!result.ok) throw new Error(`demo event time ${date} ${time}: ${result.reason}`);
	return result.value;
}

const ratings = [5, 4, 4, 5, 3, 4, 5, 2, 4, 5];
const comments = [
	'Sehr gute Vorträge, gern mehr Zeit für Fragen.',
	'Toller Austausch, die Führung war der Höhepunkt.',
	'Etwas zu voll, aber inhaltlich stark.',
	'Great talks, and the networking afterwards was very useful.',
	'Bitte nächstes Mal früher beginnen – die Anfahrt aus dem Kreis Steinfurt ist weit.',
	'Mehr Praxisbeispiele von kleineren Unternehmen wären hilfreich.'
];

/** The status of the n-th registrant of a past event: most came, a few did not, some cancelled. */
function pastStatus(n: number, online: boolean): RegistrationStatus {
	if (n % 13 === 6) return 'cancelled';
	if (online) return 'registered';
	return n % 8 === 5 ? 'no_show' : 'attended';
}

async function registrantsOf(db: Database, networkId: string) {
	const accounts = await db
		.select({
			email: user.email,
			userId: user.id,
			name: user.name,
			organisationId: people.organisationId,
			organisationName: organisations.name
		})
		.from(people)
		.innerJoin(user, eq(user.id, people.userId))
		.leftJoin(organisations, eq(organisations.id, people.organisationId))
		.where(eq(people.networkId, networkId));
	const contacts = await db
		.select({
			firstName: people.firstName,
			lastName: people.lastName,
			email: people.email,
			organisationId: people.organisationId,
			organisationName: organisations.name
		})
		.from(people)
		.innerJoin(organisations, eq(organisations.id, people.organisationId))
		.where(
			and(
				eq(people.networkId, networkId),
				isNull(people.userId),
				isNotNull(people.email),
				eq(organisations.status, 'member')
			)
		)
		.orderBy(asc(people.email));
	const byEmail = new Map<string, Registrant>(
		accounts.map((a) => [
			a.email,
			{
				userId: a.userId,
				organisationId: a.organisationId,
				organisationName: a.organisationName ?? '',
				name: a.name,
				email: a.email,
				locale: 'de'
			}
		])
	);
	const pool: Registrant[] = contacts.map((c, index) => ({
		userId: null,
		organisationId: c.organisationId,
		organisationName: c.organisationName,
		name: `${c.firstName} ${c.lastName}`,
		email: c.email!.toLowerCase(),
		locale: index % 10 === 4 ? 'en' : 'de'
	}));
	return { byEmail, pool };
}

/**
 * The demo network's events with registrations: past ones with check-ins, feedback and stored
 * attendance figures (and their reminders and feedback requests marked as sent, so a fresh demo
 * mails nobody about the past), upcoming ones with registrations, a full company visit with a
 * waitlist, and questions on some. Ids and content are stable; dates follow the seed day.
 */
export async function insertDemoEvents(db: Database, networkId: string, now = new Date()) {
	await ensureEventFormats(db, networkId);
	const formats = new Map(
		(await db.select().from(eventFormats).where(eq(eventFormats.networkId, networkId))).map((f) => [
			f.key,
			f.id
		])
	);
	const circleIds = new Map(
		(await db.select().from(circles).where(eq(circles.networkId, networkId))).map((c) => [c.slug, c.id])
	);
	const organisationIds = new Map(
		(
			await db
				.select({ id: organisations.id, name: organisations.name })
				.from(organisations)
				.where(eq(organisations.networkId, networkId))
		).map((o) => [o.name, o.id])
	);
	const { byEmail, pool } = await registrantsOf(db, networkId);
	const office = byEmail.get('office@demo.example')!;
	const today = utcToLocal(now).date;
	const seriesId = demoUuid('series:stammtisch');
	await db.insert(eventSeries).values({
		id: seriesId,
		networkId,
		title: 'AutOS-Stammtisch',
		createdAt: new Date(now.getTime() - 200 * DAY)
	});

	let cursor = 0;
	let inserted = 0;
	for (const plan of demoEventPlans) {
		const startsAt = at(today, plan.day, plan.time);
		const endsAt = new Date(startsAt.getTime() + plan.minutes * MINUTE);
		const past = endsAt < now;
		const eventId = demoUuid(`event:${plan.key}`);
		const registrants = chooseRegistrants(plan, byEmail, pool, cursor);
		cursor += plan.contacts;
		const rows = registrationRows(plan, registrants, {
			eventId,
			networkId,
			startsAt,
			endsAt,
			past,
			now,
			officeId: office.userId!
		});
		const createdAt = new Date(Math.min(now.getTime() - DAY, startsAt.getTime() - 60 * DAY));
		await db.insert(events).values({
			id: eventId,
			networkId,
			formatId: formats.get(plan.format)!,
			seriesId: plan.series ? seriesId : null,
			status: 'published',
			titleDe: plan.titleDe,
			titleEn: plan.titleEn,
			descriptionDe: plan.descriptionDe,
			descriptionEn: plan.descriptionEn,
			startsAt,
			endsAt,
			locationKind: plan.location.kind,
			venueName: plan.location.venue ?? '',
			street: plan.location.street ?? '',
			postalCode: plan.location.postalCode ?? '',
			city: plan.location.city ?? '',
			latitude: plan.location.latitude ?? null,
			longitude: plan.location.longitude ?? null,
			onlineUrl: plan.onlineUrl ?? null,
			hostOrganisationId: plan.host ? organisationIds.get(plan.host)! : null,
			organiserKind: plan.organiser === 'host' ? 'organisation' : plan.organiser,
			organiserCircleId: plan.organiser === 'circle' ? circleIds.get(plan.circle!)! : null,
			organiserOrganisationId: plan.organiser === 'host' ? organisationIds.get(plan.host!)! : null,
			audience: plan.audience,
			audienceCircleId: plan.audience === 'circle' ? circleIds.get(plan.circle!)! : null,
			capacity: plan.capacity ?? null,
			seatsTaken: rows.filter((row) => holdsSeat(row.status)).length,
			contactName: 'Katharina Lindemann',
			contactEmail: 'office@demo.example',
			feedbackRequestedAt: past ? new Date(endsAt.getTime() + HOUR) : null,
			createdBy: office.userId,
			createdAt,
			updatedAt: createdAt
		});
		const questions = plan.questions ? questionSets[plan.questions] : [];
		const questionIds = questions.map((_, index) => demoUuid(`question:${plan.key}:${index}`));
		if (questions.length)
			await db
				.insert(eventQuestions)
				.values(
					questions.map((q, position) => ({ ...q, id: questionIds[position]!, networkId, eventId, position }))
				);
		for (const [index, row] of rows.entries()) {
			const answers: Record<string, string> = {};
			questions.forEach((q, qi) => {
				const value = answerFor(q.kind, q.options, index, qi);
				if (value) answers[questionIds[qi]!] = value;
			});
			row.answers = answers;
		}
		if (rows.length) await db.insert(eventRegistrations).values(rows);
		if (past) {
			const attended = rows.filter(
				(row) => row.status === 'attended' || (row.status === 'registered' && plan.location.kind === 'online')
			);
			const feedback = attended
				.filter((_, index) => index % 3 !== 2)
				.map((row, index) => ({
					registrationId: row.id!,
					networkId,
					eventId,
					rating: ratings[index % ratings.length]!,
					comment: index % 4 === 1 ? comments[(index + plan.day) % comments.length]! : '',
					createdAt: new Date(endsAt.getTime() + (2 + index) * HOUR)
				}));
			if (feedback.length) await db.insert(eventFeedback).values(feedback);
			await recomputeAttendanceFigures(db, eventId);
		}
		inserted++;
	}
	return inserted;
}

function chooseRegistrants(
	plan: DemoEventPlan,
	byEmail: Map<string, Registrant>,
	pool: Registrant[],
	cursor: number
) {
	const account = (email: string) => {
		const found = byEmail.get(email);
		if (!found) throw new Error(`Demo account missing: ${email}`);
		return found;
	};
	const contacts = Array.from(
		{ length: Math.min(plan.contacts, pool.length) },
		(_, i) => pool[(cursor + i) % pool.length]!
	);
	const guests = outsideGuests.slice(0, plan.guests ?? 0);
	return [...plan.accounts.map(account), ...contacts, ...guests, ...(plan.lateAccounts ?? []).map(account)];
}

type RegistrationRow = typeof eventRegistrations.$inferInsert & { status: RegistrationStatus };

function registrationRows(
	plan: DemoEventPlan,
	registrants: Registrant[],
	context: {
		eventId: string;
		networkId: string;
		startsAt: Date;
		endsAt: Date;
		past: boolean;
		now: Date;
		officeId: string;
	}
): RegistrationRow[] {
	const { eventId, networkId, startsAt, endsAt, past, now } = context;
	// Registrations came in over the weeks before the event, and never after today.
	const firstArrival = Math.min(startsAt.getTime() - 30 * DAY, now.getTime() - 3 * DAY);
	let seats = 0;
	const rows = registrants.map((person, n): RegistrationRow => {
		const id = demoUuid(`registration:${plan.key}:${n}`);
		const ticketCode = generateTicketCode();
		const createdAt = new Date(firstArrival + n * 41 * MINUTE);
		let status: RegistrationStatus = past ? pastStatus(n, plan.location.kind === 'online') : 'registered';
		if (holdsSeat(status) && plan.capacity != null && seats >= plan.capacity) status = 'waitlisted';
		if (holdsSeat(status)) seats++;
		return {
			id,
			networkId,
			eventId,
			userId: person.userId,
			organisationId: person.organisationId,
			name: person.name,
			email: person.email,
			organisationName: person.organisationName,
			locale: person.locale,
			status,
			accessTokenHash: hashToken(registrationAccessToken({ id, ticketCode })),
			ticketCode,
			addedBy: null,
			createdAt,
			confirmedAt: person.userId ? null : createdAt,
			cancelledAt: status === 'cancelled' ? new Date(startsAt.getTime() - 2 * DAY) : null,
			checkedInAt: status === 'attended' ? new Date(startsAt.getTime() - 10 * MINUTE + n * 20 * 1000) : null,
			checkedInBy: status === 'attended' ? context.officeId : null,
			reminderSentAt:
				past && status !== 'cancelled' && status !== 'waitlisted' ? new Date(startsAt.getTime() - DAY) : null,
			feedbackRequestedAt:
				past && (status === 'attended' || (status === 'registered' && plan.location.kind === 'online'))
					? new Date(endsAt.getTime() + HOUR)
					: null
		};
	});
	// One guest on a public upcoming event has not yet confirmed by mail: no seat yet.
	if (!past && plan.audience === 'public' && (plan.guests ?? 0) > 0) {
		const pending = outsideGuests[outsideGuests.length - 1]!;
		const id = demoUuid(`registration:${plan.key}:pending`);
		const ticketCode = generateTicketCode();
		rows.push({
			id,
			networkId,
			eventId,
			userId: null,
			organisationId: null,
			name: pending.name,
			email: `unbestaetigt.${pending.email}`,
			organisationName: pending.organisationName,
			locale: 'de',
			status: 'pending',
			accessTokenHash: hashToken(registrationAccessToken({ id, ticketCode })),
			ticketCode,
			confirmTokenHash: hashToken(generateSecretToken()),
			confirmExpiresAt: new Date(now.getTime() + DAY),
			createdAt: new Date(now.getTime() - DAY)
		});
	}
	return rows;
}
