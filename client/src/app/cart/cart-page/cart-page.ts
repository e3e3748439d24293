import { ChangeDetectionStrategy, Component, computed, DestroyRef, type ElementRef, inject, resource, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Cart, CartLine, CartLineProblem } from '@shared/cart/cart';
import { sumMoney } from '@shared/money';
import type { StockChanged } from '@shared/realtime/socket-events';
import { followStock, LiveStock } from '../../catalog/live-stock/live-stock';
import { describeApiError } from '../../core/http/api-error';
import { LoadError } from '../../core/load-error';
import { MoneyPipe } from '../../core/money.pipe';
import { refetchOnReconnect, ShopSocket, type StockSource } from '../../core/realtime/shop-socket';
import { CartLineItem, stockProblem, withLiveStock } from '../cart-line/cart-line';
import { CartStore } from '../cart-store';

/** Said when a push changes whether a line can be bought; `problem` is null when it can again. */
interface StockWarning {
  message: string;
  problem: CartLineProblem | null;
}

/** The stock of each line as last heard since the cart last answered: that answer is where it starts from. */
interface HeardSince {
  cart: Cart;
  available: Map<string, number>;
}

function stockWarning(title: string, problem: CartLineProblem | null, available: number): StockWarning {
  if (problem === 'sold_out') return { problem, message: `${title} has just sold out. Remove it to check out.` };
  if (problem === 'short') return { problem, message: `Only ${available} of ${title} left now: lower the quantity to check out.` };
  return { problem, message: `${title} is available again.` };
}

@Component({
  selector: 'shop-cart-page',
  imports: [RouterLink, CartLineItem, LoadError, MoneyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './cart-page.html',
  styleUrl: './cart-page.scss',
})
export class CartPage {
  private readonly store = inject(CartStore);
  private readonly liveStock = inject(LiveStock);
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');

  /** Read again on arrival: prices and stock may have moved since the header read it. */
  protected readonly refresh = resource({ loader: () => this.store.load() });
  protected readonly cart = this.store.cart;
  protected readonly loadError = computed(() => (this.refresh.error() && !this.cart() ? describeApiError(this.refresh.error()).message : null));

  /** The lines with their stock kept live by the server's pushes. */
  protected readonly lines = computed(() =>
    (this.cart()?.lines ?? []).map((line) => withLiveStock(line, this.liveStock.availableOf({ id: line.productId, available: line.available }))),
  );
  protected readonly problemCount = computed(() => this.lines().filter((line) => line.problem !== null).length);
  protected readonly readyForCheckout = computed(() => this.lines().length > 0 && this.problemCount() === 0);
  /** Like the server's: the lines that can be bought. Worked out here so a line that sells out leaves it at once. */
  protected readonly subtotal = computed(() => {
    const cart = this.cart();
    if (!cart) return null;
    const buyable = this.lines().filter((line) => line.problem === null);
    return sumMoney(
      buyable.map((line) => line.lineTotal),
      cart.totals.subtotal.currency,
    );
  });

  /** The same sentence twice (two adds capped alike) is said once. */
  protected readonly notices = computed(() => [...new Map(this.store.notices().map((notice) => [notice.message, notice])).values()]);

  private readonly warnings = signal<ReadonlyMap<string, StockWarning>>(new Map());
  /** About lines still in the cart, and a problem only while the line still has it (the shopper may have fixed it). */
  protected readonly stockWarnings = computed(() =>
    this.lines().flatMap((line) => {
      const warning = this.warnings().get(line.productId);
      return warning && (warning.problem === null || warning.problem === line.problem) ? [warning] : [];
    }),
  );
  private heard: HeardSince | null = null;

  protected readonly removingId = signal<string | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);

  constructor() {
    followStock(() => this.cart()?.lines.map((line) => line.productId) ?? []);
    refetchOnReconnect(() => this.refresh.reload());
    const stopListening = inject(ShopSocket).onStockChanged((change, source) => this.warnAboutStock(change, source));
    inject(DestroyRef).onDestroy(() => {
      stopListening();
      // They have been shown; another visit should not tell them again.
      this.store.dismissNotices();
    });
  }

  protected dismissNotices(): void {
    this.store.dismissNotices();
  }

  protected dismissWarnings(): void {
    this.warnings.set(new Map());
  }

  protected async remove(line: CartLine): Promise<void> {
    if (this.removingId()) return;
    this.status.set(null);
    this.actionError.set(null);
    this.removingId.set(line.productId);
    try {
      await this.store.remove(line.productId);
      this.forgetWarning(line.productId);
      this.status.set(`Removed ${line.title} from your cart.`);
      // The button that had the focus is gone with its line.
      this.heading()?.nativeElement.focus();
    } catch (error) {
      this.actionError.set(`We couldn't remove ${line.title}. ${describeApiError(error).message}`);
    } finally {
      this.removingId.set(null);
    }
  }

  /**
   * Warns when a push changes whether a line can be bought: sold out, fewer left than the line
   * holds, or back. LiveStock keeps the numbers the lines show; this only decides what to say.
   */
  private warnAboutStock({ productId, available }: StockChanged, source: StockSource): void {
    const cart = this.cart();
    const line = cart?.lines.find((candidate) => candidate.productId === productId);
    if (!cart || !line || line.problem === 'unavailable') return;
    if (this.heard?.cart !== cart) this.heard = { cart, available: new Map() };
    const heard = this.heard.available;
    // As in LiveStock: the level answered to the watch is older than any push that already came.
    if (source === 'watch' && heard.has(productId)) return;
    const before = heard.get(productId) ?? line.available;
    heard.set(productId, available);
    const problem = stockProblem(available, line.quantity);
    const changed = problem !== stockProblem(before, line.quantity) || (problem === 'short' && available !== before);
    if (!changed) return;
    this.warnings.update((warnings) => new Map(warnings).set(productId, stockWarning(line.title, problem, available)));
  }

  private forgetWarning(productId: string): void {
    if (!this.warnings().has(productId)) return;
    this.warnings.update((warnings) => {
      const kept = new Map(warnings);
      kept.delete(productId);
      return kept;
    });
  }
}
