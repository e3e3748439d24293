import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import pino from 'pino';
import { startDatabaseServer } from './database-server';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('The embedded database', () => {
  const log = pino({ level: 'silent' });
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'meanshop-embedded-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  // Only meaningful without MONGODB_URI: then the app starts its own engine.
  const itWithoutExternalDatabase = process.env['MONGODB_URI'] ? xit : it;

  itWithoutExternalDatabase('keeps its data under DATA_DIR across a stop and a start, and leaves no process behind', async () => {
    const first = await startDatabaseServer({ mongodbUri: undefined, dataDir, dbEngine: 'auto' }, log);
    expect(first.uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/$/);
    const firstClient = await MongoClient.connect(first.uri);
    await firstClient.db('persistence').collection('notes').insertOne({ text: 'still here' });
    await firstClient.close();
    await first.stop();
    expect(isRunning(first.pid!)).withContext('engine process after stop').toBeFalse();

    const second = await startDatabaseServer({ mongodbUri: undefined, dataDir, dbEngine: 'auto' }, log);
    const secondClient = await MongoClient.connect(second.uri);
    const note = await secondClient.db('persistence').collection('notes').findOne({}, { projection: { _id: 0 } });
    await secondClient.close();
    await second.stop();
    expect(note?.['text']).toBe('still here');
  }, 120_000);

  it('uses MONGODB_URI as given, starting nothing', async () => {
    const external = await startDatabaseServer({ mongodbUri: 'mongodb://db.example:27017/shop', dataDir, dbEngine: 'auto' }, log);
    expect(external.uri).toBe('mongodb://db.example:27017/shop');
    expect(external.embedded).toBeUndefined();
    expect(external.pid).toBeUndefined();
  });
});
