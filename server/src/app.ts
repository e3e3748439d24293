import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express, { type Express, type Response } from 'express';
import type { Logger } from 'pino';
import swaggerUi from 'swagger-ui-express';
import { registerAccountRoutes } from './accounts/account.routes';
import type { AccountsContext } from './accounts/accounts-context';
import { registerAdminUserRoutes } from './accounts/admin-users.routes';
import { registerAuthRoutes } from './accounts/auth.routes';
import type { Authenticator } from './accounts/authenticator';
import { registerOidcRoutes } from './accounts/oidc/oidc.routes';
import { registerCartRoutes } from './cart/cart.routes';
import { registerAdminCatalogRoutes } from './catalog/admin-catalog.routes';
import type { CatalogSource } from './catalog/catalog-source';
import { registerCatalogRoutes } from './catalog/catalog.routes';
import { productSharePage, withShareTags, type ShareablePage } from './catalog/open-graph';
import { AuditLog } from './audit/audit-log';
import { registerAuditRoutes } from './audit/audit.routes';
import type { Config } from './config/config';
import { registerAdminSellerRoutes } from './sellers/admin-sellers.routes';
import { registerSellerApplicationRoutes } from './sellers/seller-application.routes';
import { registerPublicSellerRoutes } from './sellers/public-sellers.routes';
import { sellerApiKeys } from './seller-api/seller-api-auth';
import { registerSellerApiRoutes } from './seller-api/seller-api.routes';
import type { Sellers } from './sellers/sellers.service';
import { clientBuildDir } from './config/paths';
import type { DatabaseInfo } from './database/connect';
import { registerDatabaseAdminRoutes } from './database-admin/database-admin.routes';
import { buildOpenApiDocument } from './docs/openapi';
import type { ShopEvents } from './events/shop-events';
import type { Inventory } from './inventory/inventory';
import { registerHealthRoutes } from './health/health.routes';
import { ApiRoutes, keepRawBody } from './http/api-routes';
import { apiNotFound, errorHandler } from './http/error-handler';
import { requestLog } from './http/request-log';
import { securityHeaders } from './http/security-headers';
import { registerMediaRoutes } from './media/media.routes';
import { registerMetricsRoute } from './metrics/metrics.routes';
import type { ShopMetrics } from './metrics/shop-metrics';
import { registerAdminOrderRoutes } from './orders/admin-orders.routes';
import type { Commerce } from './orders/commerce';
import { registerOrderRoutes } from './orders/order.routes';
import { registerStatsRoutes } from './stats/stats.routes';
import { registerPaymentWebhookRoutes } from './payments/payment-webhook.routes';
import { registerQuestionRoutes } from './questions/questions.routes';
import { registerDevOutboxRoutes } from './notifications/dev-outbox.routes';

export interface AppContext {
  config: Config;
  log: Logger;
  database: DatabaseInfo;
  appVersion: string;
  authenticator: Authenticator;
  accounts: AccountsContext;
  catalog: CatalogSource;
  events: ShopEvents;
  inventory: Inventory;
  commerce: Commerce;
  metrics: ShopMetrics;
  sellers: Sellers;
  /** The embedded FerretDB's PostgreSQL, for the database page. */
  postgresUrl?: string | undefined;
  /** The built Angular app; tests point it elsewhere. */
  clientDir?: string;
}

export function createApp(context: AppContext): Express {
  const { config, log } = context;
  const app = express();
  app.set('trust proxy', config.trustProxy ?? false);
  app.set('query parser', 'simple');

  app.use(context.metrics.recordRequests());
  app.use(requestLog(log, { ignore: (url) => url.startsWith('/api/health') }));
  app.use(
    securityHeaders({
      contentSecurityPolicy: {
        directives: {
          'img-src': ["'self'", 'data:', 'blob:'],
          'connect-src': ["'self'", 'ws:', 'wss:'],
          // Angular sets style attributes at run time.
          'style-src': ["'self'", "'unsafe-inline'"],
          'upgrade-insecure-requests': config.isProduction ? [] : null,
        },
      },
    }),
  );
  app.use(compression());
  app.use(express.json({ limit: '100kb', strict: true, verify: keepRawBody }));
  // The refresh token's and the guest cart's cookies.
  app.use('/api', cookieParser());

  const auditLog = new AuditLog(context.log);
  const api = new ApiRoutes({ checkResponses: config.env === 'test', authenticator: context.authenticator, auditLog, apiKeys: sellerApiKeys });
  registerHealthRoutes(api, context);
  registerAuthRoutes(api, context.accounts);
  registerOidcRoutes(api, context.accounts);
  registerAccountRoutes(api, context.accounts);
  registerAdminUserRoutes(api, context.accounts);
  registerCatalogRoutes(api, context.catalog);
  registerAdminCatalogRoutes(api, context);
  registerCartRoutes(api, context.commerce.carts, context.commerce.cartOwners);
  registerOrderRoutes(api, context.commerce, context.metrics);
  registerAdminOrderRoutes(api, context.commerce);
  registerStatsRoutes(api, context.commerce.stats);
  registerPaymentWebhookRoutes(api, context.commerce.webhooks, context.commerce.providers);
  registerMediaRoutes(api);
  registerDatabaseAdminRoutes(api, context);
  registerAuditRoutes(api, auditLog);
  registerAdminSellerRoutes(api, context.sellers);
  registerSellerApplicationRoutes(api);
  registerPublicSellerRoutes(api);
  const sellerAccess = registerSellerApiRoutes(api, context);
  registerQuestionRoutes(api, { ...context, sellerAccess });
  if (!config.isProduction) registerDevOutboxRoutes(api);

  const openApiDocument = buildOpenApiDocument(api.operations, { version: context.appVersion, serverUrl: config.publicUrl });
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApiDocument);
  });
  app.use('/api/docs', swaggerUi.serve, swaggerUi.setup(openApiDocument, { customSiteTitle: 'MEAN Shop API' }));
  app.use('/api', api.router, apiNotFound);
  registerMetricsRoute(app, context.metrics, { authenticator: context.authenticator, metricsToken: config.metricsToken });

  serveAngularApp(app, context.clientDir ?? clientBuildDir, (slug) => productSharePage(context.catalog, slug, config.publicUrl));
  app.use(errorHandler);
  return app;
}

/** The built Angular app is served by the same process; every other path gets its index.html. */
function serveAngularApp(app: Express, clientDir: string, sharePageOf: (slug: string) => Promise<ShareablePage | undefined>): void {
  const indexHtmlPath = path.join(clientDir, 'index.html');
  // Hashed bundle names change with their content, so they can be cached for good.
  app.use(
    express.static(clientDir, {
      index: false,
      setHeaders: (res, filePath) => {
        if (/-[A-Z0-9]{8,}\.(js|css|woff2?)$/.test(filePath)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  const sendIndex = async (res: Response, page?: ShareablePage) => {
    if (!existsSync(indexHtmlPath)) {
      res.status(503).type('text').send('The storefront is not built yet: run `npm run build` (npm start does it for you).');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    if (!page) {
      res.sendFile(indexHtmlPath);
      return;
    }
    res.type('html').send(withShareTags(await readFile(indexHtmlPath, 'utf8'), page));
  };
  // Product pages carry their own title, description and preview tags for link sharing.
  app.get('/products/:slug', async (req, res) => sendIndex(res, await sharePageOf(String(req.params['slug']))));
  app.get('/{*path}', (_req, res) => sendIndex(res));
}
