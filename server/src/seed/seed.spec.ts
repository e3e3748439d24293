import argon2 from 'argon2';
import { trusted } from 'mongoose';
import pino from 'pino';
import { UserModel } from '../accounts/user.model';
import { CategoryModel } from '../catalog/category.model';
import { ProductModel } from '../catalog/product.model';
import { findImage } from '../media/media.storage';
import { OrderModel } from '../orders/order.model';
import { TestPaymentModel } from '../payments/test-payment.model';
import { QuestionModel } from '../questions/question.model';
import { SalesHourModel } from '../stats/sales-hour.model';
import { useTestShop } from '../../test/test-shop';
import { seedDemoData } from './seed';

describe('Demo data seed', () => {
  const shop = useTestShop();
  const log = pino({ level: 'silent' });

  it('fills an empty database with a believable catalogue and the three demo accounts, once', async () => {
    const summary = await seedDemoData({ demoPassword: 'demo-password', log, commerce: shop.config.commerce });
    expect(summary?.products).toBeGreaterThanOrEqual(1000);

    const products = await ProductModel.find().lean();
    expect(products.length).toBe(summary!.products);
    expect(new Set(products.map((product) => product.slug)).size).toBe(products.length);
    expect(new Set(products.map((product) => product.title)).size).withContext('unique titles').toBe(products.length);
    const topCategories = await CategoryModel.find({ parentId: null }).lean();
    expect(topCategories.length).toBeGreaterThanOrEqual(8);
    const leaves = await CategoryModel.find({ parentId: trusted({ $ne: null }) }).lean();
    expect(leaves.length).toBeGreaterThan(topCategories.length);
    const leafIds = new Set(leaves.map((leaf) => leaf._id.toString()));
    expect(products.every((product) => leafIds.has(product.categoryId.toString()) && product.categoryPath.length === 2)).withContext('two-level tree').toBeTrue();

    for (const product of products) {
      expect(Number.isInteger(product.price.amount)).toBeTrue();
      expect(product.price.amount).toBeGreaterThan(0);
      expect(product.available).toBe(product.stock - product.reserved);
      expect(product.images.length).toBe(1);
      expect(product.title.length).toBeGreaterThan(5);
      expect(product.searchTerms.length).toBeGreaterThan(3);
    }
    expect(products.some((product) => product.stock === 0)).withContext('some sold out').toBeTrue();
    expect(products.some((product) => product.compareAtPrice?.amount)).withContext('some on sale').toBeTrue();
    expect(products.some((product) => product.sellerId)).withContext('some from the seller').toBeTrue();
    const image = await findImage(products[0]!.images[0]!.toString());
    expect(image?.contentType).toBe('image/webp');

    const users = await UserModel.find().select('+passwordHash').lean();
    const roles = new Map(users.map((user) => [user.email, user.role]));
    expect(roles.get('admin@demo.shop')).toBe('admin');
    expect(roles.get('seller@demo.shop')).toBe('seller');
    expect(roles.get('shopper@demo.shop')).toBe('customer');
    expect(users.filter((user) => user.role === 'seller').length).withContext('several sellers').toBeGreaterThanOrEqual(3);
    expect(new Set(products.flatMap((product) => (product.sellerId ? [product.sellerId.toString()] : []))).size).toBeGreaterThanOrEqual(3);
    for (const user of users) {
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await argon2.verify(user.passwordHash!, 'demo-password')).toBeTrue();
    }

    // A few weeks of orders, every one consistent with its status, and the sales figures counted from them.
    const orders = await OrderModel.find().lean();
    expect(orders.length).toBe(summary!.orders);
    expect(orders.length).toBeGreaterThan(150);
    const oldest = Math.min(...orders.map((order) => order.createdAt.getTime()));
    expect(Date.now() - oldest).withContext('weeks of history').toBeGreaterThan(28 * 86_400_000);
    expect(orders.every((order) => order.createdAt.getTime() <= Date.now())).toBeTrue();
    // Lists page by _id, newest first: the demo ids carry the orders' own times.
    expect(orders.every((order) => order._id.getTimestamp().getTime() === Math.floor(order.createdAt.getTime() / 1000) * 1000)).toBeTrue();
    expect(orders.some((order) => order.status === 'pending_payment')).withContext('nothing holds stock').toBeFalse();
    for (const status of ['paid', 'fulfilling', 'shipped', 'delivered', 'cancelled'] as const) {
      expect(orders.some((order) => order.status === status)).withContext(status).toBeTrue();
    }
    for (const order of orders) {
      expect(order.statusHistory.at(-1)!.status).toBe(order.status);
      expect(order.totals.subtotal.amount).toBe(order.lines.reduce((sum, line) => sum + line.lineTotal.amount, 0));
      expect(await TestPaymentModel.exists({ reference: order.payment.reference })).withContext('in the test ledger').toBeTruthy();
    }
    const counted = orders.filter((order) => ['paid', 'fulfilling', 'shipped', 'delivered'].includes(order.status));
    const hours = await SalesHourModel.find().lean();
    expect(hours.reduce((sum, hour) => sum + hour.orders, 0)).toBe(counted.length);
    expect(hours.reduce((sum, hour) => sum + hour.revenue, 0)).toBe(counted.reduce((sum, order) => sum + order.totals.total.amount, 0));

    // Questions from the demo shopper on products of each demo seller and of the shop; some answered by whoever sells it.
    const questions = await QuestionModel.find().lean();
    const productsById = new Map(products.map((product) => [product._id.toString(), product]));
    const shopperId = users.find((user) => user.email === 'shopper@demo.shop')!._id;
    expect(new Set(questions.flatMap((question) => (question.sellerId ? [question.sellerId.toString()] : []))).size).withContext('every demo seller').toBe(3);
    expect(questions.some((question) => question.sellerId === null && question.answer?.byRole === 'admin')).withContext('the shop answers its own').toBeTrue();
    expect(questions.some((question) => question.answer?.byRole === 'seller')).withContext('sellers answer theirs').toBeTrue();
    expect(questions.some((question) => !question.answered)).withContext('some wait for an answer').toBeTrue();
    for (const question of questions) {
      const product = productsById.get(question.productId.toString());
      expect(String(product?.sellerId ?? null)).toBe(String(question.sellerId));
      expect(question.askerId.equals(shopperId)).toBeTrue();
      expect(question.answered).toBe(question.answer !== null);
    }

    expect(await seedDemoData({ demoPassword: 'demo-password', log, commerce: shop.config.commerce })).withContext('second run').toBeUndefined();
    expect(await ProductModel.countDocuments()).toBe(products.length);
  }, 120_000);
});
