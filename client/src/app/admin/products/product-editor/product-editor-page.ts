import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, input, resource, signal, untracked } from '@angular/core';
import { type AbstractControl, type FormControl, type FormGroup, NonNullableFormBuilder, ReactiveFormsModule, type ValidationErrors, type ValidatorFn, Validators } from '@angular/forms';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { adminProductInputSchema, type AdminProduct, type ProductStatus, type SellerProductInput, type SellerProductUpdate } from '@shared/catalog/product';
import { FieldError, showsError } from '../../../core/forms/field-error';
import { applyApiErrors } from '../../../core/forms/form-api-errors';
import { FormSubmission } from '../../../core/forms/form-submission';
import { schemaValidator } from '../../../core/forms/schema-validator';
import { describeApiError } from '../../../core/http/api-error';
import { LoadError } from '../../../core/load-error';
import { categoryOptions } from '../category-options';
import { formatMoneyInput, parseMoneyInput } from '../money-input';
import { productStatusLabels, productStatusOptions } from '../product-status-labels';
import { maxProductImages, ProductImages } from '../product-images/product-images';
import { ProductEditorApi, productEditorArea } from './product-editor-api';

/** The shop sells in one currency (the admin input schema takes only it). */
const shopCurrency = 'EUR';
const maxPriceMinorUnits = 100_000_000;
const maxStock = 1_000_000;
export const maxAttributes = 30;

/** What the editor says after a save; carried in the navigation from /new to the new product's page. */
export interface EditorNavigationState {
  savedMessage?: string;
}

function moneyValidator(control: AbstractControl<string>): ValidationErrors | null {
  const text = control.value.trim();
  if (text === '') return null;
  const amount = parseMoneyInput(text, shopCurrency);
  if (amount === null) return { schema: 'must be an amount such as 19.99' };
  if (amount > maxPriceMinorUnits) return { schema: 'must be at most 1,000,000.00' };
  return null;
}

function wholeStockValidator(control: AbstractControl<number | null>): ValidationErrors | null {
  const value = control.value;
  if (value === null) return null;
  return Number.isSafeInteger(value) && value >= 0 && value <= maxStock ? null : { schema: 'must be a whole number from 0 to 1,000,000' };
}

const notBlank: ValidatorFn = (control) => (typeof control.value === 'string' && control.value.trim() === '' ? { required: true } : null);

const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

type AttributeGroup = FormGroup<{ name: FormControl<string>; value: FormControl<string> }>;

/** Server field paths that name no control of their own. */
const fieldPaths: Record<string, string> = {
  'body.price.amount': 'price',
  'body.price.currency': 'price',
  'body.compareAtPrice.amount': 'compareAtPrice',
  'body.compareAtPrice.currency': 'compareAtPrice',
  ...Object.fromEntries(Array.from({ length: maxProductImages }, (_, index) => [`body.images.${index}`, 'images'])),
};

/**
 * /admin/products/new and /admin/products/:id, and the same for a seller's own products under
 * /seller/products: every field of a product, the category from the tree, prices typed as decimals
 * and sent as minor units, and the gallery with uploads. Stock is set when the product is created;
 * afterwards it changes where each change is logged with a reason. The routes of each area provide
 * the API it calls and its surroundings (`provideProductEditor`), so both areas share one form.
 */
@Component({
  selector: 'shop-admin-product-editor-page',
  imports: [FieldError, LoadError, ProductImages, ReactiveFormsModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './product-editor-page.html',
  styleUrl: './product-editor-page.scss',
})
export class AdminProductEditorPage {
  private readonly api = inject(ProductEditorApi);
  protected readonly area = inject(productEditorArea);
  private readonly router = inject(Router);
  private readonly title = inject(Title);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  private readonly fb = inject(NonNullableFormBuilder);

  /** `:id` from the route; absent (or `new`) for a new product. */
  readonly id = input<string>();

  protected readonly productId = computed(() => {
    const id = this.id();
    return id && id !== 'new' ? id : null;
  });
  protected readonly creating = computed(() => this.productId() === null);

  protected readonly product = resource({
    params: () => this.productId() ?? undefined,
    loader: ({ params }) => this.api.get(params),
  });
  protected readonly categories = resource({ loader: () => this.api.categories() });
  protected readonly categoryOptions = computed(() => (this.categories.hasValue() ? categoryOptions(this.categories.value()) : []));
  protected readonly notFound = computed(() => {
    const error = this.product.error();
    return error instanceof HttpErrorResponse && (error.status === 404 || error.status === 400);
  });
  protected readonly loadError = computed(() => `We couldn't load the product. ${describeApiError(this.product.error()).message}`);
  protected readonly categoriesError = computed(() => describeApiError(this.categories.error()).message);

  protected readonly form = this.fb.group({
    title: ['', schemaValidator(adminProductInputSchema.shape.title)],
    slug: ['', (control: AbstractControl<string>) => this.slugProblem(control.value)],
    description: ['', schemaValidator(adminProductInputSchema.shape.description)],
    categoryId: ['', Validators.required],
    price: ['', [Validators.required, moneyValidator]],
    compareAtPrice: ['', moneyValidator],
    stock: this.fb.control<number | null>(0, [Validators.required, wholeStockValidator]),
    status: ['draft' as ProductStatus],
    attributes: this.fb.array<AttributeGroup>([]),
    images: this.fb.control<readonly string[]>([]),
  });
  protected readonly submission = new FormSubmission(this.form, { focusWithin: this.host.nativeElement, showFailure: (error) => applyApiErrors(this.form, error, fieldPaths) });
  protected readonly showsError = showsError;
  protected readonly statusLabels = productStatusLabels;
  protected readonly statusOptions = productStatusOptions;
  protected readonly maxAttributes = maxAttributes;

  protected readonly savedMessage = signal<string | null>(null);
  protected readonly note = signal<string | null>(null);
  /** Bumped when the image list changes, so the template re-reads the control. */
  private readonly imagesVersion = signal(0);
  protected readonly imageIds = computed(() => {
    this.imagesVersion();
    return this.form.controls.images.value;
  });

  constructor() {
    const state = this.router.currentNavigation()?.extras.state as EditorNavigationState | undefined;
    if (state?.savedMessage) this.savedMessage.set(state.savedMessage);
    effect(() => {
      if (this.product.hasValue()) {
        const product = this.product.value();
        untracked(() => this.fill(product));
      }
    });
    effect(() => {
      const name = this.product.hasValue() ? this.product.value().title : null;
      const area = this.area.titleArea;
      this.title.setTitle(this.creating() ? `New product · ${area} · MEAN Shop` : `${name ?? 'Product'} · Products · ${area} · MEAN Shop`);
    });
    // A product opened after creating another one starts from an empty form.
    effect(() => {
      if (this.creating()) untracked(() => this.fill(null));
    });
  }

  protected get attributes() {
    return this.form.controls.attributes;
  }

  protected addAttribute(): void {
    if (this.attributes.length >= maxAttributes) return;
    this.attributes.push(this.attributeGroup('', ''));
    this.attributes.markAsDirty();
    // The new row's name field is where the admin types next.
    const index = this.attributes.length - 1;
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>(`#attribute-${index}-name`)?.focus());
  }

  protected removeAttribute(index: number): void {
    this.attributes.removeAt(index);
    this.attributes.markAsDirty();
    const next = Math.min(index, this.attributes.length - 1);
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>(next >= 0 ? `#attribute-${next}-remove` : '.add-attribute')?.focus());
  }

  protected imagesChanged(ids: readonly string[]): void {
    const control = this.form.controls.images;
    control.setValue(ids);
    control.markAsDirty();
    this.imagesVersion.update((version) => version + 1);
  }

  protected async save(images: ProductImages): Promise<void> {
    this.savedMessage.set(null);
    this.note.set(null);
    if (images.uploading()) {
      this.note.set('Wait until every image has uploaded, then save.');
      return;
    }
    const productId = this.productId();
    const result: { created?: AdminProduct } = {};
    const saved = await this.submission.submit(async () => {
      const input = this.input();
      if (productId === null) {
        result.created = await this.api.create(input);
        return;
      }
      const loaded = this.product.value();
      const changes = loaded ? changedFields(loaded, input) : input;
      if (Object.keys(changes).length === 0) {
        this.note.set('Nothing has changed since the last save.');
        return;
      }
      this.product.set(await this.api.update(productId, changes));
      this.savedMessage.set('Saved.');
    });
    if (!saved || !result.created) return;
    const { id, title } = result.created;
    const savedMessage = `Saved. ${title} was created.`;
    this.savedMessage.set(savedMessage);
    this.form.markAsPristine();
    await this.router.navigate([this.area.productsPath, id], { state: { savedMessage } satisfies EditorNavigationState });
  }

  private slugProblem(value: string): ValidationErrors | null {
    const slug = value.trim();
    // A new product gets its slug from the title; a saved one keeps the one it has.
    if (slug === '') return this.creating() ? null : { required: true };
    if (slug.length > 200) return { maxlength: { requiredLength: 200 } };
    return slugPattern.test(slug) ? null : { schema: 'must be lower-case letters and digits joined by hyphens, such as oak-shelf' };
  }

  private attributeGroup(name: string, value: string): AttributeGroup {
    return this.fb.group({
      name: [name, [notBlank, Validators.maxLength(60)]],
      value: [value, [notBlank, Validators.maxLength(200)]],
    });
  }

  private fill(product: AdminProduct | null): void {
    // Rows are kept and only their values replaced, so the fields the admin is in are not rebuilt.
    const attributes = product?.attributes.map(({ name, value }) => ({ name, value })) ?? [];
    while (this.attributes.length > attributes.length) this.attributes.removeAt(this.attributes.length - 1, { emitEvent: false });
    while (this.attributes.length < attributes.length) this.attributes.push(this.attributeGroup('', ''), { emitEvent: false });
    this.form.reset({
      title: product?.title ?? '',
      slug: product?.slug ?? '',
      description: product?.description ?? '',
      categoryId: product?.category.id ?? '',
      price: product ? formatMoneyInput(product.price) : '',
      compareAtPrice: product?.compareAtPrice ? formatMoneyInput(product.compareAtPrice) : '',
      stock: product?.stock ?? 0,
      status: product?.status ?? 'draft',
      attributes,
      images: product?.images ?? [],
    });
    this.imagesVersion.update((version) => version + 1);
  }

  /** The form as the API takes it: trimmed text, prices in minor units, images in display order. */
  private input(): SellerProductInput {
    const value = this.form.getRawValue();
    const money = (text: string) => ({ amount: parseMoneyInput(text, shopCurrency)!, currency: shopCurrency } as const);
    const slug = value.slug.trim();
    return {
      title: value.title.trim(),
      ...(slug ? { slug } : {}),
      description: value.description.trim(),
      categoryId: value.categoryId,
      price: money(value.price),
      compareAtPrice: value.compareAtPrice.trim() ? money(value.compareAtPrice) : null,
      ...(this.creating() ? { stock: value.stock ?? 0 } : {}),
      status: value.status,
      attributes: value.attributes.map((attribute) => ({ name: attribute.name.trim(), value: attribute.value.trim() })),
      images: [...value.images],
    };
  }
}

/** Only what differs from the product as loaded, so a save does not overwrite what someone else changed meanwhile. */
export function changedFields(product: AdminProduct, input: SellerProductInput): SellerProductUpdate {
  const before: SellerProductUpdate = {
    title: product.title,
    slug: product.slug,
    description: product.description,
    categoryId: product.category.id,
    price: { amount: product.price.amount, currency: shopCurrency },
    compareAtPrice: product.compareAtPrice ? { amount: product.compareAtPrice.amount, currency: shopCurrency } : null,
    status: product.status,
    attributes: product.attributes.map(({ name, value }) => ({ name, value })),
    images: product.images,
  };
  const after: SellerProductUpdate = {
    title: input.title,
    slug: input.slug ?? product.slug,
    description: input.description ?? '',
    categoryId: input.categoryId,
    price: input.price,
    compareAtPrice: input.compareAtPrice ?? null,
    status: input.status ?? product.status,
    attributes: input.attributes ?? [],
    images: input.images ?? [],
  };
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as Array<keyof SellerProductUpdate>) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) changes[key] = after[key];
  }
  return changes as SellerProductUpdate;
}
