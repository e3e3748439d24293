import type { DatabaseReseed } from '@shared/admin/database';
import mongoose from 'mongoose';
import type { Logger } from 'pino';
import type { Config } from '../config/config';
import { indexPushedDownFields } from '../database/ferretdb-postgres-indexes';
import type { ShopEvents } from '../events/shop-events';
import { AppError } from '../http/app-error';
import { seedDemoData } from '../seed/seed';
import { ensureSellerRecords } from '../sellers/sellers.service';
import { shopCollectionNames } from './database-overview';

/**
 * Kept across a reseed: the lease that says which instance sweeps reservations is not shop data,
 * and the audit log is the record of what admins did, the reseed itself included.
 */
const keptCollections = new Set(['leases', 'auditentries']);

export interface ReseedContext {
  config: Pick<Config, 'demoPassword' | 'commerce' | 'demoProducts'>;
  log: Logger;
  events: ShopEvents;
  postgresUrl: string | undefined;
}

/**
 * Empties every collection (documents only: the indexes, FerretDB's GIN indexes among them, stay)
 * and seeds the demo shop again, then tells the in-memory copies — the catalogue index, the admin
 * product list, categories and seller names — to read the database afresh. `categories.changed`
 * with `productsChanged` is the event that makes every one of them reload whole.
 */
export class DemoReseeder {
  /** Per shop, not per module: two shops in one process reseed apart. */
  private reseeding = false;

  constructor(private readonly context: ReseedContext) {}

  async reseed(): Promise<DatabaseReseed> {
    if (this.reseeding) throw AppError.conflict('The demo data is already being seeded again; wait for it to finish');
    this.reseeding = true;
    try {
      return await reseedDemoShop(this.context);
    } finally {
      this.reseeding = false;
    }
  }
}

async function reseedDemoShop(context: ReseedContext): Promise<DatabaseReseed> {
  const db = mongoose.connection.db!;
  for (const name of await shopCollectionNames()) {
    if (!keptCollections.has(name)) await db.collection(name).deleteMany({});
  }
  const seeded = await seedDemoData({ demoPassword: context.config.demoPassword, log: context.log, commerce: context.config.commerce, productCount: context.config.demoProducts });
  if (!seeded) throw AppError.conflict('The database was written to while it was emptied; try again');
  await ensureSellerRecords();
  if (context.postgresUrl) await indexPushedDownFields(context.postgresUrl, db.databaseName, context.log);
  await context.events.publish('categories.changed', { productsChanged: true });
  context.log.info({ products: seeded.products, orders: seeded.orders }, 'demo data seeded again from the database page');
  return { ...seeded, signedOut: true };
}
