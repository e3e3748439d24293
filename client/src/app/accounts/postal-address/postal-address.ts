import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ShippingAddress } from '@shared/orders/order';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

export function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** An address as it is written on a parcel: the address book's, and an order's delivery address. */
@Component({
  selector: 'shop-postal-address',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let lines = address();
    <address>
      {{ lines.name }}<br />
      {{ lines.line1 }}<br />
      @if (lines.line2) {
        {{ lines.line2 }}<br />
      }
      {{ lines.postalCode }} {{ lines.city }}<br />
      @if (lines.region) {
        {{ lines.region }}<br />
      }
      {{ country() }}
      @if (lines.phone) {
        <br />{{ lines.phone }}
      }
    </address>
  `,
  styles: `address { font-style: normal; line-height: 1.5; overflow-wrap: anywhere; }`,
})
export class PostalAddress {
  readonly address = input.required<ShippingAddress>();

  protected readonly country = computed(() => countryName(this.address().country));
}
