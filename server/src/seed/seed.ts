import argon2 from 'argon2';
import { Types } from 'mongoose';
import type { Logger } from 'pino';
import { UserModel } from '../accounts/user.model';
import { CategoryModel } from '../catalog/category.model';
import { ProductModel } from '../catalog/product.model';
import { searchTermsFor } from '../catalog/search-terms';
import { storeImage } from '../media/media.storage';
import type { CommerceConfig } from '../config/config';
import { DiscountCodeModel } from '../orders/discounts/discount-code.model';
import { demoAuthors, demoBrands, demoCategories, type DemoLeafCategory } from './demo-catalog';
import { renderProductImage } from './demo-images';
import { seedDemoOrders } from './demo-orders';
import { seedDemoQuestions } from './demo-questions';

export interface SeedSummary {
  products: number;
  categories: number;
  orders: number;
  accounts: Array<{ email: string; role: string }>;
}

/** Codes a newcomer can try at checkout (printed at start): one percent, one fixed with a minimum spend. */
export const demoDiscountCodes = [
  { code: 'WELCOME10', kind: 'percent', value: 1000, perCustomerLimit: 1, description: '10 % off, once per customer' },
  { code: 'SAVE5', kind: 'fixed', value: 500, minimumSpend: 5000, description: '€5 off orders of €50 or more' },
] as const;

export const demoAccounts = [
  { email: 'admin@demo.shop', name: 'Ada Admin', role: 'admin' },
  { email: 'seller@demo.shop', name: 'Sam Seller', role: 'seller' },
  { email: 'shopper@demo.shop', name: 'Sophie Shopper', role: 'customer' },
] as const;

/** More marketplace sellers, so the seller facet has choices; they share the demo password. */
const extraSellers = [
  { email: 'nordic-home@demo.shop', name: 'Nordic Home Co.', role: 'seller' },
  { email: 'trailhead@demo.shop', name: 'Trailhead Outfitters', role: 'seller' },
] as const;

/** Pictures per leaf category; products share them, so seeding stays quick at any size. */
const imagesPerCategory = 4;

export const defaultDemoProductCount = 1000;

/** A small deterministic generator, so every fresh demo shop has the same catalogue. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 200);
}

/** Prices end in .99 or .49 like a real shop's. */
function shopPrice(random: () => number, [min, max]: [number, number]): number {
  const euros = Math.floor(min / 100 + random() * (max - min) / 100);
  return euros * 100 + (random() < 0.8 ? 99 : 49);
}

function stockLevel(random: () => number): number {
  const roll = random();
  if (roll < 0.06) return 0;
  if (roll < 0.16) return 1 + Math.floor(random() * 5);
  return 10 + Math.floor(random() * 140);
}

interface PlannedProduct {
  leaf: DemoLeafCategory;
  topHue: number;
  leafId: Types.ObjectId;
  path: Types.ObjectId[];
  categoryNames: string[];
}

/** Runs `work` over `items` with at most `concurrency` at once (sharp renders on libuv's pool). */
async function mapConcurrently<T, R>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!, index);
      }
    }),
  );
  return results;
}

/**
 * Fills an empty database with the demo catalogue and the three demo accounts (SPEC section 10).
 * A database that already has products or users is left alone.
 */
export async function seedDemoData(options: { demoPassword: string; log: Logger; commerce: CommerceConfig; productCount?: number }): Promise<SeedSummary | undefined> {
  const [anyUser, anyProduct] = await Promise.all([UserModel.exists({}), ProductModel.exists({})]);
  if (anyUser || anyProduct) return undefined;
  const startedAt = Date.now();
  const productCount = options.productCount ?? defaultDemoProductCount;
  const random = seededRandom(20_261_128);

  const passwordHash = await argon2.hash(options.demoPassword, { type: argon2.argon2id });
  const users = await UserModel.insertMany([...demoAccounts, ...extraSellers].map((account) => ({ ...account, passwordHash })));
  const sellerIds = users.filter((user) => user.role === 'seller').map((user) => user._id);

  const plans: PlannedProduct[] = [];
  const categoryDocuments = [];
  for (const [topIndex, top] of demoCategories.entries()) {
    const topId = new Types.ObjectId();
    categoryDocuments.push({ _id: topId, name: top.name, slug: top.slug, parentId: null, position: topIndex });
    for (const [leafIndex, leaf] of top.children.entries()) {
      const leafId = new Types.ObjectId();
      categoryDocuments.push({ _id: leafId, name: leaf.name, slug: leaf.slug, parentId: topId, position: leafIndex });
      plans.push({ leaf, topHue: top.hue, leafId, path: [topId, leafId], categoryNames: [top.name, leaf.name] });
    }
  }
  await CategoryModel.insertMany(categoryDocuments);

  const imageIds = await mapConcurrently(
    plans.flatMap((plan) => Array.from({ length: imagesPerCategory }, (_, variant) => ({ plan, variant }))),
    4,
    async ({ plan, variant }) => {
      const image = await renderProductImage(plan.leaf.illustration, (plan.topHue + variant * 40) % 360, variant + plans.indexOf(plan) * 7);
      const stored = await storeImage(image.bytes, { filename: `${plan.leaf.slug}-${variant}.webp`, contentType: 'image/webp', width: image.width, height: image.height });
      return new Types.ObjectId(stored.id);
    },
  );

  const usedSlugs = new Set<string>();
  const usedTitles = new Set<string>();
  const titlesPerLeaf = new Map<string, number>();
  const now = Date.now();
  const products = Array.from({ length: productCount }, (_, index) => {
    const plan = plans[index % plans.length]!;
    const { leaf } = plan;
    const round = Math.floor(index / plans.length);
    const isBook = leaf.illustration === 'book';
    // Walk the combinations from a spot that depends on the index until one is unused, so
    // every title in the catalogue is different.
    let title = '';
    let noun = '';
    let brand = '';
    let variant = '';
    // A large catalogue (DEMO_PRODUCTS=100000) uses up a leaf's combinations: from then on a
    // number tells its products apart, rather than a search through every taken combination.
    const combinations = leaf.nouns.length * leaf.variants.length * (isBook ? demoAuthors.length : demoBrands.length);
    const titlesInLeaf = titlesPerLeaf.get(leaf.slug) ?? 0;
    titlesPerLeaf.set(leaf.slug, titlesInLeaf + 1);
    for (let attempt = 0; title === '' || usedTitles.has(title); attempt += 1) {
      noun = leaf.nouns[(index * 7 + round + attempt) % leaf.nouns.length]!;
      brand = demoBrands[(index * 5 + round * 3 + Math.floor(attempt / leaf.nouns.length)) % demoBrands.length]!;
      variant = leaf.variants[(index + round + Math.floor(attempt / (leaf.nouns.length * demoBrands.length))) % leaf.variants.length]!;
      const author = demoAuthors[(index + attempt) % demoAuthors.length]!;
      title = isBook ? `${noun} by ${author} (${variant})` : `${brand} ${noun} – ${variant}`;
      if (titlesInLeaf >= combinations || attempt > combinations) title = `${title} #${index}`;
    }
    usedTitles.add(title);
    const material = leaf.material[(index * 3 + round) % leaf.material.length]!;
    let slug = slugify(title);
    for (let suffix = 2; usedSlugs.has(slug); suffix += 1) slug = `${slugify(title)}-${suffix}`;
    usedSlugs.add(slug);

    const price = shopPrice(random, leaf.price);
    const onSale = random() < 0.2;
    const stock = stockLevel(random);
    const description = isBook
      ? `${leaf.blurb} Published by ${brand} Press. ${variant} edition.`
      : `${leaf.blurb} The ${brand} ${noun.toLowerCase()} comes in ${variant} and is made of ${material.toLowerCase()}.`;
    const attributes = isBook
      ? [{ name: 'Publisher', value: `${brand} Press` }, { name: 'Format', value: variant }]
      : [{ name: 'Brand', value: brand }, { name: 'Variant', value: variant }, { name: 'Material', value: material }];

    const planIndex = index % plans.length;
    const imageId = imageIds[planIndex * imagesPerCategory + (round % imagesPerCategory)]!;
    const createdAt = new Date(now - Math.floor(random() * 120) * 86_400_000 - index * 60_000);
    return {
      _id: new Types.ObjectId(),
      title,
      slug,
      description,
      categoryId: plan.leafId,
      categoryPath: plan.path,
      attributes,
      images: [imageId],
      price: { amount: price, currency: 'EUR' },
      ...(onSale ? { compareAtPrice: { amount: Math.round(price * (1.15 + random() * 0.3) / 100) * 100 + 99, currency: 'EUR' } } : {}),
      // A third of the catalogue comes from marketplace sellers.
      sellerId: index % 3 === 2 ? sellerIds[Math.floor(index / 3) % sellerIds.length]! : null,
      status: 'active',
      stock,
      reserved: 0,
      available: stock,
      soldCount: Math.floor(random() ** 2 * 400),
      searchTerms: searchTermsFor(title, description, ...plan.categoryNames, ...attributes.map((attribute) => attribute.value)),
      createdAt,
      updatedAt: createdAt,
    };
  });
  for (let start = 0; start < products.length; start += 1000) {
    await ProductModel.insertMany(products.slice(start, start + 1000), { timestamps: false });
  }

  await DiscountCodeModel.insertMany(demoDiscountCodes.map(({ description: _description, ...code }) => code));
  const shopper = users.find((user) => user.email === 'shopper@demo.shop')!;
  const orders = await seedDemoOrders({ products, shopper: { _id: shopper._id, email: shopper.email, name: shopper.name }, commerce: options.commerce, random, now });
  const questions = await seedDemoQuestions({ products, users, now });

  options.log.info({ products: products.length, categories: categoryDocuments.length, orders, questions, ms: Date.now() - startedAt }, 'demo data seeded');
  return {
    products: products.length,
    categories: categoryDocuments.length,
    orders,
    accounts: demoAccounts.map(({ email, role }) => ({ email, role })),
  };
}
