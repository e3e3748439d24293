import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { mediaSrcset, mediaUrl, type MediaWidth } from '../catalog-api';

/**
 * A product photo from the media API with a `srcset` of its resized variants, so each screen loads
 * the width it needs. Fills its box: the box decides the size and shape, `fit` how the photo sits in it.
 */
@Component({
  selector: 'shop-product-image',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class.contain]': "fit() === 'contain'" },
  template: `
    @if (mediaId(); as id) {
      <!-- loading, sizes and srcset are bound before src so the browser picks a candidate before it fetches. -->
      <img
        [attr.loading]="priority() ? 'eager' : 'lazy'"
        [attr.fetchpriority]="priority() ? 'high' : null"
        [attr.sizes]="sizes()"
        [attr.srcset]="srcset()"
        [src]="fallbackSrc()"
        [alt]="alt()"
        width="640"
        height="640"
        decoding="async"
      />
    } @else {
      <div class="no-image" aria-hidden="true"></div>
    }
  `,
  styles: `
    :host { display: block; width: 100%; height: 100%; background: #e9ecef; }
    img { display: block; width: 100%; height: 100%; object-fit: cover; }
    :host(.contain) { background: #fff; }
    :host(.contain) img { object-fit: contain; }
    .no-image { width: 100%; height: 100%; background: linear-gradient(135deg, #e9ecef 25%, #dee2e6 25% 50%, #e9ecef 50% 75%, #dee2e6 75%) 0 0 / 1.5rem 1.5rem; }
  `,
})
export class ProductImage {
  /** A media id; without one a neutral placeholder fills the box. */
  readonly mediaId = input.required<string | undefined>();
  /** Empty when the photo only repeats text next to it, such as a card's title. */
  readonly alt = input.required<string>();
  /** How wide the image is drawn, as in the `sizes` attribute: e.g. `(max-width: 480px) 50vw, 300px`. */
  readonly sizes = input.required<string>();
  readonly widths = input<readonly MediaWidth[]>([320, 480, 640]);
  /** For the one image the page is about: fetched at once and first, not when scrolled to. */
  readonly priority = input(false);
  readonly fit = input<'cover' | 'contain'>('cover');

  protected readonly srcset = computed(() => {
    const id = this.mediaId();
    return id ? mediaSrcset(id, this.widths()) : null;
  });

  /** For browsers without srcset: the largest candidate, never the full-size original. */
  protected readonly fallbackSrc = computed(() => {
    const id = this.mediaId();
    return id ? mediaUrl(id, this.widths().at(-1)) : '';
  });
}
