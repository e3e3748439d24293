import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { MongoClient } from 'mongodb';
import pino from 'pino';
import { repositoryRoot } from '../config/paths';
import { startDatabaseServer, type DatabaseServer } from './database-server';
import { DatabaseStartError } from './database-start-error';

/** A zombie (exited, not yet reaped by whoever inherited it) is not running. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = `/proc/${pid}/stat`;
  return !existsSync(stat) || !/^\d+ \(.*\) Z/.test(readFileSync(stat, 'utf8'));
}

async function waitUntilGone(pids: number[], timeoutMs = 30_000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  while (pids.some(isRunning) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  return pids.filter(isRunning);
}

/** A child process holding the embedded database of `dataDir`, as a running shop does. */
async function holdDatabaseInChild(dataDir: string): Promise<{ pid: number; pids: number[]; uri: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repositoryRoot, 'server', 'test', 'database-holder.ts'), dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = await Promise.race([
    (async () => {
      for await (const line of createInterface({ input: child.stdout })) return [line];
      return [];
    })(),
    new Promise<string[]>((resolve) => child.once('exit', () => resolve([]))),
  ]);
  if (!line) throw new Error('the database holder exited before its database started');
  return { pid: child.pid!, ...(JSON.parse(line) as { pids: number[]; uri: string }) };
}

async function storeAndRead(server: DatabaseServer, text?: string): Promise<string | undefined> {
  const client = await MongoClient.connect(server.uri);
  try {
    const notes = client.db('persistence').collection<{ text: string }>('notes');
    if (text !== undefined) await notes.insertOne({ text });
    return (await notes.findOne({}, { projection: { _id: 0 } }))?.text;
  } finally {
    await client.close();
  }
}

describe('The embedded database', () => {
  const log = pino({ level: 'silent' });
  let dataDir: string;

  beforeEach(async () => {
    // mkdtemp makes a folder of mode 700, as CI's clone and `mktemp -d` are.
    dataDir = await mkdtemp(path.join(tmpdir(), 'meanshop-embedded-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  // Only meaningful without MONGODB_URI: then the app starts its own engine.
  const itWithoutExternalDatabase = process.env['MONGODB_URI'] ? xit : it;
  const itAsRoot = !process.env['MONGODB_URI'] && userInfo().uid === 0 ? it : xit;

  itWithoutExternalDatabase('runs FerretDB on its own PostgreSQL, keeps the data under DATA_DIR across a stop and a start, and leaves no process behind', async () => {
    const first = await startDatabaseServer({ mongodbUri: undefined, dataDir, dbEngine: 'auto' }, log);
    expect(first.uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/$/);
    expect(first.postgres?.version).toMatch(/^17\.\d+$/);
    expect(first.postgres?.url).toMatch(/^postgres:\/\/meanshop:[^@]{20,}@127\.0\.0\.1:\d+\/meanshop$/);
    expect(first.pids.length).withContext('FerretDB and PostgreSQL').toBe(2);
    expect(existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBeTrue();
    await storeAndRead(first, 'still here');
    await first.stop();
    expect(first.pids.filter(isRunning)).withContext('processes running after stop').toEqual([]);

    const second = await startDatabaseServer({ mongodbUri: undefined, dataDir, dbEngine: 'auto' }, log);
    const text = await storeAndRead(second);
    await second.stop();
    expect(text).toBe('still here');
    expect(new URL(second.postgres!.url).password).withContext('the password generated once is kept').toBe(new URL(first.postgres!.url).password);
  }, 180_000);

  itAsRoot('as root, runs PostgreSQL as the postgres account even when DATA_DIR is under a folder only root may enter', async () => {
    const privateParent = path.join(dataDir, 'private');
    await mkdir(privateParent, { mode: 0o700 });
    await chmod(privateParent, 0o700);
    const shopData = path.join(privateParent, 'shop-data');
    const server = await startDatabaseServer({ mongodbUri: undefined, dataDir: shopData, dbEngine: 'auto' }, log);
    try {
      expect(await storeAndRead(server, 'reachable')).toBe('reachable');
      const clusterOwner = (await stat(path.join(shopData, 'postgres'))).uid;
      expect(clusterOwner).withContext('the cluster belongs to postgres, not root').not.toBe(0);
      // Search permission for others, and nothing more: the folder still cannot be listed or read.
      expect((await stat(privateParent)).mode & 0o777).toBe(0o701);
    } finally {
      await server.stop();
    }
  }, 180_000);

  itWithoutExternalDatabase('after the shop is killed with SIGKILL, its FerretDB stops its PostgreSQL, and nothing keeps running', async () => {
    const holder = await holdDatabaseInChild(dataDir);
    process.kill(holder.pid, 'SIGKILL');
    expect(await waitUntilGone(holder.pids)).withContext('processes left running').toEqual([]);
  }, 180_000);

  itWithoutExternalDatabase('after everything but PostgreSQL was killed, the next start stops the stale postmaster and starts afresh', async () => {
    const holder = await holdDatabaseInChild(dataDir);
    const [ferretDbPid, postmasterPid] = holder.pids as [number, number];
    // FerretDB killed first cannot pass the shop's death on: PostgreSQL is left running.
    process.kill(ferretDbPid, 'SIGKILL');
    process.kill(holder.pid, 'SIGKILL');
    await waitUntilGone([ferretDbPid, holder.pid]);
    expect(isRunning(postmasterPid)).withContext('the orphaned postmaster').toBeTrue();

    const next = await startDatabaseServer({ mongodbUri: undefined, dataDir, dbEngine: 'auto' }, log);
    try {
      expect(isRunning(postmasterPid)).withContext('the stale postmaster').toBeFalse();
      expect(await storeAndRead(next, 'after a crash')).toBe('after a crash');
    } finally {
      await next.stop();
    }
    expect(next.pids.filter(isRunning)).toEqual([]);
  }, 180_000);

  itWithoutExternalDatabase('leaves the SQLite files of the earlier embedded engine untouched and says what to do', async () => {
    const sqliteDir = path.join(dataDir, 'ferretdb');
    await mkdir(sqliteDir);
    await writeFile(path.join(sqliteDir, 'meanshop.sqlite'), 'the old shop');
    const refused = await startDatabaseServer({ mongodbUri: undefined, dataDir, dbEngine: 'auto' }, log).then(
      async (server) => {
        await server.stop();
        return undefined;
      },
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DatabaseStartError);
    expect((refused as Error).message).toContain(sqliteDir);
    expect((refused as Error).message).toMatch(/move or delete it|DATA_DIR/);
    expect(readFileSync(path.join(sqliteDir, 'meanshop.sqlite'), 'utf8')).toBe('the old shop');
    expect(await readdir(dataDir)).withContext('nothing started beside it').toEqual(['ferretdb']);
  });

  itWithoutExternalDatabase('refuses a cluster of another PostgreSQL major version instead of failing obscurely', async () => {
    await mkdir(path.join(dataDir, 'postgres'), { mode: 0o700 });
    await writeFile(path.join(dataDir, 'postgres', 'PG_VERSION'), '16\n');
    await expectAsync(startDatabaseServer({ mongodbUri: undefined, dataDir, dbEngine: 'auto' }, log)).toBeRejectedWithError(DatabaseStartError, /PostgreSQL 16 cluster.*PostgreSQL 17/s);
  }, 60_000);

  it('uses MONGODB_URI as given, starting nothing', async () => {
    const external = await startDatabaseServer({ mongodbUri: 'mongodb://db.example:27017/shop', dataDir, dbEngine: 'auto' }, log);
    expect(external.uri).toBe('mongodb://db.example:27017/shop');
    expect(external.embedded).toBeUndefined();
    expect(external.pids).toEqual([]);
  });
});
