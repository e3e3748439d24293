import { ChangeDetectionStrategy, Component, computed, input, linkedSignal } from '@angular/core';
import type { MediaWidth } from '../../catalog-api';
import { ProductImage } from '../../product-image/product-image';

/**
 * The product's photos: a large one, and thumbnails to choose another when there are several.
 * Thumbnails are buttons; the arrow keys, Home and End also move between them.
 */
@Component({
  selector: 'shop-product-gallery',
  imports: [ProductImage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './product-gallery.html',
  styleUrl: './product-gallery.scss',
})
export class ProductGallery {
  /** Media ids in display order. */
  readonly images = input.required<readonly string[]>();
  /** The product's title, to describe the photos. */
  readonly title = input.required<string>();

  protected readonly mainWidths: readonly MediaWidth[] = [480, 640, 960, 1280];
  protected readonly thumbnailWidths: readonly MediaWidth[] = [160, 320];

  /** Back to the first photo whenever the product changes. */
  protected readonly selected = linkedSignal({ source: this.images, computation: () => 0 });
  protected readonly current = computed(() => this.images()[this.selected()]);
  protected readonly hasSeveral = computed(() => this.images().length > 1);

  protected readonly currentAlt = computed(() =>
    this.hasSeveral() ? `${this.title()}, photo ${this.selected() + 1} of ${this.images().length}` : this.title(),
  );

  protected show(index: number): void {
    const count = this.images().length;
    this.selected.set(((index % count) + count) % count);
  }

  protected moveBetweenThumbnails(event: KeyboardEvent): void {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    const last = this.images().length - 1;
    const target = step !== undefined ? this.selected() + step : event.key === 'Home' ? 0 : event.key === 'End' ? last : undefined;
    if (target === undefined) return;
    event.preventDefault();
    this.show(target);
    const list = (event.currentTarget as HTMLElement).closest('ul');
    list?.querySelectorAll<HTMLButtonElement>('button')[this.selected()]?.focus();
  }
}
