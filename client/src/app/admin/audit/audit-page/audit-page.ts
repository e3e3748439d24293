import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, resource, signal, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { auditTargetTypes, type AuditEntry, type AuditListQuery, type AuditTargetType } from '@shared/admin/audit';
import { describeApiError } from '../../../core/http/api-error';
import { queryText } from '../../../core/routing/query-text';
import { AdminUsersApi } from '../../users/admin-users-api';
import { AdminAuditApi } from '../admin-audit-api';
import { actionLabel, changedFields, type FieldChange } from '../audit-changes';

const targetLabels: Record<AuditTargetType, string> = {
  product: 'Product',
  category: 'Category',
  order: 'Order',
  user: 'User',
  seller: 'Seller',
  database: 'Database',
  collection: 'Collection',
  orders: 'Orders',
};

function isTargetType(value: unknown): value is AuditTargetType {
  return typeof value === 'string' && (auditTargetTypes as readonly string[]).includes(value);
}


interface ShownEntry {
  entry: AuditEntry;
  label: string;
  changes: FieldChange[];
  link: string[] | null;
}

/** Where an entry's target lives in the dashboard, when it has a page. */
function targetLink(entry: AuditEntry): string[] | null {
  const id = entry.target.id;
  if (!id) return null;
  if (entry.target.type === 'order') return ['/admin/orders', id];
  if (entry.target.type === 'product') return ['/admin/products', id];
  return null;
}

/**
 * /admin/audit: every admin action, newest first, filtered by admin, action, target and local
 * days (all in the address), with what each changed before and after.
 */
@Component({
  selector: 'shop-audit-page',
  imports: [DatePipe, ReactiveFormsModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit-page.html',
  styleUrl: './audit-page.scss',
})
export class AuditPage {
  private readonly api = inject(AdminAuditApi);
  private readonly router = inject(Router);

  readonly actor = input<string | undefined, unknown>(undefined, { transform: queryText });
  readonly action = input<string | undefined, unknown>(undefined, { transform: queryText });
  readonly targetType = input<AuditTargetType | undefined, unknown>(undefined, { transform: (value: unknown) => (isTargetType(value) ? value : undefined) });
  readonly targetId = input<string | undefined, unknown>(undefined, { transform: queryText });
  readonly from = input<string | undefined, unknown>(undefined, { transform: queryText });
  readonly to = input<string | undefined, unknown>(undefined, { transform: queryText });

  protected readonly targetTypes = auditTargetTypes;
  protected readonly targetLabels = targetLabels;
  protected readonly actionLabel = actionLabel;
  protected readonly timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

  protected readonly form = inject(NonNullableFormBuilder).group({ actor: [''], action: [''], targetType: [''], targetId: [''], from: [''], to: [''] });

  private readonly query = computed<AuditListQuery>(() => ({
    actor: this.actor(),
    action: this.action(),
    targetType: this.targetType(),
    targetId: this.targetId(),
    from: this.from(),
    to: this.to(),
    tz: this.timeZone,
  }));

  protected readonly entries = signal<ShownEntry[]>([]);
  protected readonly actions = signal<string[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadingMore = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly filtered = computed(() => Object.entries(this.query()).some(([name, value]) => name !== 'tz' && value !== undefined));

  private readonly adminsApi = inject(AdminUsersApi);
  protected readonly admins = resource({ loader: () => this.adminsApi.list({ role: 'admin', limit: 100, page: 1 }).then((list) => list.items) });
  /** Counts the fresh starts, so that an answer for older filters is dropped. */
  private generation = 0;

  constructor() {
    effect(() => {
      const query = this.query();
      this.form.setValue(
        { actor: query.actor ?? '', action: query.action ?? '', targetType: query.targetType ?? '', targetId: query.targetId ?? '', from: query.from ?? '', to: query.to ?? '' },
        { emitEvent: false },
      );
      untracked(() => void this.load(query));
    });
  }

  protected async search(): Promise<void> {
    const values = this.form.getRawValue();
    const queryParams = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value.trim() || null]));
    await this.router.navigate([], { queryParams, queryParamsHandling: 'merge' });
  }

  protected async clear(): Promise<void> {
    await this.router.navigate([], { queryParams: { actor: null, action: null, targetType: null, targetId: null, from: null, to: null }, queryParamsHandling: 'merge' });
  }

  protected reload(): void {
    void this.load(this.query());
  }

  protected async loadMore(): Promise<void> {
    const cursor = this.nextCursor();
    if (!cursor || this.loadingMore()) return;
    const generation = this.generation;
    this.loadingMore.set(true);
    try {
      const page = await this.api.list({ ...this.query(), cursor });
      if (generation !== this.generation) return;
      this.entries.update((entries) => [...entries, ...page.items.map(shown)]);
      this.nextCursor.set(page.nextCursor);
    } catch (error) {
      this.error.set(describeApiError(error).message);
    } finally {
      this.loadingMore.set(false);
    }
  }

  private async load(query: AuditListQuery): Promise<void> {
    const generation = ++this.generation;
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await this.api.list(query);
      if (generation !== this.generation) return;
      this.entries.set(page.items.map(shown));
      this.actions.set(page.actions);
      this.nextCursor.set(page.nextCursor);
    } catch (error) {
      if (generation === this.generation) this.error.set(describeApiError(error).message);
    } finally {
      if (generation === this.generation) this.loading.set(false);
    }
  }
}

function shown(entry: AuditEntry): ShownEntry {
  return { entry, label: actionLabel(entry.action), changes: changedFields(entry.before, entry.after), link: targetLink(entry) };
}
