import { HttpEventType } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, DestroyRef, effect, ElementRef, inject, Injector, input, model, signal, untracked } from '@angular/core';
import type { Subscription } from 'rxjs';
import { mediaUrl } from '../../../catalog/catalog-api';
import { maxUploadBytes } from '@shared/media/media-widths';
import { describeApiError } from '../../../core/http/api-error';
import { ProductEditorApi } from '../product-editor/product-editor-api';

/** The largest upload `POST /api/media` takes. */
export const maxImageBytes = maxUploadBytes;
/** As many images as a product holds (`images` of the shared admin product input schema). */
export const maxProductImages = 12;

/** One image of the gallery: stored (it has an id), or still on its way up. */
interface GalleryImage {
  key: number;
  id: string | null;
  /** The local file while it uploads and after, so the preview does not flicker; the stored image for the others. */
  src: string;
  name: string;
  /** Percent sent, while uploading; null until the browser says. */
  progress: number | null;
}

/** Why a file is not even sent, in words; null when it may be. */
export function imageFileProblem(file: File): string | null {
  // SVG is refused by the server (it can carry scripts), whatever its type says.
  if (!file.type.startsWith('image/') || file.type === 'image/svg+xml') return `${file.name} is not an image. Choose a JPEG, PNG, WebP, AVIF, GIF or HEIF file.`;
  if (file.size > maxImageBytes) return `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; an image may be at most ${maxImageBytes / 1024 / 1024} MB.`;
  return null;
}

let nextKey = 0;

/**
 * A product's gallery: files dropped or chosen are checked, uploaded one request each with their
 * progress shown, and previewed; images are reordered with Move left / Move right (the first is
 * the main image) and removed. `imageIds` is the stored images in display order.
 */
@Component({
  selector: 'shop-product-images',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './product-images.html',
  styleUrl: './product-images.scss',
})
export class ProductImages {
  private readonly api = inject(ProductEditorApi);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  private readonly injector = inject(Injector);

  readonly imageIds = model<readonly string[]>([]);
  /** A refusal of the server about the images (an id that is no longer an image). */
  readonly serverError = input<string | null>(null);

  protected readonly images = signal<readonly GalleryImage[]>([]);
  protected readonly problems = signal<readonly string[]>([]);
  protected readonly announcement = signal('');
  protected readonly dragging = signal(false);
  protected readonly maxImages = maxProductImages;
  protected readonly maxMegabytes = maxImageBytes / 1024 / 1024;

  /** True while a file is still on its way up: the product cannot be saved with it yet. */
  readonly uploading = computed(() => this.images().some((image) => image.id === null));

  private readonly uploads = new Map<number, Subscription>();
  private readonly objectUrls = new Map<number, string>();

  constructor() {
    // The ids given from outside (the product loaded, or saved) replace the gallery when they differ from it.
    effect(() => {
      const ids = this.imageIds();
      untracked(() => {
        if (sameIds(ids, this.storedIds())) return;
        this.images.update((images) => [...ids.map((id) => ({ key: nextKey++, id, src: mediaUrl(id, 320), name: '', progress: null })), ...images.filter((image) => image.id === null)]);
      });
    });
    inject(DestroyRef).onDestroy(() => {
      for (const upload of this.uploads.values()) upload.unsubscribe();
      for (const url of this.objectUrls.values()) URL.revokeObjectURL(url);
    });
  }

  protected choose(input: HTMLInputElement): void {
    this.add([...(input.files ?? [])]);
    // The same file may be chosen again after it was removed.
    input.value = '';
  }

  protected dragOver(event: DragEvent): void {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.dragging.set(true);
  }

  protected dragLeave(event: DragEvent): void {
    const zone = event.currentTarget as HTMLElement;
    if (!(event.relatedTarget instanceof Node && zone.contains(event.relatedTarget))) this.dragging.set(false);
  }

  protected drop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    this.add([...(event.dataTransfer?.files ?? [])]);
  }

  protected label(image: GalleryImage, index: number): string {
    return `Image ${index + 1}${image.name ? ` (${image.name})` : ''}`;
  }

  protected move(index: number, by: -1 | 1): void {
    const images = [...this.images()];
    const to = index + by;
    if (to < 0 || to >= images.length) return;
    const [image] = images.splice(index, 1);
    images.splice(to, 0, image!);
    this.images.set(images);
    this.publish();
    this.announcement.set(`${this.label(image!, to)} moved to position ${to + 1} of ${images.length}.`);
    // The row moved in the page, and focus with it would be lost: it goes back to the same button,
    // or to the other one when the image reached an end.
    const direction = by < 0 && to > 0 ? 'left' : by > 0 && to < images.length - 1 ? 'right' : by < 0 ? 'right' : 'left';
    this.focusAfterRender(`#image-${image!.key}-${images.length > 1 ? direction : 'remove'}`);
  }

  protected remove(index: number): void {
    const image = this.images()[index];
    if (!image) return;
    this.uploads.get(image.key)?.unsubscribe();
    this.uploads.delete(image.key);
    this.forgetObjectUrl(image.key);
    const rest = this.images().filter((candidate) => candidate.key !== image.key);
    this.images.set(rest);
    this.publish();
    this.announcement.set(`${this.label(image, index)} removed.`);
    const next = rest[Math.min(index, rest.length - 1)];
    this.focusAfterRender(next ? `#image-${next.key}-remove` : '.choose-images');
  }

  private add(files: File[]): void {
    const problems: string[] = [];
    let room = maxProductImages - this.images().length;
    for (const file of files) {
      const problem = imageFileProblem(file);
      if (problem) {
        problems.push(problem);
        continue;
      }
      if (room <= 0) {
        problems.push(`${file.name} was not added: a product has at most ${maxProductImages} images.`);
        continue;
      }
      room -= 1;
      this.upload(file);
    }
    this.problems.set(problems);
  }

  private upload(file: File): void {
    const key = nextKey++;
    const src = URL.createObjectURL(file);
    this.objectUrls.set(key, src);
    this.images.update((images) => [...images, { key, id: null, src, name: file.name, progress: null }]);
    this.announcement.set(`Uploading ${file.name}…`);
    const subscription = this.api.uploadImage(file).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress && event.total) {
          const progress = Math.round((100 * event.loaded) / event.total);
          this.updateImage(key, (image) => ({ ...image, progress }));
        } else if (event.type === HttpEventType.Response && event.body) {
          const id = event.body.id;
          this.updateImage(key, (image) => ({ ...image, id, progress: null }));
          this.uploads.delete(key);
          this.publish();
          this.announcement.set(`${file.name} uploaded.`);
        }
      },
      error: (error: unknown) => {
        this.uploads.delete(key);
        this.forgetObjectUrl(key);
        this.images.update((images) => images.filter((image) => image.key !== key));
        this.publish();
        this.problems.update((problems) => [...problems, `${file.name} was not uploaded: ${describeApiError(error).message}`]);
        this.announcement.set('');
      },
    });
    if (!subscription.closed) this.uploads.set(key, subscription);
  }

  private updateImage(key: number, change: (image: GalleryImage) => GalleryImage): void {
    this.images.update((images) => images.map((image) => (image.key === key ? change(image) : image)));
  }

  private storedIds(): string[] {
    return this.images().flatMap((image) => (image.id ? [image.id] : []));
  }

  private publish(): void {
    const ids = this.storedIds();
    if (!sameIds(ids, this.imageIds())) this.imageIds.set(ids);
  }

  private forgetObjectUrl(key: number): void {
    const url = this.objectUrls.get(key);
    if (url) URL.revokeObjectURL(url);
    this.objectUrls.delete(key);
  }

  private focusAfterRender(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), { injector: this.injector });
  }
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}
