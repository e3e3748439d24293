import { ConfigError, loadConfig } from './config/config';
import { createLogger } from './config/logger';
import { DatabaseStartError } from './database/database-start-error';
import { demoAccounts, demoDiscountCodes } from './seed/seed';
import { testCards } from '@shared/payments/test-cards';
import { startShop } from './shop';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config);
  const shop = await startShop(config, log);

  const lines = [
    '',
    `  MEAN Shop is running at ${shop.url}`,
    `  Admin dashboard   ${shop.url}/admin`,
    `  API docs          ${shop.url}/api/docs`,
    `  Database          ${shop.database.summary}${shop.database.embedded ? ` (embedded, data in ${config.dataDir})` : ''}`,
  ];
  if (config.seedDemoData) {
    lines.push('', `  Demo accounts (password for all: ${config.demoPassword})${shop.seeded ? '' : ', created on the first start'}`);
    for (const account of demoAccounts) lines.push(`    ${account.role.padEnd(9)} ${account.email}`);
    lines.push('', '  Discount codes');
    for (const code of demoDiscountCodes) lines.push(`    ${code.code.padEnd(9)} ${code.description}`);
  }
  if (config.commerce.paymentProvider === 'test') lines.push('', `  Test card that pays: ${testCards.succeeds.replace(/(\d{4})(?=\d)/g, '$1 ')} (any future expiry, any CVC)`);
  lines.push('', '  Press Ctrl-C to stop.', '');
  process.stdout.write(lines.join('\n') + '\n');

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    void shop.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseStartError) {
    process.stderr.write(`\n${error.message}\n\n`);
  } else {
    process.stderr.write(`\nMEAN Shop failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
