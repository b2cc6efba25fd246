import pino from 'pino';
import { config } from './config.ts';

/** Structured JSON logs. Secrets never reach a log line: known sensitive keys are redacted. */
export const logger = pino({
	level: config().LOG_LEVEL,
	base: { service: 'knotenpunkt' },
	redact: {
		paths: [
			'password',
			'*.password',
			'*.currentPassword',
			'*.newPassword',
			'token',
			'*.token',
			'*.authorization',
			'headers.cookie',
			'*.headers.cookie',
			'*.headers.authorization',
			'databaseUrl',
			'smtpUrl'
		],
		censor: '[redacted]'
	}
});
