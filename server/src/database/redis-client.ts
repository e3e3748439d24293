import type { Logger } from 'pino';
import { createClient } from 'redis';

export type RedisClient = ReturnType<typeof createClient>;

/**
 * A connected client for REDIS_URL, the state several instances share (socket.io events, rate-limit
 * counts). Errors after connecting are logged; the client reconnects by itself.
 */
export async function connectRedis(url: string, log: Logger, role: string): Promise<RedisClient> {
  const client = createClient({ url });
  client.on('error', (error) => log.error({ err: error }, `redis ${role} error`));
  await client.connect();
  return client;
}
