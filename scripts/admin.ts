/**
 * Administration from the command line, for what must not come from demo data.
 *
 *   npm run admin -- create-office --email anna@example.org [--name "Anna Beispiel"] [--network slug] [--locale de|en]
 *
 * Creates an invitation to the office role and prints its one-time link (also queued as a mail). If an
 * account with that address exists, it is given the office role directly.
 * With the embedded database, stop the server first (PGlite serves one process at a time).
 */
import { parseArgs } from 'node:util';
// The command's own output is the message; routine log lines would only bury it.
process.env.LOG_LEVEL ??= 'warn';
import { ConfigError, config } from '../src/lib/server/config.ts';

const usage = `Usage:
  npm run admin -- create-office --email <address> [--name "<full name>"] [--network <slug>] [--locale de|en]`;

function fail(message: string): never {
	console.error(`${message}\n\n${usage}`);
	process.exit(1);
}

const { positionals, values } = parseArgs({
	allowPositionals: true,
	options: {
		email: { type: 'string' },
		name: { type: 'string' },
		network: { type: 'string' },
		locale: { type: 'string' },
		help: { type: 'boolean', short: 'h' }
	}
});

if (values.help) {
	console.log(usage);
	process.exit(0);
}

try {
	config();
} catch (error) {
	if (error instanceof ConfigError) fail(`Knotenpunkt cannot start.\n${error.message}`);
	throw error;
}

const [command] = positionals;
if (command !== 'create-office') fail(command ? `Unknown command "${command}".` : 'A command is required.');

const email = values.email?.trim().toLowerCase() ?? '';
if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fail('--email needs a valid e-mail address.');
const locale =
	values.locale === 'en'
		? 'en'
		: values.locale === undefined || values.locale === 'de'
			? 'de'
			: fail('--locale is de or en.');

const { createOfficeAccount } = await import('../src/lib/server/admin/mutations.ts');
const { closeDatabase } = await import('../src/lib/server/db/index.ts');
try {
	const result = await createOfficeAccount({
		email,
		name: values.name?.trim() ?? '',
		networkSlug: values.network,
		locale
	});
	if (result.kind === 'granted') {
		console.log(`${email} already had an account in ${result.networkName}; it now has the office role.`);
	} else {
		console.log(
			`Invitation to the office of ${result.networkName} created for ${email}.\n` +
				`Open this link (valid for 7 days, once) to set a password:\n\n  ${result.link}\n\n` +
				(config().SMTP_URL
					? 'The link is also mailed when the server runs (the mail waits in the queue).'
					: 'The link is also in the outbox (no SMTP_URL set).')
		);
	}
} catch (error) {
	console.error((error as Error).message);
	process.exitCode = 1;
} finally {
	await closeDatabase();
}
