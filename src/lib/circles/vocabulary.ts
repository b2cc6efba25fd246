/**
 * The expert circles' fixed vocabularies, shared by the database schema, the server, forms and the
 * client.
 */

/** Who may join: any member person at once, on request (a lead approves), or only when invited. */
export const circleJoinPolicies = ['open', 'request', 'invitation'] as const;
export type CircleJoinPolicy = (typeof circleJoinPolicies)[number];

/** A person asks to join (a lead decides) or a lead/the office invites (the person decides). */
export const circleAdmissionKinds = ['request', 'invitation'] as const;
export type CircleAdmissionKind = (typeof circleAdmissionKinds)[number];

export const circleAdmissionStatuses = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export type CircleAdmissionStatus = (typeof circleAdmissionStatuses)[number];

/** Minutes are drafted by a lead (or the office), approved by a lead, and then mailed to the members. */
export const minutesStatuses = ['draft', 'approved'] as const;
export type MinutesStatus = (typeof minutesStatuses)[number];

export const actionItemStatuses = ['open', 'done', 'dropped'] as const;
export type ActionItemStatus = (typeof actionItemStatuses)[number];

/** Per person and circle: a mail per happening, one daily digest, or no mail. */
export const notificationModes = ['immediate', 'digest', 'off'] as const;
export type NotificationMode = (typeof notificationModes)[number];
export const DEFAULT_NOTIFICATION_MODE: NotificationMode = 'digest';

/** What happened in a circle: the recent-activity list and the notifications are made of these. */
export const circleActivityKinds = [
	'thread_created',
	'post_created',
	'document_uploaded',
	'document_version',
	'minutes_approved',
	'meeting_scheduled',
	'member_joined',
	'action_item_assigned'
] as const;
export type CircleActivityKind = (typeof circleActivityKinds)[number];

/** Why a person is notified of an activity: as a member of the circle, named with @, or as its owner. */
export const notificationReasons = ['activity', 'mention', 'assigned'] as const;
export type NotificationReason = (typeof notificationReasons)[number];

/** Circle documents: the largest upload accepted. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** Action item owners are reminded this many days before the due date. */
export const ACTION_ITEM_REMINDER_DAYS = 3;
