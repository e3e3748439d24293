import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Logger } from 'pino';
import type { Config } from '../config/config';
import { DatabaseStartError } from './database-start-error';
import { ensureFerretDbBinary } from './ferretdb-binary';

export type EngineChoice = 'mongod' | 'ferretdb';

/** Where the app's database lives: an external server, or one the app started and must stop. */
export interface DatabaseServer {
  uri: string;
  embedded: EngineChoice | undefined;
  /** For the embedded FerretDB, its release (the engine itself reports "unknown"). */
  embeddedVersion: string | undefined;
  /** The embedded engine's process id, to check that it is gone after stop. */
  pid: number | undefined;
  stop(): Promise<void>;
}

function mongodOnPath(): boolean {
  return spawnSync('mongod', ['--version'], { stdio: 'ignore' }).status === 0;
}

function chooseEngine(requested: Config['dbEngine']): EngineChoice {
  if (requested !== 'auto') return requested;
  // Without Go, ensureFerretDbBinary still finds a binary built earlier, or says what to install.
  return mongodOnPath() ? 'mongod' : 'ferretdb';
}

/** Starts the database the configuration asks for (SPEC section 8). */
export async function startDatabaseServer(
  config: Pick<Config, 'mongodbUri' | 'dataDir' | 'dbEngine'>,
  log: Logger,
): Promise<DatabaseServer> {
  if (config.mongodbUri) {
    return { uri: config.mongodbUri, embedded: undefined, embeddedVersion: undefined, pid: undefined, stop: async () => {} };
  }
  const engine = chooseEngine(config.dbEngine);
  if (engine === 'mongod' && !mongodOnPath()) {
    throw new DatabaseStartError('DB_ENGINE=mongod, but no `mongod` is on PATH. Install MongoDB, or unset DB_ENGINE to use FerretDB.');
  }
  return engine === 'mongod' ? startMongod(config.dataDir, log) : startFerretDb(config.dataDir, log);
}

async function startFerretDb(dataDir: string, log: Logger): Promise<DatabaseServer> {
  const binary = await ensureFerretDbBinary(log);
  const databaseDir = path.join(dataDir, 'ferretdb');
  mkdirSync(databaseDir, { recursive: true });
  // stdin stays open as a lifeline: the wrapper exits when it closes, so it never outlives us.
  const child = spawn(binary, ['-data-dir', databaseDir, '-host', '127.0.0.1', '-log-level', 'error'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  forwardOutput(child, log, 'ferretdb');
  const ready = await firstLine(child, 60_000);
  const { uri, version } = JSON.parse(ready) as { uri: string; version: string };
  log.info({ uri, version, dataDir: databaseDir }, 'embedded FerretDB started');
  return { uri, embedded: 'ferretdb', embeddedVersion: version, pid: child.pid, stop: () => stopChild(child) };
}

async function startMongod(dataDir: string, log: Logger): Promise<DatabaseServer> {
  const databaseDir = path.join(dataDir, 'mongod');
  mkdirSync(databaseDir, { recursive: true });
  const port = await freePort();
  const child = spawn('mongod', ['--dbpath', databaseDir, '--bind_ip', '127.0.0.1', '--port', String(port), '--quiet'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const waitingForLine = waitForOutput(child, /Waiting for connections/, 60_000);
  forwardOutput(child, log, 'mongod', { stdout: false });
  await waitingForLine;
  const uri = `mongodb://127.0.0.1:${port}/`;
  log.info({ uri, dataDir: databaseDir }, 'embedded mongod started');
  return { uri, embedded: 'mongod', embeddedVersion: undefined, pid: child.pid, stop: () => stopChild(child) };
}

function forwardOutput(child: ChildProcess, log: Logger, name: string, streams = { stdout: true }): void {
  const childLog = log.child({ process: name });
  if (child.stderr) createInterface({ input: child.stderr }).on('line', (line) => childLog.warn(line));
  if (streams.stdout && child.stdout) {
    // The first stdout line is the ready signal; later lines are logged.
    let seenFirst = false;
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (seenFirst) childLog.info(line);
      seenFirst = true;
    });
  }
  child.on('exit', (code, signal) => {
    if (!stopping.has(child)) childLog.error({ code, signal }, `${name} exited unexpectedly`);
  });
}

function firstLine(child: ChildProcess, timeoutMs: number): Promise<string> {
  return waitForOutput(child, /^\{/, timeoutMs);
}

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new DatabaseStartError(`The embedded database did not start within ${timeoutMs / 1000}s`));
    }, timeoutMs);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (!pattern.test(line)) return;
      clearTimeout(timer);
      lines.close();
      resolve(line);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new DatabaseStartError(`The embedded database exited during start-up with code ${code}; see the log above`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new DatabaseStartError(`The embedded database could not be started: ${error.message}`));
    });
  });
}

const stopping = new WeakSet<ChildProcess>();

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  stopping.add(child);
  return new Promise((resolve) => {
    const forceKill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(forceKill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
