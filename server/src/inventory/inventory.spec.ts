import { Types } from 'mongoose';
import { createCategory, createProduct } from '../../test/catalog-fixtures';
import { useTestShop } from '../../test/test-shop';
import { ProductModel } from '../catalog/product.model';
import { AppError } from '../http/app-error';
import type { StockLine } from './inventory';

const newOrderId = () => new Types.ObjectId().toString();

describe('Inventory', () => {
  const shop = useTestShop();
  const inventory = () => shop.shop.inventory;

  async function levelsOf(productId: string) {
    const product = (await ProductModel.findById(productId, { stock: 1, reserved: 1, available: 1, soldCount: 1 }).lean())!;
    return { stock: product.stock, reserved: product.reserved, available: product.available, soldCount: product.soldCount };
  }

  async function productWithStock(stock: number, title?: string) {
    const category = await createCategory(shop, `Stocked ${Math.random().toString(36).slice(2)}`);
    return (await createProduct(shop, { category, stock, ...(title ? { title } : {}) }))._id.toString();
  }

  function refusal(promise: Promise<unknown>): Promise<AppError> {
    return promise.then(
      () => {
        throw new Error('expected a refusal');
      },
      (error: unknown) => error as AppError,
    );
  }

  it('reserves exactly the 10 units there are for 200 concurrent checkouts, and never goes below zero', async () => {
    const productId = await productWithStock(10);
    const outcomes = await Promise.allSettled(Array.from({ length: 200 }, () => inventory().reserve(newOrderId(), [{ productId, quantity: 1 }])));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled').length).toBe(10);
    const refused = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(refused.every((outcome) => outcome.reason instanceof AppError && outcome.reason.status === 409 && outcome.reason.code === 'out_of_stock')).toBeTrue();
    expect(await levelsOf(productId)).toEqual({ stock: 10, reserved: 10, available: 0, soldCount: 0 });
  }, 120_000);

  it('holds all lines of an order or none: when the second line cannot be had, the first is given back', async () => {
    const plenty = await productWithStock(8);
    const scarce = await productWithStock(1, 'Last lamp');
    const error = await refusal(inventory().reserve(newOrderId(), [{ productId: plenty, quantity: 3 }, { productId: scarce, quantity: 2 }]));
    expect(error.status).toBe(409);
    expect(error.message).toBe('Only 1 of Last lamp left');
    expect(error.details).toEqual([{ path: 'lines.1.quantity', message: 'at most 1' }]);
    expect(await levelsOf(plenty)).toEqual({ stock: 8, reserved: 0, available: 8, soldCount: 0 });
    expect(await levelsOf(scarce)).toEqual({ stock: 1, reserved: 0, available: 1, soldCount: 0 });
  });

  it('refuses a product that is not for sale', async () => {
    const category = await createCategory(shop, 'Unreleased');
    const draft = (await createProduct(shop, { category, stock: 5, status: 'draft', title: 'Draft product' }))._id.toString();
    const error = await refusal(inventory().reserve(newOrderId(), [{ productId: draft, quantity: 1 }]));
    expect(error.code).toBe('out_of_stock');
    expect(error.message).toBe('Draft product is no longer for sale');
    expect((await levelsOf(draft)).reserved).toBe(0);
  });

  it('releases what an order reserved once, however often it is told to, and never what another order holds', async () => {
    const productId = await productWithStock(5);
    const lines: StockLine[] = [{ productId, quantity: 2 }];
    const [first, second] = [newOrderId(), newOrderId()];
    await inventory().reserve(first, lines);
    await inventory().reserve(second, lines);
    await inventory().release(first, lines);
    await inventory().release(first, lines);
    expect(await levelsOf(productId)).toEqual({ stock: 5, reserved: 2, available: 3, soldCount: 0 });
    await inventory().release(newOrderId(), lines);
    expect(await levelsOf(productId)).toEqual({ stock: 5, reserved: 2, available: 3, soldCount: 0 });
  });

  it('reserves an order once when its reservation is tried again (a retried checkout)', async () => {
    const productId = await productWithStock(5);
    const orderId = newOrderId();
    await inventory().reserve(orderId, [{ productId, quantity: 2 }]);
    await inventory().reserve(orderId, [{ productId, quantity: 2 }]);
    expect(await levelsOf(productId)).toEqual({ stock: 5, reserved: 2, available: 3, soldCount: 0 });
  });

  it('turns a paid reservation into a sale once, and puts refunded units back on the shelf', async () => {
    const productId = await productWithStock(5);
    const lines: StockLine[] = [{ productId, quantity: 2 }];
    const orderId = newOrderId();
    await inventory().reserve(orderId, lines);
    await inventory().commitSale(orderId, lines);
    await inventory().commitSale(orderId, lines);
    await inventory().release(orderId, lines);
    expect(await levelsOf(productId)).toEqual({ stock: 3, reserved: 0, available: 3, soldCount: 2 });
    await inventory().returnStock(lines);
    expect(await levelsOf(productId)).toEqual({ stock: 5, reserved: 0, available: 5, soldCount: 2 });
  });

  it('tells every change of availability to the shop, which the storefront shows', async () => {
    const productId = await productWithStock(4);
    const told: number[] = [];
    shop.shop.events.on('stock.changed', (change) => {
      if (change.productId === productId) told.push(change.available);
    });
    const orderId = newOrderId();
    await inventory().reserve(orderId, [{ productId, quantity: 3 }]);
    expect((await shop.shop.catalog.availability([productId]))[productId]).toBe(1);
    await inventory().release(orderId, [{ productId, quantity: 3 }]);
    expect(told).toEqual([1, 4]);
    expect((await shop.shop.catalog.availability([productId]))[productId]).toBe(4);
  });

  it('tells admins once when availability falls to the low-stock threshold', async () => {
    const productId = await productWithStock(8);
    const lows: number[] = [];
    shop.shop.events.on('stock.low', (low) => {
      if (low.productId === productId) lows.push(low.available);
    });
    await inventory().reserve(newOrderId(), [{ productId, quantity: 2 }]);
    await inventory().reserve(newOrderId(), [{ productId, quantity: 2 }]);
    await inventory().reserve(newOrderId(), [{ productId, quantity: 1 }]);
    expect(lows).toEqual([4]);
  });

  it('refuses quantities that are not positive whole numbers before touching anything', async () => {
    const productId = await productWithStock(5);
    for (const quantity of [0, -1, 1.5, Number.NaN, 2 ** 60]) {
      await expectAsync(inventory().reserve(newOrderId(), [{ productId, quantity }])).withContext(String(quantity)).toBeRejectedWithError(RangeError);
    }
    expect(await levelsOf(productId)).toEqual({ stock: 5, reserved: 0, available: 5, soldCount: 0 });
  });
});
