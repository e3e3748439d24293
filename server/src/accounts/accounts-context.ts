import type { Config } from '../config/config';
import type { RedisClient } from '../database/redis-client';
import type { ShopEvents } from '../events/shop-events';
import type { Mailer } from '../notifications/mailer';
import type { Sessions } from './sessions.service';

/** What the account routes need from the running shop. */
export interface AccountsContext {
  config: Config;
  sessions: Sessions;
  mailer: Mailer;
  events: ShopEvents;
  /** With REDIS_URL: rate-limit counts shared by every instance. */
  redis: RedisClient | undefined;
}
