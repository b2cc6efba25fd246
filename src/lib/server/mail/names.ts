/** Queue names of the mail jobs (pg-boss queues; letters, digits, '.', '-', '_' only). */
export const MAIL_JOB = 'mail.send';
/** Mail jobs that ran out of retries (including ones cut off by a crash or shutdown) land here. */
export const MAIL_DEAD_LETTER_JOB = 'mail.send.dead';
/** Periodic sweep that enqueues mails left 'queued' without a job (e.g. queued by a CLI). */
export const MAIL_REQUEUE_JOB = 'mail.requeue';

export type MailJobData = { mailId: string };
