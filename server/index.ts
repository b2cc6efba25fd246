/**
 * The production server: adapter-node's handler behind our own node:http server, so that
 * - the request protocol is right on plain http://localhost *and* behind an https proxy
 *   (adapter-node 6 assumes https unless told otherwise, which breaks form posts on plain http),
 * - SIGTERM/SIGINT close the database and exit within a few seconds.
 */
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { parseConfig } from '../src/lib/server/config.ts';

const config = parseConfig(process.env);
const SHUTDOWN_GRACE_MS = 4000;

// The adapter reads these before its handler module is imported.
process.env.PROTOCOL_HEADER = 'x-forwarded-proto';
process.env.HOST_HEADER = 'x-forwarded-host';
process.env.ADDRESS_HEADER = 'x-forwarded-for';
process.env.XFF_DEPTH = '1';
// Circle documents may be up to 20 MB, spreadsheet imports and event attachments 10 MB (each form
// says so in words and checks its own limit); the adapter's default is 512 KB.
process.env.BODY_SIZE_LIMIT ??= '21M';

const buildDir = path.resolve(process.env.KNOTENPUNKT_BUILD_DIR ?? 'build');
// Importing the handler runs the server's start-up (migrations, demo data, jobs).
const { handler } = await loadHandler();

async function loadHandler(): Promise<{ handler: http.RequestListener }> {
	try {
		return await import(pathToFileURL(path.join(buildDir, 'handler.js')).href);
	} catch (error) {
		// Expected start-up failures (data directory in use, database unreachable) deserve a sentence.
		const known =
			error instanceof Error &&
			/data directory|ECONNREFUSED|password authentication|does not exist/i.test(error.message);
		console.error(
			known
				? `Knotenpunkt cannot start: ${(error as Error).message}`
				: error instanceof Error
					? error.stack
					: error
		);
		process.exit(1);
	}
}

const privateAddress =
	/^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|::1$|f[cd][0-9a-f]{2}:|::ffff:(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.))/i;

/** Is the direct peer a reverse proxy whose X-Forwarded-* headers we believe? (TRUST_PROXY) */
function isTrustedProxy(address: string | undefined) {
	if (config.TRUST_PROXY === 'true') return true;
	if (config.TRUST_PROXY === 'false' || !address) return false;
	return privateAddress.test(address);
}

const first = (value: string | string[] | undefined) =>
	String(value ?? '')
		.split(',')[0]!
		.trim();
const last = (value: string | string[] | undefined) =>
	String(value ?? '')
		.split(',')
		.at(-1)!
		.trim();

const server = http.createServer((req, res) => {
	const peer = req.socket.remoteAddress ?? '';
	const trusted = isTrustedProxy(peer);
	// A direct connection is plain http (TLS ends at the proxy); only a trusted proxy can say https.
	req.headers['x-forwarded-proto'] =
		trusted && first(req.headers['x-forwarded-proto']) === 'https' ? 'https' : 'http';
	const forwardedHost = trusted ? first(req.headers['x-forwarded-host']) : '';
	req.headers['x-forwarded-host'] = forwardedHost || req.headers.host || new URL(config.ORIGIN).host;
	// The client address is what our proxy appended last, or the peer itself; never a client's claim.
	const forwardedFor = trusted ? last(req.headers['x-forwarded-for']) : '';
	req.headers['x-forwarded-for'] = forwardedFor || peer;
	handler(req, res);
});
server.keepAliveTimeout = 5000;

server.listen(config.PORT, config.HOST, () => {
	console.log(
		JSON.stringify({ level: 30, msg: `listening on ${config.ORIGIN}`, host: config.HOST, port: config.PORT })
	);
	process.send?.('ready');
});

let stopping = false;
function shutdown(signal: string) {
	if (stopping) return;
	stopping = true;
	console.log(JSON.stringify({ level: 30, msg: `${signal} received, shutting down` }));
	const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS + 1000);
	force.unref();
	server.close();
	server.closeIdleConnections();
	setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
	// hooks.server.ts closes the database and the job runner on this event.
	process.emit('sveltekit:shutdown' as never, signal as never);
	const waitForClose = () =>
		setTimeout(() => {
			if (shutdownDone()) process.exit(0);
			else waitForClose();
		}, 50);
	waitForClose();
}

function shutdownDone() {
	return (globalThis as { __knotenpunktStopped?: boolean }).__knotenpunktStopped === true;
}

process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
