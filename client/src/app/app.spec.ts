import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { App } from './app';

describe('App', () => {
  it('has a skip link first that moves focus to the page without leaving it', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const skip = element.querySelector<HTMLAnchorElement>('a')!;
    expect(skip.textContent?.trim()).toBe('Skip to content');

    // With <base href="/"> the browser would follow `#main` to the home page.
    const followed = skip.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(followed).withContext('the browser does not follow the link').toBeFalse();
    expect(document.activeElement).toBe(element.querySelector('main'));
  });
});
