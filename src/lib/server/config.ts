import { z } from 'zod';

/**
 * The only place that reads process.env. Every variable is validated at boot; a wrong value
 * stops start-up with a sentence that names the variable.
 */
const booleanText = z
	.enum(['true', 'false', '1', '0', 'yes', 'no'])
	.transform((value) => value === 'true' || value === '1' || value === 'yes');

const httpUrl = z
	.string()
	.url()
	.refine((value) => /^https?:\/\//.test(value), 'must start with http:// or https://');

const schema = z.object({
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	HOST: z.string().min(1).default('0.0.0.0'),
	ORIGIN: httpUrl.optional(),
	DATA_DIR: z.string().min(1).default('./data'),
	DATABASE_URL: z
		.string()
		.refine((value) => /^postgres(ql)?:\/\/.+/.test(value), 'must be a postgres:// URL')
		.optional(),
	SMTP_URL: z
		.string()
		.refine((value) => /^smtps?:\/\/.+/.test(value), 'must be an smtp:// or smtps:// URL')
		.optional(),
	MAIL_FROM: z
		.string()
		.regex(
			/^(.+<)?[^\s@<>]+@[^\s@<>]+\.?[^\s@<>]*>?$/,
			'must be an e-mail address, optionally as "Name <address>"'
		)
		.default('Knotenpunkt <noreply@knotenpunkt.local>'),
	DEMO_DATA: booleanText.default(true),
	AUTH_SECRET: z.string().min(32, 'must be at least 32 characters long').optional(),
	/**
	 * Whose X-Forwarded-Proto/-Host/-For headers to believe: 'auto' trusts a proxy on this host or on a
	 * private network (loopback, 10/8, 172.16/12, 192.168/16, fc00::/7), 'true' every peer, 'false' none.
	 */
	TRUST_PROXY: z.enum(['auto', 'true', 'false']).default('auto'),
	/**
	 * Map tiles for the atlas, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png (respect the tile
	 * server's usage policy). Without it the map draws the region's outline and the markers only.
	 */
	MAP_TILE_URL: z
		.string()
		.regex(/^https:\/\/[^\s]+\{z\}[^\s]*\{x\}[^\s]*\{y\}/, 'must be an https:// URL with {z}, {x} and {y}')
		.optional(),
	MAP_TILE_ATTRIBUTION: z.string().max(300).default(''),
	/**
	 * When the weekly digest of new matching cooperation profiles goes out (cron, UTC; five fields).
	 * Default: Monday 06:00. Each person gets at most one digest per ISO week, whatever the schedule.
	 */
	COOPERATION_DIGEST_CRON: z
		.string()
		.regex(/^\S+( \S+){4}$/, 'must be a cron expression with five fields, e.g. "0 6 * * 1"')
		.default('0 6 * * 1'),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	NODE_ENV: z.string().optional()
});

export type Config = Omit<z.infer<typeof schema>, 'ORIGIN'> & { ORIGIN: string };

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): Config {
	const cleaned = Object.fromEntries(
		Object.entries(env).map(([key, value]) => [key, value === '' ? undefined : value])
	);
	const result = schema.safeParse(cleaned);
	if (!result.success) {
		const sentences = result.error.issues.map((issue) => {
			const name = String(issue.path[0] ?? 'configuration');
			const given = cleaned[name];
			const shown =
				name === 'DATABASE_URL' || name === 'SMTP_URL' || name === 'AUTH_SECRET'
					? '(hidden)'
					: JSON.stringify(given);
			return `The environment variable ${name} is invalid: ${issue.message} (given: ${shown}).`;
		});
		throw new ConfigError(sentences.join('\n'));
	}
	const value = result.data;
	const origin = value.ORIGIN ? new URL(value.ORIGIN).origin : `http://localhost:${value.PORT}`;
	return { ...value, ORIGIN: origin };
}

let cached: Config | undefined;

export function config(): Config {
	cached ??= parseConfig(process.env);
	return cached;
}

/** For tests that need a differently configured module. */
export function setConfigForTests(next: Config) {
	cached = next;
}
