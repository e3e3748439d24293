import type { Order } from '@shared/orders/order';
import { testCards } from '@shared/payments/test-cards';
import { bearer, signInAs, type Session } from '../../test/accounts-helpers';
import { createCategory, createProduct } from '../../test/catalog-fixtures';
import { addToCart, orderRequest, placedOrder, placeOrder, type Shopper } from '../../test/checkout-helpers';
import { SmtpSink } from '../../test/smtp-sink';
import { useTestShop } from '../../test/test-shop';

describe('order mails (real SMTP)', () => {
  const smtp = new SmtpSink();
  const environment: Record<string, string> = { PUBLIC_URL: 'https://shop.example', TEST_PAYMENT_WEBHOOK_DELAY_MS: '200' };

  beforeAll(async () => {
    environment['SMTP_URL'] = await smtp.start();
  });
  afterAll(() => smtp.stop());

  const shop = useTestShop(environment);
  let category: Awaited<ReturnType<typeof createCategory>>;
  let admin: Session;

  beforeAll(async () => {
    category = await createCategory(shop, 'Mailed goods');
    admin = await signInAs(shop, 'admin');
  });

  const moveTo = async (order: Order, status: string, note?: string) => {
    const response = await shop.request(`/api/admin/orders/${order.id}/status`, { method: 'POST', headers: bearer(admin), json: { status, ...(note ? { note } : {}) } });
    expect(response.status).toBe(200);
  };

  async function guestOrder(email: string): Promise<Order> {
    const product = await createProduct(shop, { category, stock: 5, price: 1000 });
    const guest: Shopper = {};
    await addToCart(shop, guest, product._id.toString());
    return placedOrder(shop, guest, orderRequest({ email }));
  }

  it('confirms a paid order with the guest\'s signed link, then tells of shipping (with the note) and delivery', async () => {
    const order = await guestOrder('mailed@example.test');
    const confirmation = await smtp.nextMailTo('mailed@example.test', 20_000);
    expect(confirmation.subject).toBe(`Order ${order.number} confirmed`);
    expect(confirmation.text).toContain(`https://shop.example/orders/${order.id}?token=${order.accessToken!}`);
    expect(confirmation.text).toContain('Total: €17.94');

    await moveTo(order, 'fulfilling');
    await moveTo(order, 'shipped', 'DHL 00340434161094042557');
    const shipped = await smtp.nextMailTo('mailed@example.test', 20_000);
    expect(shipped.subject).toBe(`Order ${order.number} is on its way`);
    expect(shipped.text).toContain('A note from us: DHL 00340434161094042557');
    await moveTo(order, 'delivered');
    expect((await smtp.nextMailTo('mailed@example.test', 20_000)).subject).toBe(`Order ${order.number} was delivered`);
    // "Being prepared" is no news to the shopper: no mail came for it.
    expect(smtp.mails.filter((mail) => mail.to === 'mailed@example.test')).toEqual([]);
  });

  it('says a cancelled paid order was refunded, and sends nothing for a declined one', async () => {
    const order = await guestOrder('refunded@example.test');
    await smtp.nextMailTo('refunded@example.test', 20_000);
    await moveTo(order, 'cancelled', 'Damaged in our warehouse');
    const cancelled = await smtp.nextMailTo('refunded@example.test', 20_000);
    expect(cancelled.subject).toBe(`Order ${order.number} was cancelled`);
    expect(cancelled.text).toContain('€17.94 was refunded to your card');

    const product = await createProduct(shop, { category, stock: 5 });
    const guest: Shopper = {};
    await addToCart(shop, guest, product._id.toString());
    expect((await placeOrder(shop, guest, orderRequest({ email: 'declined@example.test' }, testCards.declined))).status).toBe(422);
    // A later mail to another address proves the queue moved past the declined order.
    await guestOrder('after-declined@example.test');
    await smtp.nextMailTo('after-declined@example.test', 20_000);
    expect(smtp.mails.filter((mail) => mail.to === 'declined@example.test')).toEqual([]);
  });
});
