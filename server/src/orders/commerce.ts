import { createHmac } from 'node:crypto';
import type { Logger } from 'pino';
import { CartOwners } from '../cart/cart-owner';
import { Carts } from '../cart/carts.service';
import type { CatalogSource } from '../catalog/catalog-source';
import type { Config } from '../config/config';
import type { ShopEvents } from '../events/shop-events';
import type { Inventory } from '../inventory/inventory';
import type { Mailer } from '../notifications/mailer';
import type { PaymentProvider } from '../payments/payment-provider';
import { PaymentWebhooks } from '../payments/payment-webhooks';
import { StripeProvider } from '../payments/stripe-provider';
import { TestPaymentProvider } from '../payments/test-provider';
import { Checkout } from './checkout.service';
import { DiscountCodes } from './discounts/discount-codes';
import { IdempotentRequests } from './idempotent-requests';
import { GuestOrderLinks } from './order-access';
import { LineShipments } from './line-shipments';
import { OrderLifecycle, type PaymentProviders } from './order-lifecycle';
import { sendOrderMails } from './order-mails';
import { ReservationSweeper } from './reservation-sweeper';
import { SalesStats } from '../stats/sales-stats';

/** Everything that sells: carts, checkout, payments and the order lifecycle, built once per running shop. */
export interface Commerce {
  carts: Carts;
  cartOwners: CartOwners;
  checkout: Checkout;
  lifecycle: OrderLifecycle;
  /** Marketplace sellers ship their own lines; the order follows. */
  lineShipments: LineShipments;
  webhooks: PaymentWebhooks;
  idempotentRequests: IdempotentRequests;
  guestOrderLinks: GuestOrderLinks;
  sweeper: ReservationSweeper;
  providers: PaymentProviders;
  stats: SalesStats;
  /** Once the shop listens: the test provider's webhooks go to its own endpoint, and the sweeper starts. */
  start(shopUrl: string): void;
  stop(): Promise<void>;
}

export interface CommerceDependencies {
  config: Config;
  log: Logger;
  events: ShopEvents;
  inventory: Inventory;
  catalog: CatalogSource;
  mailer: Mailer;
  secureCookies: boolean;
}

export function createCommerce({ config, log, events, inventory, catalog, mailer, secureCookies }: CommerceDependencies): Commerce {
  const { commerce } = config;
  const testProvider = new TestPaymentProvider({
    // Derived, not configured: only this shop signs and checks its own test webhooks.
    secret: createHmac('sha256', config.jwtSecret).update('test-payment-webhooks').digest('hex'),
    slowCardDelayMs: commerce.testPaymentWebhookDelayMs,
    log,
  });
  const providers = new Map<string, PaymentProvider>();
  // The test cards stay usable outside production, so a developer with Stripe keys can still try them.
  if (commerce.paymentProvider === 'test' || !config.isProduction) providers.set('test', testProvider);
  if (commerce.stripe) providers.set('stripe', new StripeProvider({ ...commerce.stripe, ...stripeEndpoint(commerce.stripe.apiUrl), log }));

  const carts = new Carts(catalog, commerce.currency);
  const lifecycle = new OrderLifecycle(events, inventory, providers, log);
  const webhooks = new PaymentWebhooks(lifecycle, log);
  const checkout = new Checkout({ carts, inventory, lifecycle, webhooks, discounts: new DiscountCodes(), providers, events, commerce, log });
  // Sweeps often enough that an expired reservation is released within half its lifetime at most.
  const sweeper = new ReservationSweeper(lifecycle, log, Math.min(30_000, Math.max(1_000, commerce.reservationMs / 2)));
  const guestOrderLinks = new GuestOrderLinks(config.jwtSecret);
  sendOrderMails(events, mailer, { publicUrl: config.publicUrl, guestOrderLinks });
  const stats = new SalesStats(catalog, commerce.currency, log);
  stats.subscribe(events);

  return {
    carts,
    cartOwners: new CartOwners(carts, secureCookies),
    checkout,
    lifecycle,
    lineShipments: new LineShipments(lifecycle),
    webhooks,
    idempotentRequests: new IdempotentRequests(),
    guestOrderLinks,
    sweeper,
    providers,
    stats,
    start(shopUrl) {
      testProvider.deliverTo(`${shopUrl}/api/payments/webhook/test`);
      sweeper.start();
    },
    async stop() {
      testProvider.stop();
      await sweeper.stop();
    },
  };
}

/** STRIPE_API_URL (stripe-mock, a proxy) as the SDK's host, port and protocol. */
function stripeEndpoint(apiUrl: string | undefined): { host?: string; port?: number; protocol?: 'http' | 'https' } {
  if (!apiUrl) return {};
  const url = new URL(apiUrl);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: Number(url.port || (protocol === 'http' ? 80 : 443)), protocol };
}
