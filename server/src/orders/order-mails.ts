import { formatMoney } from '@shared/money';
import type { OrderStatus } from '@shared/orders/order-status';
import type { OrderEvent, ShopEvents } from '../events/shop-events';
import type { Mailer } from '../notifications/mailer';
import type { GuestOrderLinks } from './order-access';

/** What each mailed status tells the shopper; other statuses send nothing. */
const mails: Partial<Record<OrderStatus, { subject: (number: string) => string; body: string }>> = {
  paid: { subject: (number) => `Order ${number} confirmed`, body: 'Thank you for your order. We have your payment and are getting it ready.' },
  shipped: { subject: (number) => `Order ${number} is on its way`, body: 'Your order has left our warehouse.' },
  delivered: { subject: (number) => `Order ${number} was delivered`, body: 'Your order was delivered. We hope you enjoy it.' },
  cancelled: { subject: (number) => `Order ${number} was cancelled`, body: 'Your order was cancelled, and the items were put back on sale.' },
  returned: { subject: (number) => `Order ${number} was returned`, body: 'We received your return.' },
};

/**
 * One mail per order milestone: confirmation when paid, then shipped, delivered, cancelled,
 * returned and refunded. Sent from this instance's own events only, so that with several
 * instances each mail goes once.
 */
export function sendOrderMails(events: ShopEvents, mailer: Mailer, links: { publicUrl: string; guestOrderLinks: GuestOrderLinks }): void {
  const linkTo = (order: OrderEvent) => {
    const path = `${links.publicUrl}/orders/${order.orderId}`;
    return order.userId ? path : `${path}?token=${links.guestOrderLinks.tokenFor(order.orderId)}`;
  };
  events.on('order.status_changed', (order, origin) => {
    const mail = mails[order.status];
    if (origin !== 'local' || !mail) return;
    // An unpaid order that expires or is dropped was never confirmed: no mail about it.
    if (order.status === 'cancelled' && order.from === 'pending_payment' && order.by !== 'shopper') return;
    const refund = order.refunded ? `\n\n${formatMoney(order.total)} was refunded to your card; it may take a few days to show.` : '';
    const note = order.note ? `\n\nA note from us: ${order.note}` : '';
    mailer.sendInBackground({
      to: order.email,
      subject: order.refunded && order.status === 'returned' ? `Order ${order.number} was refunded` : mail.subject(order.number),
      text: `${mail.body}${refund}${note}\n\nTotal: ${formatMoney(order.total)}\nSee your order: ${linkTo(order)}\n`,
    });
  });
}
