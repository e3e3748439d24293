import { NgTemplateOutlet } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, resource, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators, type ValidatorFn } from '@angular/forms';
import { categoryInputSchema, type Category, type CategoryUpdate } from '@shared/catalog/product';
import { ConfirmDialog } from '../../../core/confirm-dialog/confirm-dialog';
import { FieldError, showsError } from '../../../core/forms/field-error';
import { FormSubmission } from '../../../core/forms/form-submission';
import { schemaValidator } from '../../../core/forms/schema-validator';
import { describeApiError } from '../../../core/http/api-error';
import { LoadError } from '../../../core/load-error';
import { AdminCategoriesApi } from '../admin-categories-api';
import { categoryTree, flattenTree, indentedName, moveTargets, productCountText, subtreeOf, type CategoryNode } from '../category-tree';

/** The select value for "no parent": ids are hex, so it cannot be taken for one. */
export const topLevel = 'top';

const nameRules = [Validators.required, schemaValidator(categoryInputSchema.shape.name)];

/** The shared slug rule, worded to follow the field's label ("Slug must be …"). */
function slugRule(required: boolean): ValidatorFn {
  const check = schemaValidator(categoryInputSchema.shape.slug);
  return (control) => {
    if (control.value === '') return required ? { required: true } : null;
    return check(control) && { schema: 'must be lower-case letters and digits, words joined by hyphens (garden-tools)' };
  };
}

/**
 * Whether the server can make a slug from the name: it keeps only a-z and 0-9 once accents are
 * dropped, and a name with none of them would leave the slug empty (which it answers with a 500).
 */
export function hasSlugLetters(name: string): boolean {
  return /[a-z0-9]/i.test(name.normalize('NFKD').replace(/\p{M}/gu, ''));
}

/** A move or a deletion waiting for its confirmation, with the words the dialog shows. */
export interface PendingCategoryAction {
  kind: 'move' | 'delete';
  node: CategoryNode;
  /** Where a move goes; `null` is the top level. */
  parentId: string | null;
  heading: string;
  explanation: string;
  confirmLabel: string;
  busyLabel: string;
  doneMessage: string;
}

/**
 * /admin/categories: the category tree with each branch's product count, and adding, renaming,
 * moving and deleting categories. A move or a deletion is confirmed first; after each change the
 * list is read again, so counts and order are the server's.
 */
@Component({
  selector: 'shop-admin-categories-page',
  imports: [ConfirmDialog, FieldError, LoadError, NgTemplateOutlet, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './admin-categories-page.html',
  styleUrl: './admin-categories-page.scss',
})
export class AdminCategoriesPage {
  private readonly api = inject(AdminCategoriesApi);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly formBuilder = inject(NonNullableFormBuilder);
  private readonly confirmDialog = viewChild.required(ConfirmDialog);

  protected readonly topLevel = topLevel;
  protected readonly showsError = showsError;
  protected readonly indentedName = indentedName;
  protected readonly productCountText = productCountText;

  protected readonly categories = resource({ loader: () => this.api.list() });
  protected readonly loadError = computed(() => `We couldn't load the categories. ${describeApiError(this.categories.error()).message}`);
  protected readonly tree = computed(() => (this.categories.hasValue() ? categoryTree(this.categories.value()) : []));
  /** Every category, parents first, for the indented parent selects. */
  protected readonly options = computed(() => flattenTree(this.tree()));
  private readonly nodesById = computed(() => new Map(this.options().map((node) => [node.category.id, node])));

  /** Branches the admin folded away; every branch starts open. */
  protected readonly collapsed = signal<ReadonlySet<string>>(new Set());
  /** What the last change did, for the page's status line. */
  protected readonly status = signal<string | null>(null);
  /** A change that could not be made to a category no longer there. */
  protected readonly problem = signal<string | null>(null);
  /** Why a move or a deletion was not made, shown beside that category. */
  protected readonly rowError = signal<{ categoryId: string; message: string } | null>(null);

  protected readonly addForm = this.formBuilder.group({ name: ['', nameRules], slug: ['', slugRule(false)], parentId: [topLevel] });
  protected readonly adding = new FormSubmission(this.addForm, { focusWithin: this.host });

  protected readonly renamingId = signal<string | null>(null);
  protected readonly renameForm = this.formBuilder.group({ name: ['', nameRules], slug: ['', slugRule(true)] });
  protected readonly renaming = new FormSubmission(this.renameForm, { focusWithin: this.host });

  protected readonly movingId = signal<string | null>(null);
  protected readonly moveForm = this.formBuilder.group({ target: [''] });
  protected readonly moveTargetMissing = signal(false);
  /** The categories the one being moved can go under: not itself, nothing of its own branch, not where it is. */
  protected readonly moveOptions = computed(() => {
    const node = this.nodeOf(this.movingId());
    return node ? moveTargets(this.tree(), node) : [];
  });

  protected readonly pending = signal<PendingCategoryAction | null>(null);
  protected readonly busy = signal(false);

  /** The recursive template's context is untyped; this gives its nodes their type back. */
  protected nodesOf(nodes: unknown): readonly CategoryNode[] {
    return nodes as readonly CategoryNode[];
  }

  protected isCollapsed(node: CategoryNode): boolean {
    return this.collapsed().has(node.category.id);
  }

  protected toggle(node: CategoryNode): void {
    this.collapsed.update((ids) => {
      const next = new Set(ids);
      if (!next.delete(node.category.id)) next.add(node.category.id);
      return next;
    });
  }

  /** The server deletes only a category with no sub-categories and no products. */
  protected canDelete(node: CategoryNode): boolean {
    return node.children.length === 0 && node.category.productCount === 0;
  }

  protected parentName(node: CategoryNode): string | null {
    return this.nodeOf(node.category.parentId)?.category.name ?? null;
  }

  // Adding

  protected async addCategory(): Promise<void> {
    this.clearMessages();
    const { name, slug, parentId } = this.addForm.getRawValue();
    const parent = parentId === topLevel ? null : parentId;
    const needsSlug = slug === '' && name.trim() !== '' && !hasSlugLetters(name);
    // Set by hand, the field is not marked invalid until the page renders: focus waits for it.
    if (needsSlug) this.addForm.controls.slug.setErrors({ schema: 'is needed when the name has no letters a to z or digits' });
    const added = await this.adding.submit(async () => {
      const category = await this.api.create({ name: name.trim(), ...(slug ? { slug } : {}), parentId: parent });
      this.status.set(parent ? `${category.name} was added under ${this.nodeOf(parent)?.category.name ?? 'its parent'}.` : `${category.name} was added at the top level.`);
    });
    if (!added) {
      if (needsSlug && this.addForm.controls.name.valid) this.focusSoon('#new-category-slug');
      return;
    }
    this.addForm.reset({ name: '', slug: '', parentId });
    this.reveal(parent);
    await this.refresh();
    this.focusSoon('#new-category-name');
  }

  // Renaming

  protected startRename(node: CategoryNode): void {
    this.clearMessages();
    this.movingId.set(null);
    this.renaming.clearError();
    this.renameForm.reset({ name: node.category.name, slug: node.category.slug });
    this.renamingId.set(node.category.id);
    this.focusSoon(`#rename-name-${node.category.id}`);
  }

  protected cancelRename(node: CategoryNode): void {
    if (this.renaming.submitting()) return;
    this.renamingId.set(null);
    this.renaming.clearError();
    this.focusSoon(`#rename-${node.category.id}`);
  }

  protected async saveRename(node: CategoryNode): Promise<void> {
    this.clearMessages();
    const { name, slug } = this.renameForm.getRawValue();
    const changes: CategoryUpdate = {};
    if (name.trim() !== node.category.name) changes.name = name.trim();
    if (slug !== node.category.slug) changes.slug = slug;
    const changed = changes.name !== undefined || changes.slug !== undefined;
    const saved = await this.renaming.submit(async () => {
      if (!changed) return;
      try {
        const category = await this.api.update(node.category.id, changes);
        this.status.set(category.name === node.category.name ? `${category.name} now has the address ${category.slug}.` : `${node.category.name} is now called ${category.name}.`);
      } catch (error) {
        if (describeApiError(error).status === 404) await this.lost(node);
        throw error;
      }
    });
    if (!saved) return;
    this.renamingId.set(null);
    if (changed) await this.refresh();
    this.focusSoon(`#rename-${node.category.id}`);
  }

  // Moving

  protected startMove(node: CategoryNode): void {
    this.clearMessages();
    this.renamingId.set(null);
    this.moveForm.setValue({ target: '' });
    this.moveTargetMissing.set(false);
    this.movingId.set(node.category.id);
    this.focusSoon(`#move-target-${node.category.id}`);
  }

  protected cancelMove(node: CategoryNode): void {
    this.movingId.set(null);
    this.focusSoon(`#move-${node.category.id}`);
  }

  /** The new parent is chosen here; the move is made once the dialog is confirmed. */
  protected askToMove(node: CategoryNode): void {
    const target = this.moveForm.controls.target.value;
    const parentId = target === topLevel ? null : target;
    const parent = parentId === null ? null : this.nodeOf(parentId);
    const allowed = target === topLevel ? node.depth > 0 : this.moveOptions().some((option) => option.category.id === target);
    this.moveTargetMissing.set(!allowed);
    if (!allowed) return;
    const name = node.category.name;
    const where = parent ? `under ${parent.category.name}` : 'to the top level';
    this.ask({
      kind: 'move',
      node,
      parentId,
      heading: `Move ${name} ${where}?`,
      explanation: `${this.whatMovesWith(node)} Shoppers then find ${node.category.productCount === 1 ? 'it' : 'them'} ${parent ? `under ${parent.category.name}` : 'at the top level of the shop'}.`,
      confirmLabel: `Move ${name}`,
      busyLabel: 'Moving…',
      doneMessage: `${name} was moved ${where}.`,
    });
  }

  // Deleting

  protected askToDelete(node: CategoryNode): void {
    const name = node.category.name;
    this.ask({
      kind: 'delete',
      node,
      parentId: null,
      heading: `Delete ${name}?`,
      explanation: `${name} has no sub-categories and no products on sale. Deleting it cannot be undone.`,
      confirmLabel: 'Delete category',
      busyLabel: 'Deleting…',
      doneMessage: `${name} was deleted.`,
    });
  }

  // The confirmation

  protected cancelAction(): void {
    const action = this.pending();
    this.pending.set(null);
    if (action) this.focusSoon(action.kind === 'move' ? `#move-confirm-${action.node.category.id}` : `#delete-${action.node.category.id}`);
  }

  protected async confirmAction(): Promise<void> {
    const action = this.pending();
    if (!action || this.busy()) return;
    const { node } = action;
    this.busy.set(true);
    let refused: unknown = null;
    try {
      if (action.kind === 'move') await this.api.update(node.category.id, { parentId: action.parentId });
      else await this.api.remove(node.category.id);
    } catch (error) {
      refused = error;
    }
    this.busy.set(false);
    this.pending.set(null);
    this.confirmDialog().close();
    if (refused !== null && describeApiError(refused).status === 404) {
      await this.lost(node);
      return;
    }
    if (refused !== null) {
      this.rowError.set({ categoryId: node.category.id, message: this.refusalOf(action, refused) });
      this.focusSoon(`#row-error-${node.category.id}`);
      return;
    }
    this.status.set(action.doneMessage);
    this.movingId.set(null);
    if (action.kind === 'move') this.reveal(action.parentId);
    await this.refresh();
    this.focusSoon(action.kind === 'move' ? `#move-${node.category.id}` : '#categories-heading');
  }

  private ask(action: PendingCategoryAction): void {
    if (this.busy()) return;
    this.clearMessages();
    this.pending.set(action);
    this.confirmDialog().open();
  }

  /** "Its 12 products and 2 sub-categories move with it." */
  private whatMovesWith(node: CategoryNode): string {
    const products = node.category.productCount;
    const subCategories = subtreeOf(node).length - 1;
    const parts = [
      ...(products > 0 ? [`${products} ${products === 1 ? 'product' : 'products'} on sale`] : []),
      ...(subCategories > 0 ? [`${subCategories} ${subCategories === 1 ? 'sub-category' : 'sub-categories'}`] : []),
    ];
    return parts.length === 0 ? `${node.category.name} has no products on sale, so no products move with it.` : `Its ${parts.join(' and ')} move with it.`;
  }

  /** The server's refusal in words, with what it means for this category. */
  private refusalOf(action: PendingCategoryAction, error: unknown): string {
    const problem = describeApiError(error);
    const name = action.node.category.name;
    const reason = /[.!?]$/.test(problem.message) ? problem.message : `${problem.message}.`;
    if (action.kind === 'move') return `${name} was not moved: ${reason}`;
    // Without sub-categories, a refusal is about products the counts leave out.
    const hidden = problem.status === 409 && action.node.children.length === 0 ? ' Drafts and archived products count too.' : '';
    return `${name} was not deleted: ${reason}${hidden}`;
  }

  /** Another admin deleted the category meanwhile: said at the top, since its row goes. */
  private async lost(node: CategoryNode): Promise<void> {
    this.renamingId.set(null);
    this.movingId.set(null);
    this.problem.set(`${node.category.name} no longer exists: another admin may have deleted it. The list has been read again.`);
    await this.refresh();
    this.focusSoon('#categories-problem');
  }

  private nodeOf(categoryId: string | null): CategoryNode | undefined {
    return categoryId === null ? undefined : this.nodesById().get(categoryId);
  }

  /** Opens the branches down to a category, so what was just put there is in view. */
  private reveal(categoryId: string | null): void {
    const ancestors = new Set<string>();
    let current = this.nodeOf(categoryId);
    while (current && !ancestors.has(current.category.id)) {
      ancestors.add(current.category.id);
      current = this.nodeOf(current.category.parentId);
    }
    this.collapsed.update((ids) => new Set([...ids].filter((id) => !ancestors.has(id))));
  }

  /** Reads the list again after a change; if that fails, the resource tries and shows why. */
  private async refresh(): Promise<void> {
    let list: Category[];
    try {
      list = await this.api.list();
    } catch {
      this.categories.reload();
      return;
    }
    this.categories.set(list);
  }

  private clearMessages(): void {
    this.status.set(null);
    this.problem.set(null);
    this.rowError.set(null);
  }

  private focusSoon(selector: string): void {
    afterNextRender(() => this.host.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
  }
}
