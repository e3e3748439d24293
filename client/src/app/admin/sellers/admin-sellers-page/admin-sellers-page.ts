import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, numberAttribute, resource, signal, viewChild } from '@angular/core';
import { Router } from '@angular/router';
import { maxCommissionBasisPoints, sellerStatuses, type AdminSeller, type AdminSellerUpdate, type SellerStatus } from '@shared/sellers/seller';
import { ConfirmDialog } from '../../../core/confirm-dialog/confirm-dialog';
import { describeApiError } from '../../../core/http/api-error';
import { AdminSellersApi } from '../admin-sellers-api';
import { Pager } from '../../../catalog/pager/pager';

export const sellersPageSize = 25;

const statusLabels: Record<SellerStatus, string> = { pending: 'Applied', approved: 'Approved', suspended: 'Suspended' };

function isSellerStatus(value: unknown): value is SellerStatus {
  return typeof value === 'string' && (sellerStatuses as readonly string[]).includes(value);
}

/** `1250` basis points as `12.5`; the page edits percentages, the API keeps basis points. */
export function percentOf(basisPoints: number): string {
  return String(basisPoints / 100);
}

/** `12.5` → 1250; undefined for anything that is not a percentage the API takes (two decimals at most). */
export function basisPointsOf(percent: string): number | undefined {
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(percent.trim())) return undefined;
  const basisPoints = Math.round(Number(percent) * 100);
  return basisPoints <= maxCommissionBasisPoints ? basisPoints : undefined;
}

interface PendingDecision {
  seller: AdminSeller;
  update: AdminSellerUpdate;
  heading: string;
  explanation: string;
  confirmLabel: string;
  doneMessage: string;
  danger: boolean;
}

/**
 * /admin/sellers: applications to approve, sellers to suspend or reinstate, and each one's
 * commission. A suspension takes the seller's products off the storefront at once.
 */
@Component({
  selector: 'shop-admin-sellers-page',
  imports: [ConfirmDialog, DatePipe, Pager],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './admin-sellers-page.html',
  styleUrl: './admin-sellers-page.scss',
})
export class AdminSellersPage {
  private readonly api = inject(AdminSellersApi);
  private readonly router = inject(Router);

  /** `?status=&page=` in the address. */
  readonly status = input<SellerStatus | undefined, unknown>(undefined, { transform: (value: unknown) => (isSellerStatus(value) ? value : undefined) });
  readonly page = input(1, { transform: (value: unknown) => Math.max(1, numberAttribute(value, 1)) });

  protected readonly statuses = sellerStatuses;
  protected readonly statusLabels = statusLabels;
  protected readonly percentOf = percentOf;
  protected readonly maxPercent = maxCommissionBasisPoints / 100;

  protected readonly sellers = resource({
    params: () => ({ status: this.status(), page: this.page() }),
    loader: ({ params }) => this.api.list({ ...params, limit: sellersPageSize }),
  });
  protected readonly pageCount = computed(() => (this.sellers.hasValue() ? Math.max(1, Math.ceil(this.sellers.value().total / this.sellers.value().limit)) : 1));
  protected readonly loadError = computed(() => describeApiError(this.sellers.error()).message);

  protected readonly busyId = signal<string | null>(null);
  protected readonly statusMessage = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  /** Commission fields whose text is not a percentage the API takes, by seller id. */
  protected readonly invalidCommission = signal<ReadonlySet<string>>(new Set());
  protected readonly pending = signal<PendingDecision | null>(null);
  private readonly confirmDialog = viewChild.required(ConfirmDialog);

  protected async filterBy(status: string): Promise<void> {
    await this.router.navigate([], { queryParams: { status: isSellerStatus(status) ? status : null, page: null }, queryParamsHandling: 'merge' });
  }

  protected askToApprove(seller: AdminSeller): void {
    this.ask({
      seller,
      update: { status: 'approved' },
      heading: seller.status === 'pending' ? `Approve ${seller.shopName}?` : `Reinstate ${seller.shopName}?`,
      explanation:
        seller.status === 'pending'
          ? `${seller.user.name} becomes a seller: they can list products and fulfil their order lines, at a commission of ${percentOf(seller.commissionBasisPoints)}%.`
          : `Their ${seller.productCount} ${seller.productCount === 1 ? 'product comes' : 'products come'} back to the storefront at once, as they were.`,
      confirmLabel: seller.status === 'pending' ? 'Approve' : 'Reinstate',
      doneMessage: seller.status === 'pending' ? `${seller.shopName} is approved.` : `${seller.shopName} is selling again.`,
      danger: false,
    });
  }

  protected askToSuspend(seller: AdminSeller): void {
    this.ask({
      seller,
      update: { status: 'suspended' },
      heading: seller.status === 'pending' ? `Turn down ${seller.shopName}?` : `Suspend ${seller.shopName}?`,
      explanation:
        seller.status === 'pending'
          ? `${seller.user.name} stays a customer. The application can be approved later.`
          : `Their ${seller.productCount} ${seller.productCount === 1 ? 'product leaves' : 'products leave'} the storefront at once and cannot be bought until they are reinstated. Orders already placed stay.`,
      confirmLabel: seller.status === 'pending' ? 'Turn down' : 'Suspend',
      doneMessage: seller.status === 'pending' ? `${seller.shopName} was turned down.` : `${seller.shopName} is suspended.`,
      danger: true,
    });
  }

  protected async saveCommission(seller: AdminSeller, field: HTMLInputElement): Promise<void> {
    const commissionBasisPoints = basisPointsOf(field.value);
    this.invalidCommission.update((ids) => {
      const next = new Set(ids);
      if (commissionBasisPoints === undefined) next.add(seller.id);
      else next.delete(seller.id);
      return next;
    });
    if (commissionBasisPoints === undefined || commissionBasisPoints === seller.commissionBasisPoints) return;
    await this.apply(seller, { commissionBasisPoints }, `${seller.shopName} now pays ${percentOf(commissionBasisPoints)}% commission.`);
  }

  protected async confirmDecision(): Promise<void> {
    const decision = this.pending();
    if (!decision) return;
    await this.apply(decision.seller, decision.update, decision.doneMessage);
    this.pending.set(null);
    this.confirmDialog().close();
  }

  private ask(decision: PendingDecision): void {
    this.statusMessage.set(null);
    this.actionError.set(null);
    this.pending.set(decision);
    this.confirmDialog().open();
  }

  private async apply(seller: AdminSeller, update: AdminSellerUpdate, doneMessage: string): Promise<void> {
    if (this.busyId()) return;
    this.busyId.set(seller.id);
    this.statusMessage.set(null);
    this.actionError.set(null);
    try {
      const updated = await this.api.update(seller.id, update);
      this.sellers.update((list) => list && { ...list, items: list.items.map((item) => (item.id === updated.id ? updated : item)) });
      this.statusMessage.set(doneMessage);
    } catch (error) {
      this.actionError.set(`${seller.shopName} was not changed: ${describeApiError(error).message}`);
    } finally {
      this.busyId.set(null);
    }
  }
}
