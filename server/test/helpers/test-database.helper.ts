import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startDatabaseServer, type DatabaseServer } from '../../src/database/database-server';
import { setTestDatabaseServer } from '../test-shop';

/**
 * One real database for the whole server suite: MONGODB_URI when set, else the embedded engine
 * (FerretDB) in a fresh temporary folder. Each spec file works in a database of its own on it.
 */
let server: DatabaseServer | undefined;
let dataDir: string | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'meanshop-test-'));
  // The first run may build FerretDB with go (about a minute on two cores).
  server = await startDatabaseServer({ mongodbUri: process.env['MONGODB_URI'] || undefined, dataDir, dbEngine: 'auto' }, pino({ level: 'info' }));
  setTestDatabaseServer(server);
}, 600_000);

afterAll(async () => {
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 60_000);
