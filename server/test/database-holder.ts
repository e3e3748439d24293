// Starts the embedded database for the folder given as the first argument, prints its process ids
// as one JSON line, and runs until it is killed: the part of a shop that a `kill -9` spec kills.
import pino from 'pino';
import { startDatabaseServer } from '../src/database/database-server';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: database-holder.ts <data dir>');
const server = await startDatabaseServer({ mongodbUri: undefined, dataDir, dbEngine: 'auto' }, pino({ level: 'silent' }));
process.stdout.write(`${JSON.stringify({ uri: server.uri, pids: server.pids })}\n`);
setInterval(() => undefined, 60_000);
