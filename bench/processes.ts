import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() =>
				typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))
			);
		});
	});
}

export type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** Spawns a command in its own process group, so `npm start` and its children stop together. */
export function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv): Started {
	const child = spawn(command, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	const keep = (chunk: Buffer) => {
		output = (output + chunk.toString()).slice(-20_000);
	};
	child.stdout!.on('data', keep);
	child.stderr!.on('data', keep);
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	return { child, output: () => output, exited };
}

export async function stopProcess(started: Started, timeoutMs = 10_000) {
	if (started.child.exitCode !== null || started.child.signalCode !== null) return;
	const group = -started.child.pid!;
	try {
		process.kill(group, 'SIGTERM');
	} catch {
		return;
	}
	const timer = setTimeout(() => {
		try {
			process.kill(group, 'SIGKILL');
		} catch {
			// Already gone.
		}
	}, timeoutMs);
	await started.exited;
	clearTimeout(timer);
}

/** Polls `url` until it answers 200; returns the milliseconds since `since`. */
export async function waitFor200(url: string, started: Started, since: number, timeoutMs = 180_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (started.child.exitCode !== null) throw new Error(`The server exited early:\n${started.output()}`);
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
			await response.arrayBuffer();
			if (response.status === 200) return performance.now() - since;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	throw new Error(`No 200 from ${url} within ${timeoutMs} ms:\n${started.output()}`);
}

/** Resident set size of a process and its descendants, in MiB (Linux /proc). */
export function residentMiB(pid: number): number {
	let kib = 0;
	const visit = (id: number) => {
		try {
			const status = readFileSync(`/proc/${id}/status`, 'utf8');
			kib += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
			const children = readFileSync(`/proc/${id}/task/${id}/children`, 'utf8').trim();
			for (const child of children.split(/\s+/).filter(Boolean)) visit(Number(child));
		} catch {
			// The process ended meanwhile.
		}
	};
	visit(pid);
	return Math.round(kib / 1024);
}
