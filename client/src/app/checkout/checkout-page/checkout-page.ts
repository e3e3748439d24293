import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  resource,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, type ValidatorFn, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { emailSchema } from '@shared/accounts/accounts';
import {
  cardSchema,
  type Order,
  placeOrderRequestSchema,
  type PlaceOrderRequest,
  type ShippingAddress,
  shippingAddressSchema,
  type ShippingMethod,
} from '@shared/orders/order';
import { map } from 'rxjs';
import { AccountApi } from '../../accounts/account-api';
import { AddressFields } from '../../accounts/addresses-page/address-fields';
import { PostalAddress } from '../../accounts/postal-address/postal-address';
import { CartStore } from '../../cart/cart-store';
import { AuthStore } from '../../core/auth/auth-store';
import { FieldError, showsError } from '../../core/forms/field-error';
import { applyApiErrors, focusFirstInvalidField } from '../../core/forms/form-api-errors';
import { FormSubmission } from '../../core/forms/form-submission';
import { schemaValidator } from '../../core/forms/schema-validator';
import { describeApiError } from '../../core/http/api-error';
import { LoadError } from '../../core/load-error';
import { MoneyPipe } from '../../core/money.pipe';
import { OrdersApi } from '../../orders/orders-api';
import { CardFields, expiryValidator } from '../card-fields';
import { CheckoutSummary } from '../checkout-summary';
import { OrderAttempts } from '../order-attempts';

export type CheckoutStep = 'address' | 'shipping' | 'payment' | 'review';

const checkoutSteps: ReadonlyArray<{ id: CheckoutStep; title: string }> = [
  { id: 'address', title: 'Delivery address' },
  { id: 'shipping', title: 'Shipping' },
  { id: 'payment', title: 'Payment' },
  { id: 'review', title: 'Review and place order' },
];

/** The controls each step asks for, by their path in the form (which mirrors the request, so API field errors land on them). */
const stepControls: Readonly<Record<CheckoutStep, readonly string[]>> = {
  address: ['email', 'shippingAddress'],
  shipping: ['shippingMethod'],
  payment: ['payment', 'discountCode'],
  review: [],
};

/** The address choice that means "the fields below" rather than a saved address. */
export const newAddress = 'new';

const addressRules = shippingAddressSchema.shape;
const cardRules = cardSchema.shape;

/** An optional field: empty is fine, anything else must pass `rule`. */
function optional(rule: ValidatorFn): ValidatorFn {
  return (control: AbstractControl) => (String(control.value ?? '').trim() === '' ? null : rule(control));
}

export function addressLine(address: ShippingAddress): string {
  return [address.line1, address.line2, `${address.postalCode} ${address.city}`].filter(Boolean).join(', ');
}

/** Just the address of a saved one (no label or id), and without the optional fields left empty. */
function deliveryAddress({ name, line1, line2, city, postalCode, region, country, phone }: ShippingAddress): ShippingAddress {
  const optional = { line2, region, phone };
  return { name, line1, city, postalCode, country, ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value?.trim())) };
}

/**
 * /checkout, for signed-in shoppers and guests: address, shipping, payment and review, one step
 * open at a time. Placing the order is idempotent per attempt (see OrderAttempts), so neither a
 * double click nor a retry after a lost answer makes two orders.
 */
@Component({
  selector: 'shop-checkout-page',
  imports: [ReactiveFormsModule, RouterLink, AddressFields, PostalAddress, FieldError, LoadError, MoneyPipe, CardFields, CheckoutSummary],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './checkout-page.html',
  styleUrl: './checkout-page.scss',
})
export class CheckoutPage {
  private readonly api = inject(OrdersApi);
  private readonly accounts = inject(AccountApi);
  private readonly cartStore = inject(CartStore);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly auth = inject(AuthStore);

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    email: ['', schemaValidator(emailSchema)],
    savedAddressId: [newAddress],
    shippingAddress: this.fb.group({
      name: ['', schemaValidator(addressRules.name)],
      line1: ['', schemaValidator(addressRules.line1)],
      line2: ['', schemaValidator(addressRules.line2)],
      postalCode: ['', schemaValidator(addressRules.postalCode)],
      city: ['', schemaValidator(addressRules.city)],
      region: ['', schemaValidator(addressRules.region)],
      country: ['', schemaValidator(addressRules.country)],
      phone: ['', schemaValidator(addressRules.phone)],
    }),
    shippingMethod: ['standard' as ShippingMethod, Validators.required],
    payment: this.fb.group({
      card: this.fb.group(
        {
          number: ['', schemaValidator(cardRules.number)],
          expMonth: this.fb.control<number | null>(null, Validators.required),
          expYear: this.fb.control<number | null>(null, Validators.required),
          cvc: ['', schemaValidator(cardRules.cvc)],
        },
        { validators: expiryValidator() },
      ),
    }),
    discountCode: ['', optional(schemaValidator(placeOrderRequestSchema.shape.discountCode))],
  });

  protected readonly submission = new FormSubmission(this.form, { focusWithin: this.host.nativeElement, showFailure: (error) => this.explainFailure(error) });
  private readonly attempts = new OrderAttempts();
  protected readonly showsError = showsError;
  protected readonly steps = checkoutSteps;
  protected readonly newAddress = newAddress;
  protected readonly addressLine = addressLine;

  protected readonly options = resource({ loader: () => this.api.checkoutOptions() });
  /** The cart is read again on arrival: prices and stock may have moved since it was last shown. */
  protected readonly cartRefresh = resource({ loader: () => this.cartStore.load() });
  protected readonly savedAddresses = resource({ params: () => this.auth.isSignedIn() || undefined, loader: () => this.accounts.addresses() });
  protected readonly cart = this.cartStore.cart;

  protected readonly step = signal<CheckoutStep>('address');
  /** The furthest step opened so far; the ones before it can be changed. */
  private readonly reached = signal(0);
  /** Why the last card was refused, said on the payment step. */
  protected readonly paymentProblem = signal<string | null>(null);
  /** Set once the order exists, while the confirmation page opens. */
  protected readonly placedOrder = signal<Order | null>(null);

  private readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), { initialValue: this.form.getRawValue() });

  protected readonly loadError = computed(() => {
    if (this.options.error()) return `We couldn't open the checkout. ${describeApiError(this.options.error()).message}`;
    if (this.cartRefresh.error() && !this.cart()) return `We couldn't load your cart. ${describeApiError(this.cartRefresh.error()).message}`;
    return null;
  });
  protected readonly ready = computed(() => {
    const cart = this.cart();
    return cart && this.options.hasValue() ? { cart, options: this.options.value() } : null;
  });

  protected readonly enteringAddress = computed(() => this.value().savedAddressId === newAddress);
  private readonly savedAddress = computed(() => {
    const id = this.value().savedAddressId;
    return this.savedAddresses.hasValue() ? (this.savedAddresses.value().find((address) => address.id === id) ?? null) : null;
  });
  protected readonly shippingAddress = computed((): ShippingAddress => {
    return deliveryAddress(this.savedAddress() ?? this.value().shippingAddress);
  });
  protected readonly shippingMethod = computed(() => this.ready()?.options.shippingMethods.find((method) => method.id === this.value().shippingMethod) ?? null);
  protected readonly canPayByCard = computed(() => this.ready()?.options.paymentProviders.includes('test') ?? false);
  protected readonly cardLast4 = computed(() => this.value().payment.card.number.replace(/\D/g, '').slice(-4));
  protected readonly discountCode = computed(() => this.value().discountCode.trim().toUpperCase());

  protected readonly request = computed((): PlaceOrderRequest => {
    const value = this.value();
    const { number, expMonth, expYear, cvc } = value.payment.card;
    const discountCode = this.discountCode();
    return {
      ...(this.auth.isSignedIn() ? {} : { email: value.email.trim() }),
      shippingAddress: this.shippingAddress(),
      shippingMethod: value.shippingMethod,
      payment: { provider: 'test', card: { number: number.replace(/[\s-]/g, ''), expMonth: expMonth ?? 0, expYear: expYear ?? 0, cvc: cvc.trim() } },
      ...(discountCode ? { discountCode } : {}),
    };
  });

  constructor() {
    // A signed-in shopper's orders go to their account's email; a guest says where.
    effect(() => {
      const email = this.form.controls.email;
      if (this.auth.isSignedIn()) email.disable();
      else email.enable();
    });
    // A saved address needs no fields; the default one is picked until the shopper picks another.
    this.form.controls.savedAddressId.valueChanges.pipe(takeUntilDestroyed()).subscribe((choice) => {
      const fields = this.form.controls.shippingAddress;
      if (choice === newAddress) fields.enable();
      else fields.disable();
    });
    effect(() => {
      const saved = this.savedAddresses.hasValue() ? this.savedAddresses.value() : [];
      const signedIn = this.auth.isSignedIn();
      untracked(() => {
        const choice = this.form.controls.savedAddressId;
        if (!signedIn) choice.setValue(newAddress);
        else if (choice.pristine && saved.length > 0) choice.setValue((saved.find((address) => address.isDefault) ?? saved[0]!).id);
      });
    });
  }

  protected isCurrent(step: CheckoutStep): boolean {
    return this.step() === step;
  }

  /** Passed already, so its summary shows and it can be opened again. */
  protected isDone(step: CheckoutStep): boolean {
    return this.stepIndex(step) < this.reached() && !this.isCurrent(step);
  }

  protected stepNumber(step: CheckoutStep): number {
    return this.stepIndex(step) + 1;
  }

  protected open(step: CheckoutStep): void {
    if (this.submission.submitting()) return;
    this.goTo(step, 'heading');
  }

  /** Enter in a field and the step's button both land here. */
  protected async submitStep(): Promise<void> {
    const step = this.step();
    if (step === 'review') {
      await this.placeOrder();
      return;
    }
    if (!this.checkStep(step)) return;
    if (step === 'payment') this.paymentProblem.set(null);
    this.goTo(checkoutSteps[this.stepIndex(step) + 1]!.id, 'heading');
  }

  protected async placeOrder(): Promise<void> {
    if (this.placedOrder() || !this.ready()?.cart.readyForCheckout) return;
    const unfinished = checkoutSteps.find(({ id }) => !this.isValidStep(id));
    if (unfinished && !this.submission.submitting()) {
      this.goTo(unfinished.id, 'field');
      this.checkStep(unfinished.id);
      return;
    }
    const request = this.request();
    let order: Order | undefined;
    const placed = await this.submission.submit(async () => {
      order = await this.attempts.place(request, (key) => this.api.placeOrder(request, key));
    });
    if (!placed || !order) return;
    this.placedOrder.set(order);
    // The cart is empty now; the header should say so. The order stands even if this read fails.
    await this.cartStore.load().catch(() => undefined);
    await this.router.navigate(['/orders', order.id], { queryParams: { placed: 1, ...(order.accessToken ? { token: order.accessToken } : {}) } });
  }

  protected retryLoading(): void {
    if (this.options.error()) this.options.reload();
    if (this.cartRefresh.error()) this.cartRefresh.reload();
  }

  private explainFailure(error: unknown): string | null {
    const problem = describeApiError(error);
    if (problem.code === 'payment_declined') {
      this.paymentProblem.set(problem.message.replace(/\.$/, ''));
      this.goTo('payment', 'field');
      return null;
    }
    if (problem.status === 409) {
      // Out of stock (the server has cut the cart to what is left) or an empty cart: show the cart as it is now.
      this.cartRefresh.reload();
      return problem.message;
    }
    const message = applyApiErrors(this.form, error);
    const invalid = checkoutSteps.find(({ id }) => !this.isValidStep(id));
    if (invalid) this.goTo(invalid.id, 'field');
    return message;
  }

  private stepIndex(step: CheckoutStep): number {
    return checkoutSteps.findIndex(({ id }) => id === step);
  }

  private controlsOf(step: CheckoutStep): AbstractControl[] {
    return stepControls[step].map((path) => this.form.get(path)!);
  }

  private isValidStep(step: CheckoutStep): boolean {
    if (step === 'payment' && !this.canPayByCard()) return false;
    return this.controlsOf(step).every((control) => !control.invalid);
  }

  /** Whether the step may be left; if not, its problems are shown and the first gets focus. */
  private checkStep(step: CheckoutStep): boolean {
    if (this.isValidStep(step)) return true;
    for (const control of this.controlsOf(step)) control.markAllAsTouched();
    afterNextRender(() => focusFirstInvalidField(this.section(step) ?? this.host.nativeElement), { injector: this.injector });
    return false;
  }

  private goTo(step: CheckoutStep, focus: 'heading' | 'field'): void {
    this.step.set(step);
    this.reached.update((reached) => Math.max(reached, this.stepIndex(step)));
    afterNextRender(
      () => {
        const section = this.section(step);
        if (focus === 'field') focusFirstInvalidField(section ?? this.host.nativeElement);
        if (focus === 'heading' || !section?.contains(document.activeElement)) section?.querySelector<HTMLElement>('h2')?.focus();
      },
      { injector: this.injector },
    );
  }

  private section(step: CheckoutStep): HTMLElement | null {
    return this.host.nativeElement.querySelector<HTMLElement>(`#checkout-step-${step}`);
  }
}
