import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { Profile } from '@shared/accounts/accounts';
import type { SellerApplication } from '@shared/sellers/seller';
import { errorBody, nextRequest, settle } from '../../core/testing/http-testing';
import { SellerApplicationForm } from './seller-application-form';

const profile = { id: '64b000000000000000000030', email: 'grace@example.test', name: 'Grace Hopper' } as Profile;
const pending: SellerApplication = { status: 'pending', shopName: 'Lantern Works', contactEmail: 'grace@example.test', description: 'Hand-made paper lanterns, in six colours.', appliedAt: '2026-12-03T10:00:00.000Z' };

describe('SellerApplicationForm', () => {
  let fixture: ComponentFixture<SellerApplicationForm>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SellerApplicationForm);
    fixture.componentRef.setInput('profile', profile);
  });

  afterEach(() => http.verify());

  const element = () => fixture.nativeElement as HTMLElement;

  async function render(): Promise<void> {
    await settle();
    fixture.detectChanges();
    await fixture.whenStable();
  }

  async function loaded(answer: SellerApplication | null): Promise<void> {
    fixture.detectChanges();
    const request = await nextRequest(http, '/api/seller-application', 'GET');
    if (answer) request.flush(answer);
    else request.flush(errorBody('not_found', 'Application not found'), { status: 404, statusText: 'Not Found' });
    await render();
  }

  function fill(selector: string, value: string): void {
    const field = element().querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
    field.value = value;
    field.dispatchEvent(new Event('input'));
  }

  it('offers the form with the account\'s email as the contact, and sends the application', async () => {
    await loaded(null);
    expect(element().querySelector<HTMLInputElement>('#sell-contact')!.value).toBe('grace@example.test');
    fill('#sell-shop-name', 'Lantern Works');
    fill('#sell-description', 'Hand-made paper lanterns, in six colours.');
    element().querySelector<HTMLFormElement>('form')!.requestSubmit();
    const request = await nextRequest(http, '/api/seller-application', 'POST');
    expect(request.request.body).toEqual({ shopName: 'Lantern Works', contactEmail: 'grace@example.test', description: 'Hand-made paper lanterns, in six colours.' });
    request.flush(pending, { status: 201, statusText: 'Created' });
    await render();
    expect(element().querySelector('[role="status"]')!.textContent).toContain('An admin is looking at it');
    expect(element().querySelector('form')).toBeNull();
  });

  it('says what is missing before sending anything', async () => {
    await loaded(null);
    fill('#sell-description', 'Lamps.');
    element().querySelector<HTMLFormElement>('form')!.requestSubmit();
    await render();
    http.expectNone({ method: 'POST' });
    expect(element().querySelector('#sell-shop-name')!.getAttribute('aria-invalid')).toBe('true');
    expect(element().querySelector('#sell-description-error')!.textContent).toContain('at least 20 characters');
  });

  it('shows the server\'s refusal in words', async () => {
    await loaded(null);
    fill('#sell-shop-name', 'Lantern Works');
    fill('#sell-description', 'Hand-made paper lanterns, in six colours.');
    element().querySelector<HTMLFormElement>('form')!.requestSubmit();
    (await nextRequest(http, '/api/seller-application', 'POST')).flush(errorBody('conflict', 'You have applied already; an admin will decide'), { status: 409, statusText: 'Conflict' });
    await render();
    expect(element().querySelector('[role="alert"]')!.textContent).toContain('You have applied already');
  });

  it('shows how an earlier application stands instead of the form', async () => {
    await loaded({ ...pending, status: 'approved' });
    expect(element().textContent).toContain('You applied as Lantern Works');
    expect(element().textContent).toContain('Approved: your account sells in the shop.');
    expect(element().querySelector('form')).toBeNull();
  });
});
