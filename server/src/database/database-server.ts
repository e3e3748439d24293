import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config/config';
import { forwardLines, freePort, isBeingStopped, stopProcess, waitForLine } from './child-processes';
import { DatabaseStartError } from './database-start-error';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';
import { ensureFerretDbBinary } from './ferretdb-binary';

export type EngineChoice = 'mongod' | 'ferretdb';

/** Where the app's database lives: an external server, or one the app started and must stop. */
export interface DatabaseServer {
  uri: string;
  embedded: EngineChoice | undefined;
  /** For the embedded FerretDB, its release (the engine itself reports "unknown"). */
  embeddedVersion: string | undefined;
  /**
   * The PostgreSQL the embedded FerretDB stores into, for what FerretDB cannot do itself: the
   * indexes its pushed-down lookups need (ferretdb-postgres-indexes.ts).
   */
  postgres: Pick<EmbeddedPostgres, 'url' | 'version'> | undefined;
  /** The processes the app started (the engine, and PostgreSQL under FerretDB), to check that they are gone after stop. */
  pids: number[];
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
    return { uri: config.mongodbUri, embedded: undefined, embeddedVersion: undefined, postgres: undefined, pids: [], stop: async () => {} };
  }
  const engine = chooseEngine(config.dbEngine);
  if (engine === 'mongod' && !mongodOnPath()) {
    throw new DatabaseStartError('DB_ENGINE=mongod, but no `mongod` is on PATH. Install MongoDB, or unset DB_ENGINE to use FerretDB.');
  }
  return engine === 'mongod' ? startMongod(config.dataDir, log) : startFerretDb(config.dataDir, log);
}

/**
 * Before PostgreSQL, the embedded FerretDB kept its collections in SQLite files under
 * `DATA_DIR/ferretdb`. They are never touched; the shop stops and says what to do with them.
 */
function refuseSqliteDataDir(dataDir: string): void {
  const sqliteDir = path.join(dataDir, 'ferretdb');
  if (!existsSync(sqliteDir) || !readdirSync(sqliteDir).some((name) => name.endsWith('.sqlite'))) return;
  throw new DatabaseStartError(
    `${sqliteDir} holds a database of an earlier MEAN Shop, whose embedded engine stored into SQLite; the engine is now PostgreSQL, and that folder is left as it is.\n` +
      `  To start afresh with the demo shop, move or delete it: mv "${sqliteDir}" "${sqliteDir}.sqlite-backup"\n` +
      '  Or set DATA_DIR to another folder.',
  );
}

/** PostgreSQL first, then our FerretDB wrapper on it; stopped in the reverse order. */
async function startFerretDb(dataDir: string, log: Logger): Promise<DatabaseServer> {
  refuseSqliteDataDir(dataDir);
  const binary = await ensureFerretDbBinary(log);
  const postgres = await startEmbeddedPostgres(dataDir, log);
  try {
    // stdin stays open as a lifeline: the wrapper exits when it closes, so it never outlives us,
    // and then asks PostgreSQL to shut down too.
    const child = spawn(binary, ['-postgresql-pid', String(postgres.pid), '-host', '127.0.0.1', '-log-level', 'error'], {
      // The password stays out of the command line, which every user of the machine can read.
      env: { ...process.env, FERRETDB_POSTGRESQL_URL: postgres.url },
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const ready = waitForLine(child.stdout!, child, /^\{/, 60_000);
    forwardOutput(child, log, 'ferretdb');
    const { uri, version } = JSON.parse(await ready) as { uri: string; version: string };
    log.info({ uri, version }, 'embedded FerretDB started');
    return {
      uri,
      embedded: 'ferretdb',
      embeddedVersion: version,
      postgres: { url: postgres.url, version: postgres.version },
      pids: [child.pid!, postgres.pid],
      stop: async () => {
        await stopProcess(child, 'SIGTERM');
        await postgres.stop();
      },
    };
  } catch (error) {
    await postgres.stop();
    throw error;
  }
}

async function startMongod(dataDir: string, log: Logger): Promise<DatabaseServer> {
  const databaseDir = path.join(dataDir, 'mongod');
  mkdirSync(databaseDir, { recursive: true });
  const port = await freePort();
  const child = spawn('mongod', ['--dbpath', databaseDir, '--bind_ip', '127.0.0.1', '--port', String(port), '--quiet'], {
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const ready = waitForLine(child.stdout!, child, /Waiting for connections/, 60_000);
  forwardOutput(child, log, 'mongod', { stdout: false });
  await ready;
  const uri = `mongodb://127.0.0.1:${port}/`;
  log.info({ uri, dataDir: databaseDir }, 'embedded mongod started');
  return { uri, embedded: 'mongod', embeddedVersion: undefined, postgres: undefined, pids: [child.pid!], stop: () => stopProcess(child, 'SIGTERM') };
}

function forwardOutput(child: ChildProcess, log: Logger, name: string, streams = { stdout: true }): void {
  const childLog = log.child({ process: name });
  forwardLines(child.stderr!, (line) => childLog.warn(line));
  if (streams.stdout) {
    // The first stdout line is the ready signal; later lines are logged.
    let seenFirst = false;
    forwardLines(child.stdout!, (line) => {
      if (seenFirst) childLog.info(line);
      seenFirst = true;
    });
  }
  child.on('exit', (code, signal) => {
    if (!isBeingStopped(child)) childLog.error({ code, signal }, `${name} exited unexpectedly`);
  });
}
