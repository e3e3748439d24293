import { LRUCache } from 'lru-cache';
import type { ShopEvents } from '../events/shop-events';
import { AdminCatalogIndex } from './admin-catalog-index';
import { listingOrders, type CatalogIndex, type IndexedProduct, type ListedProduct } from './catalog-index';
import {
  inDisplayOrder,
  isObjectIdText,
  relevance,
  type AdminListingAnswer,
  type AdminListingRequest,
  type CatalogSource,
  type CategoryRecord,
  type ListingAnswer,
  type ListingRequest,
} from './catalog-source';
import { readCategories } from './database-catalog';
import { countFacets, matches } from './product-facets';
import { readSellerName } from './seller-names';

const searchedFor = (words: string[]) => (entry: IndexedProduct) => words.every((word) => entry.searchTerms.some((term) => term.startsWith(word)));

/** A search's matches by relevance, best-selling among equals. */
function byRelevance(entries: IndexedProduct[], words: string[]): IndexedProduct[] {
  const scored = entries.map((entry) => ({ entry, score: relevance(entry.title, words) }));
  scored.sort((a, b) => b.score - a.score || listingOrders.bestselling(a.entry, b.entry));
  return scored.map(({ entry }) => entry);
}

/**
 * Every read from memory: products from the catalogue index (the admin's list from its own index
 * of every status), categories and seller names from caches that the shop's events empty when
 * what they hold changes, in this instance or, through Redis, in another. The database is read
 * only to fill them. See catalog-source.ts.
 */
export class MemoryCatalog implements CatalogSource {
  readonly name = 'memory';
  private categoryList: Promise<CategoryRecord[]> | undefined;
  private readonly namesById = new Map<string, Promise<string | undefined>>();
  private directoryChanges = 0;
  /** Recent answers (a listing page with its facets), each with the version it was computed at. */
  private readonly answers = new LRUCache<string, { version: string; answer: object }>({ max: 1000 });
  private readonly adminIndex: AdminCatalogIndex;

  constructor(private readonly index: CatalogIndex, events: ShopEvents) {
    this.adminIndex = new AdminCatalogIndex(events);
    events.on('categories.changed', () => {
      this.categoryList = undefined;
      this.directoryChanges += 1;
    });
    events.on('user.changed', ({ userId }) => {
      this.namesById.delete(userId);
      this.directoryChanges += 1;
    });
  }

  /** Changes whenever anything this source answers from does. */
  private get version(): string {
    return `${this.index.version}.${this.directoryChanges}`;
  }

  /**
   * Kept under the version read before computing: a change during the computation makes the next
   * request compute again, so no answer outlives what it was computed from.
   */
  async remember<T extends object>(key: string, compute: () => Promise<T>): Promise<T> {
    const version = this.version;
    const kept = this.answers.get(key);
    if (kept?.version === version) return kept.answer as T;
    const answer = await compute();
    this.answers.set(key, { version, answer });
    return answer;
  }

  /** The catalogue is kept sorted per listing order by the index; only a search by relevance sorts, and only its matches. */
  async list({ words, filters, sort, skip, limit }: ListingRequest): Promise<ListingAnswer> {
    const ordered = await this.index.inOrder(sort === 'relevance' ? 'bestselling' : sort);
    const searched = words.length > 0 ? ordered.filter(searchedFor(words)) : ordered;
    const matching = searched.filter((entry) => matches(entry, filters));
    const inOrder = sort === 'relevance' && words.length > 0 ? byRelevance(matching, words) : matching;
    return { products: inOrder.slice(skip, skip + limit).map((entry) => entry.product), total: matching.length, counts: countFacets(searched, filters) };
  }

  adminList(request: AdminListingRequest): Promise<AdminListingAnswer> {
    return this.adminIndex.list(request);
  }

  async bestSellersIn(categoryIds: ReadonlySet<string>, excluded: ReadonlySet<string>, limit: number): Promise<ListedProduct[]> {
    const found: ListedProduct[] = [];
    for (const entry of await this.index.inOrder('bestselling')) {
      if (found.length >= limit) break;
      if (categoryIds.has(entry.categoryId) && !excluded.has(entry.id)) found.push(entry.product);
    }
    return found;
  }

  async countActiveByCategory(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const entry of await this.index.snapshot()) counts.set(entry.categoryId, (counts.get(entry.categoryId) ?? 0) + 1);
    return counts;
  }

  async availability(productIds: string[]): Promise<Record<string, number>> {
    const found = await Promise.all(productIds.map((id) => this.index.findById(id)));
    return Object.fromEntries(found.flatMap((entry) => (entry ? [[entry.id, entry.available]] : [])));
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
      const reading = readSellerName(id);
      reading.catch(() => {
        if (this.namesById.get(id) === reading) this.namesById.delete(id);
      });
      this.namesById.set(id, reading);
      name = reading;
    }
    return name;
  }
}
