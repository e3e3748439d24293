import { Types } from 'mongoose';
import { bearer, signInAs, signUp, type Session } from '../../test/accounts-helpers';
import { createCategory, createProduct } from '../../test/catalog-fixtures';
import { addToCart, placedOrder, type Shopper } from '../../test/checkout-helpers';
import { useTestShop } from '../../test/test-shop';
import { ensureSellerRecords } from '../sellers/sellers.service';
import { OrderModel } from './order.model';

describe('commission per order line', () => {
  const shop = useTestShop();
  let admin: Session;
  let seller: Session;

  beforeAll(async () => {
    [admin, seller] = await Promise.all([signInAs(shop, 'admin'), signInAs(shop, 'seller')]);
    await ensureSellerRecords();
  });

  const setRate = (commissionBasisPoints: number) =>
    shop.request(`/api/admin/sellers/${seller.auth.user.id}`, { method: 'PATCH', headers: bearer(admin), json: { commissionBasisPoints } });

  it("is the seller's rate when bought, on the line's own total, kept when the rate changes later; the shop's own lines have none", async () => {
    const category = await createCategory(shop, 'Commission lamps');
    const sellers = await createProduct(shop, { category, price: 1999, stock: 10, sellerId: new Types.ObjectId(seller.auth.user.id) });
    const own = await createProduct(shop, { category, price: 500, stock: 10 });
    expect((await setRate(1250)).status).toBe(200);

    const shopper: Shopper = { session: await signUp(shop) };
    await addToCart(shop, shopper, sellers._id.toString(), 2);
    await addToCart(shop, shopper, own._id.toString());
    const first = await placedOrder(shop, shopper);

    expect((await setRate(2000)).status).toBe(200);
    await addToCart(shop, shopper, sellers._id.toString());
    const second = await placedOrder(shop, shopper);

    const linesOf = async (orderId: string) => (await OrderModel.findById(orderId).lean())!.lines.map((line) => [String(line.productId), line.commission ?? null]);
    expect(await linesOf(first.id)).toEqual([
      // 12.5% of 39.98 is 4.9975: half up to the cent.
      [sellers._id.toString(), { basisPoints: 1250, amount: { amount: 500, currency: 'EUR' } }],
      [own._id.toString(), null],
    ]);
    expect(await linesOf(second.id)).toEqual([[sellers._id.toString(), { basisPoints: 2000, amount: { amount: 400, currency: 'EUR' } }]]);
    // The shopper's view of the order says nothing of it.
    expect(JSON.stringify(first)).not.toContain('commission');
  });
});
