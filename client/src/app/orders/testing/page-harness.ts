import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { Provider, Type } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, type Routes } from '@angular/router';
import { settle } from '../../core/testing/http-testing';
import { provideFakeShopSocket } from '../../core/testing/fake-shop-socket';

/** What the checkout and order pages need in a test: faked HTTP and socket, a router, and whatever else is given. */
export function configurePageTest(options: { routes?: Routes; providers?: Provider[] } = {}): void {
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter(options.routes ?? []), provideFakeShopSocket(), ...(options.providers ?? [])],
  });
}

/** One page under test, with the steps its specs take over and over. Create after `configurePageTest`. */
export class PageHarness<T> {
  readonly http = TestBed.inject(HttpTestingController);
  readonly fixture: ComponentFixture<T>;

  constructor(page: Type<T>) {
    this.fixture = TestBed.createComponent(page);
  }

  get element(): HTMLElement {
    return this.fixture.nativeElement as HTMLElement;
  }

  /** Lets the page finish with what was answered, and render it. */
  async render(): Promise<void> {
    await settle();
    await this.fixture.whenStable();
  }

  /** Lets the page start the request that what just happened calls for (a reload is started by an effect). */
  async requested(): Promise<void> {
    await settle();
    TestBed.tick();
  }

  button(text: string, within: ParentNode = this.element): HTMLButtonElement | undefined {
    return [...within.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === text);
  }

  text(selector: string): string | undefined {
    return this.element.querySelector(selector)?.textContent?.trim();
  }
}
