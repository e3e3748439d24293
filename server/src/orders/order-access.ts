import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A guest's link to their order: `/orders/<id>?token=<HMAC of the id>`. It is made from the
 * server's secret, so nothing is stored, and it opens that one order only.
 */
export class GuestOrderLinks {
  private readonly key: Buffer;

  constructor(serverSecret: string) {
    this.key = createHmac('sha256', serverSecret).update('guest-order-links').digest();
  }

  tokenFor(orderId: string): string {
    return createHmac('sha256', this.key).update(orderId).digest('base64url');
  }

  opens(orderId: string, token: string | undefined): boolean {
    if (!token) return false;
    const expected = Buffer.from(this.tokenFor(orderId));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
