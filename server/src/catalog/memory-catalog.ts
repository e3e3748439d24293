import type { ProductSort } from '@shared/catalog/product';
import { UserModel } from '../accounts/user.model';
import type { ShopEvents } from '../events/shop-events';
import type { CatalogIndex, IndexedProduct, ListedProduct } from './catalog-index';
import { inDisplayOrder, isObjectIdText, relevance, type CatalogSource, type CategoryRecord, type ListingAnswer, type ListingRequest } from './catalog-source';
import { readCategories } from './database-catalog';
import { countFacets, matches, type FacetGroup } from './product-facets';

type Comparator = (a: IndexedProduct, b: IndexedProduct) => number;

const byId: Comparator = (a, b) => a._id.toString().localeCompare(b._id.toString());
const bestSellingFirst: Comparator = (a, b) => b.soldCount - a.soldCount || byId(a, b);

const comparators: Record<Exclude<ProductSort, 'relevance'>, Comparator> = {
  price_asc: (a, b) => a.price - b.price || byId(a, b),
  price_desc: (a, b) => b.price - a.price || byId(a, b),
  newest: (a, b) => b.createdAt - a.createdAt || byId(b, a),
  bestselling: bestSellingFirst,
};

function comparatorFor(sort: ProductSort, words: string[]): Comparator {
  if (sort !== 'relevance') return comparators[sort];
  if (words.length === 0) return bestSellingFirst;
  const scores = new Map<IndexedProduct, number>();
  const score = (product: IndexedProduct) => scores.get(product) ?? scores.set(product, relevance(product.title, words)).get(product)!;
  return (a, b) => score(b) - score(a) || bestSellingFirst(a, b);
}

/**
 * Every read from memory: products from the catalogue index, categories and seller names from
 * caches that the shop's events empty when what they hold changes, in this instance or, through
 * Redis, in another. The database is read only to fill them. See catalog-source.ts.
 */
export class MemoryCatalog implements CatalogSource {
  readonly name = 'memory';
  private categoryList: Promise<CategoryRecord[]> | undefined;
  private readonly namesById = new Map<string, Promise<string | undefined>>();

  constructor(private readonly index: CatalogIndex, events: ShopEvents) {
    events.on('categories.changed', () => {
      this.categoryList = undefined;
    });
    events.on('user.changed', ({ userId }) => {
      this.namesById.delete(userId);
    });
  }

  async list({ words, filters, sort, skip, limit }: ListingRequest): Promise<ListingAnswer> {
    const index = await this.index.snapshot();
    const searched = words.length > 0 ? index.filter((entry) => words.every((word) => entry.searchTerms.some((term) => term.startsWith(word)))) : index;
    const groups: FacetGroup[] = searched.map((entry) => ({ categoryId: entry.categoryId, sellerId: entry.sellerId, price: entry.price, available: entry.available, count: 1 }));
    const matching = searched.filter((_entry, position) => matches(groups[position]!, filters));
    const page = [...matching].sort(comparatorFor(sort, words)).slice(skip, skip + limit);
    return { products: page.map((entry) => entry.product), total: matching.length, counts: countFacets(groups, filters) };
  }

  async bestSellersIn(categoryIds: ReadonlySet<string>, excluded: ReadonlySet<string>, limit: number): Promise<ListedProduct[]> {
    const entries = (await this.index.snapshot()).filter((entry) => categoryIds.has(entry.categoryId) && !excluded.has(entry._id.toString()));
    return entries.sort(bestSellingFirst).slice(0, limit).map((entry) => entry.product);
  }

  async countActiveByCategory(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const entry of await this.index.snapshot()) counts.set(entry.categoryId, (counts.get(entry.categoryId) ?? 0) + 1);
    return counts;
  }

  async availability(productIds: string[]): Promise<Record<string, number>> {
    const found = await Promise.all(productIds.map((id) => this.index.findById(id)));
    return Object.fromEntries(found.flatMap((entry) => (entry ? [[entry._id.toString(), entry.available]] : [])));
  }

  async activeProduct(idOrSlug: string): Promise<ListedProduct | undefined> {
    const entry = isObjectIdText(idOrSlug) ? await this.index.findById(idOrSlug.toLowerCase()) : await this.index.findBySlug(idOrSlug);
    return entry?.product;
  }

  categories(): Promise<readonly CategoryRecord[]> {
    const loading = (this.categoryList ??= readCategories().then(inDisplayOrder));
    // A failed read is not kept: the next request tries again.
    loading.catch(() => {
      if (this.categoryList === loading) this.categoryList = undefined;
    });
    return loading;
  }

  /** Each name is read once by id (an indexed lookup; `$in` is not pushed down on FerretDB). */
  async sellerNames(sellerIds: Iterable<string>): Promise<Map<string, string>> {
    const ids = [...new Set(sellerIds)];
    const names = await Promise.all(ids.map((id) => this.sellerName(id)));
    return new Map(ids.flatMap((id, position) => (names[position] === undefined ? [] : [[id, names[position]]])));
  }

  private sellerName(id: string): Promise<string | undefined> {
    let name = this.namesById.get(id);
    if (!name) {
      const reading = UserModel.findById(id, { name: 1 }).lean().then((user) => user?.name);
      reading.catch(() => {
        if (this.namesById.get(id) === reading) this.namesById.delete(id);
      });
      this.namesById.set(id, reading);
      name = reading;
    }
    return name;
  }
}
