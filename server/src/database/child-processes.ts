import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { DatabaseStartError } from './database-start-error';

/** Calls `onLine` for each line the stream writes. */
export function forwardLines(stream: Readable, onLine: (line: string) => void): void {
  createInterface({ input: stream }).on('line', onLine);
}

/**
 * The first line of `stream` matching `pattern`: the ready signal of a database process. Rejects
 * when the process exits or cannot be started first, or after `timeoutMs` (killing it).
 */
export function waitForLine(stream: Readable, child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: stream });
    const settle = (outcome: () => void) => {
      clearTimeout(timer);
      lines.close();
      child.off('exit', onExit);
      child.off('error', onError);
      outcome();
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle(() => reject(new DatabaseStartError(`The embedded database did not start within ${timeoutMs / 1000}s`)));
    }, timeoutMs);
    const onExit = (code: number | null) =>
      settle(() => reject(new DatabaseStartError(`The embedded database exited during start-up with code ${code}; see the log above`)));
    const onError = (error: Error) => settle(() => reject(new DatabaseStartError(`The embedded database could not be started: ${error.message}`)));
    lines.on('line', (line) => {
      if (pattern.test(line)) settle(() => resolve(line));
    });
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

const stopping = new WeakSet<ChildProcess>();

/** Whether the process is being stopped on purpose, so its exit is not reported as a crash. */
export function isBeingStopped(child: ChildProcess): boolean {
  return stopping.has(child);
}

/**
 * Sends `signal` and waits for the exit; one that has not exited after `graceMs` gets `escalation`
 * (SIGKILL, or PostgreSQL's immediate shutdown SIGQUIT), and is waited for again.
 */
export function stopProcess(child: ChildProcess, signal: NodeJS.Signals, escalation: NodeJS.Signals = 'SIGKILL', graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  stopping.add(child);
  return new Promise((resolve) => {
    const escalate = setTimeout(() => child.kill(escalation), graceMs);
    child.once('exit', () => {
      clearTimeout(escalate);
      resolve();
    });
    child.kill(signal);
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
