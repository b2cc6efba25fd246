import net from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export type ReceivedMail = { envelopeTo: string[]; parsed: ParsedMail };

export type TestSmtpServerOptions = {
	/** Port to listen on; a free one when omitted. */
	port?: number;
	/** Require these credentials (AUTH PLAIN/LOGIN over the plain connection). */
	credentials?: { user: string; pass: string };
	/** Answer RCPT TO with 550 while this returns true. */
	rejectRecipient?: (address: string) => boolean;
	/** Accept the message data but never answer: the client waits until it gives up. */
	hangOnData?: boolean;
};

/** A free TCP port on 127.0.0.1 (nothing listens on it when this returns). */
export async function freePort() {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as net.AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

/** A real SMTP server on 127.0.0.1 that parses and keeps what it receives. */
export async function startSmtpServer(options: TestSmtpServerOptions = {}) {
	const received: ReceivedMail[] = [];
	const server = new SMTPServer({
		logger: false,
		disabledCommands: ['STARTTLS'],
		authOptional: !options.credentials,
		allowInsecureAuth: true,
		closeTimeout: 500,
		onAuth(auth, _session, callback) {
			const expected = options.credentials;
			if (expected && auth.username === expected.user && auth.password === expected.pass) {
				callback(null, { user: auth.username });
			} else {
				callback(new Error('Invalid username or password'));
			}
		},
		onRcptTo(address, _session, callback) {
			if (options.rejectRecipient?.(address.address)) {
				const error = new Error(`5.1.1 <${address.address}>: recipient unknown`) as Error & {
					responseCode: number;
				};
				error.responseCode = 550;
				callback(error);
				return;
			}
			callback();
		},
		onData(stream, session, callback) {
			simpleParser(stream).then(
				(parsed) => {
					if (options.hangOnData) return;
					received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), parsed });
					callback();
				},
				(error: Error) => callback(error)
			);
		}
	});
	const port = options.port ?? (await freePort());
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve());
	});
	let closing: Promise<void> | undefined;
	const credentials = options.credentials
		? `${encodeURIComponent(options.credentials.user)}:${encodeURIComponent(options.credentials.pass)}@`
		: '';
	return {
		port,
		url: `smtp://${credentials}127.0.0.1:${port}`,
		received,
		/** Mails received for this recipient so far. */
		receivedFor: (address: string) => received.filter((mail) => mail.envelopeTo.includes(address)),
		close: () => (closing ??= new Promise<void>((resolve) => server.close(() => resolve())))
	};
}

export type TestSmtpServer = Awaited<ReturnType<typeof startSmtpServer>>;

/** Polls until the condition holds; fails with the message after the timeout. */
export async function waitFor<T>(
	read: () => Promise<T> | T,
	condition: (value: T) => boolean,
	message: string,
	timeoutMs = 15_000
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (condition(value)) return value;
		if (Date.now() > deadline) throw new Error(`${message} (last value: ${JSON.stringify(value)})`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** Short retry delays and fast polling, so retry tests take seconds, not minutes. */
export const testJobSettings = {
	pollingIntervalSeconds: 0.5,
	stopTimeoutMs: 1000,
	mail: { retryLimit: 2, retryDelaySeconds: 1, retryBackoff: false }
};
