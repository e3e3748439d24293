import type { HttpClient, HttpEvent } from '@angular/common/http';
import { InjectionToken, type Provider, type Type } from '@angular/core';
import type { AdminProduct, Category, SellerProductInput, SellerProductUpdate } from '@shared/catalog/product';
import type { UploadedImage } from '@shared/media/media.schema';
import type { Observable } from 'rxjs';

/**
 * What the product editor and its gallery call, whoever edits: the admins' catalogue, or a
 * seller's own products. The editor sends only what both APIs take, so never `sellerId`: who sells
 * a product is decided elsewhere (an admin's seller field, or the seller's own session).
 */
export abstract class ProductEditorApi {
  abstract get(productId: string): Promise<AdminProduct>;
  abstract create(input: SellerProductInput): Promise<AdminProduct>;
  abstract update(productId: string, changes: SellerProductUpdate): Promise<AdminProduct>;
  abstract categories(): Promise<Category[]>;
  /** One image as multipart `file`, with upload progress events, then the stored image. */
  abstract uploadImage(file: File): Observable<HttpEvent<UploadedImage>>;
}

/** `POST /api/media` with one image as multipart `file`, reporting upload progress: the same route for admins and sellers. */
export function uploadImageWithProgress(http: HttpClient, file: File): Observable<HttpEvent<UploadedImage>> {
  const form = new FormData();
  form.append('file', file, file.name);
  return http.post<UploadedImage>('/api/media', form, { reportProgress: true, observe: 'events' });
}

/** What differs around the form between the dashboard and the seller area: links, titles, words. */
export interface ProductEditorArea {
  /** The products list: "All products" goes back to it, and each product's page is under it. */
  productsPath: string;
  /** The area in every page title, before the shop's name: `Admin`, `Seller area`. */
  titleArea: string;
  /** Where a saved product's stock is changed (each change is logged with a reason). */
  stockLink(product: AdminProduct): { path: string; queryParams: Record<string, string> };
  /** That place in words, for the hint under the first stock: `the stock page`. */
  stockPlace: string;
  /** Admins are told when a marketplace seller lists a product; a seller's products are all their own. */
  showsSeller: boolean;
}

export const productEditorArea = new InjectionToken<ProductEditorArea>('ProductEditorArea');

/** The editor's API and surroundings, for the routes of one area. */
export function provideProductEditor(api: Type<ProductEditorApi>, area: ProductEditorArea): Provider[] {
  return [
    { provide: ProductEditorApi, useExisting: api },
    { provide: productEditorArea, useValue: area },
  ];
}
