import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CreatedSellerApiKey, SellerApiKey } from '@shared/sellers/seller-api';
import { errorBody, settle } from '../../../core/testing/http-testing';
import { accessLabel, scopesOf, SellerKeysPage } from './seller-keys-page';

function apiKey(overrides: Partial<SellerApiKey> = {}): SellerApiKey {
  return {
    id: 'a00000000000000000000001',
    name: 'Warehouse sync',
    scopes: ['read', 'write'],
    prefix: 'msk_AbCd12',
    createdAt: '2026-03-01T10:00:00.000Z',
    lastUsedAt: '2026-03-05T08:30:00.000Z',
    revokedAt: null,
    ...overrides,
  };
}

const warehouse = apiKey();
const reports = apiKey({ id: 'a00000000000000000000002', name: 'Monthly report', scopes: ['read'], prefix: 'msk_Zy98xw', lastUsedAt: null });
const old = apiKey({ id: 'a00000000000000000000003', name: 'Old shop tool', scopes: ['read'], prefix: 'msk_Old000', revokedAt: '2026-02-01T10:00:00.000Z' });

describe('SellerKeysPage', () => {
  let fixture: ComponentFixture<SellerKeysPage>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SellerKeysPage);
    // Attached, so focus moves can be seen.
    document.body.appendChild(fixture.nativeElement as HTMLElement);
  });

  afterEach(() => {
    http.verify();
    (fixture.nativeElement as HTMLElement).remove();
  });

  const page = () => fixture.nativeElement as HTMLElement;
  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();

  async function render(): Promise<void> {
    await settle();
    fixture.detectChanges();
    await settle();
    fixture.detectChanges();
  }

  async function open(items: SellerApiKey[] = [warehouse, reports, old]): Promise<void> {
    fixture.detectChanges();
    await render();
    http.expectOne({ url: '/api/seller/keys', method: 'GET' }).flush({ items });
    await render();
  }

  function row(keyId: string): HTMLTableRowElement {
    return page().querySelector<HTMLTableRowElement>(`tr[data-key-id="${keyId}"]`)!;
  }

  function cell(keyId: string, label: string): string | undefined {
    return text(row(keyId).querySelector(`[data-label="${label}"]`));
  }

  async function fill(selector: string, value: string): Promise<void> {
    const input = page().querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    await render();
  }

  async function submit(): Promise<void> {
    page().querySelector<HTMLFormElement>('form.key-form')!.dispatchEvent(new Event('submit'));
    await render();
  }

  it('lists every key with its access, prefix, dates and whether it is revoked; only live ones can be revoked', async () => {
    await open();
    expect(text(page().querySelector('.count'))).toBe('2 of 10 live keys');
    expect(text(row(warehouse.id).querySelector('th'))).toBe('Warehouse sync');
    expect(cell(warehouse.id, 'Access')).toBe('Read and write');
    expect(cell(warehouse.id, 'Key')).toBe('msk_AbCd12…');
    expect(cell(warehouse.id, 'Created')).toBe('Mar 1, 2026');
    expect(cell(warehouse.id, 'Last used')).toContain('Mar 5, 2026');
    expect(cell(warehouse.id, 'Status')).toBe('Live');
    expect(cell(reports.id, 'Access')).toBe('Read only');
    expect(cell(reports.id, 'Last used')).toBe('Never');
    expect(cell(old.id, 'Status')).toBe('Revoked Feb 1, 2026');
    expect(text(row(warehouse.id).querySelector('.row-actions button'))).toBe('Revoke “Warehouse sync”');
    expect(row(old.id).querySelector('.row-actions button')).toBeNull();
  });

  it('makes a key with the access chosen and shows its secret once, with a copy button, until the seller has stored it', async () => {
    await open([]);
    expect(text(page().querySelector('.notice'))).toBe('You have no API keys yet.');
    const copy = spyOn(navigator.clipboard, 'writeText').and.resolveTo();

    await fill('#key-name', '  Stock sync ');
    page().querySelector<HTMLInputElement>('input[type="radio"][value="write"]')!.click();
    await render();
    await submit();
    const request = http.expectOne({ url: '/api/seller/keys', method: 'POST' });
    expect(request.request.body).toEqual({ name: 'Stock sync', scopes: ['read', 'write'] });
    const created: CreatedSellerApiKey = { ...apiKey({ name: 'Stock sync', lastUsedAt: null }), key: 'msk_abcdefghijklmnopqrstuvwxyz012345' };
    request.flush(created);
    await render();
    http.expectOne({ url: '/api/seller/keys', method: 'GET' }).flush({ items: [created] });
    await render();

    const secret = page().querySelector<HTMLTextAreaElement>('#new-key-secret')!;
    expect(secret.value).toBe('msk_abcdefghijklmnopqrstuvwxyz012345');
    expect(secret.readOnly).toBeTrue();
    expect(document.activeElement).withContext('focus goes to the secret').toBe(secret);
    expect(text(page().querySelector('.new-key .warning'))).toContain('Copy it now: you will not see it again.');
    expect(page().querySelector<HTMLInputElement>('#key-name')!.value).withContext('the form is ready for another key').toBe('');
    expect(text(page().querySelector('tbody'))).not.toContain('msk_abcdefghijklmnopqrstuvwxyz012345');

    [...page().querySelectorAll<HTMLButtonElement>('.new-key button')].find((button) => text(button) === 'Copy the key')!.click();
    await render();
    expect(copy).toHaveBeenCalledOnceWith('msk_abcdefghijklmnopqrstuvwxyz012345');
    expect(text(page().querySelector('.copy-status'))).toBe('Copied. Paste it where your integration keeps its secrets.');

    [...page().querySelectorAll<HTMLButtonElement>('.new-key button')].find((button) => text(button) === 'I have stored it')!.click();
    await render();
    expect(page().querySelector('.new-key')).toBeNull();
    expect(page().textContent).not.toContain('msk_abcdefghijklmnopqrstuvwxyz012345');
    expect(document.activeElement?.id).withContext('focus goes to the list with the new key').toBe('keys-heading');
  });

  it('selects the secret for a manual copy when the browser refuses the clipboard', async () => {
    await open([]);
    spyOn(navigator.clipboard, 'writeText').and.rejectWith(new DOMException('Denied', 'NotAllowedError'));
    await fill('#key-name', 'Reports');
    await submit();
    http.expectOne({ url: '/api/seller/keys', method: 'POST' }).flush({ ...reports, key: 'msk_abcdefghijklmnopqrstuvwxyz012345' });
    await render();
    http.expectOne({ url: '/api/seller/keys', method: 'GET' }).flush({ items: [reports] });
    await render();
    page().querySelector<HTMLButtonElement>('.secret-row button')!.click();
    await render();
    expect(text(page().querySelector('.copy-status'))).toContain('Your browser did not let us copy. The key is selected');
  });

  it('makes read-only keys unless told otherwise, and checks the name before sending', async () => {
    await open([]);
    await submit();
    http.expectNone({ url: '/api/seller/keys', method: 'POST' });
    expect(text(page().querySelector('#key-name-error'))).toBe('Error: Name is required');
    expect(scopesOf('read')).toEqual(['read']);
    expect(accessLabel(['read', 'write'])).toBe('Read and write');
  });

  it("says the server's reason when no key was made, such as too many live keys", async () => {
    await open([warehouse]);
    await fill('#key-name', 'One too many');
    await submit();
    http
      .expectOne({ url: '/api/seller/keys', method: 'POST' })
      .flush(errorBody('conflict', 'A seller may hold at most 10 live keys; revoke one first'), { status: 409, statusText: 'Conflict' });
    await render();
    expect(text(page().querySelector('form.key-form .form-error'))).toBe('A seller may hold at most 10 live keys; revoke one first');
    expect(page().querySelector('.new-key')).toBeNull();
  });

  it('stops offering new keys at the limit of live keys', async () => {
    await open(Array.from({ length: 10 }, (_, index) => apiKey({ id: `a0000000000000000000001${index}`, name: `Key ${index}` })));
    const button = page().querySelector<HTMLButtonElement>('form.key-form button[type="submit"]')!;
    expect(button.disabled).toBeTrue();
    expect(text(page().querySelector(`#${button.getAttribute('aria-describedby')}`))).toContain('You have 10 live keys, the most there may be.');
  });

  it('revokes a key only once the seller confirms, then shows it revoked', async () => {
    await open();
    row(warehouse.id).querySelector<HTMLButtonElement>('.row-actions button')!.click();
    await render();
    const dialog = page().querySelector<HTMLDialogElement>('dialog')!;
    expect(dialog.open).toBeTrue();
    expect(text(dialog.querySelector('h2'))).toBe('Revoke “Warehouse sync”?');
    expect(text(dialog.querySelector('p'))).toContain('stops working at once');
    http.expectNone({ method: 'DELETE' });

    [...dialog.querySelectorAll('button')].find((button) => text(button) === 'Revoke')!.click();
    await render();
    http.expectOne({ url: `/api/seller/keys/${warehouse.id}`, method: 'DELETE' }).flush(null, { status: 204, statusText: 'No Content' });
    await render();
    http.expectOne({ url: '/api/seller/keys', method: 'GET' }).flush({ items: [{ ...warehouse, revokedAt: '2026-03-06T10:00:00.000Z' }, reports, old] });
    await render();
    expect(dialog.open).toBeFalse();
    expect(text(page().querySelector('.form-success'))).toBe('“Warehouse sync” is revoked: requests with it are refused from now on.');
    expect(cell(warehouse.id, 'Status')).toBe('Revoked Mar 6, 2026');
  });

  it('keeps a key when the seller cancels', async () => {
    await open();
    row(reports.id).querySelector<HTMLButtonElement>('.row-actions button')!.click();
    await render();
    const dialog = page().querySelector<HTMLDialogElement>('dialog')!;
    [...dialog.querySelectorAll('button')].find((button) => text(button) === 'Keep it')!.click();
    await render();
    expect(dialog.open).toBeFalse();
    http.expectNone({ method: 'DELETE' });
  });

  it('says plainly that the shop is suspended when the keys cannot be read for it', async () => {
    fixture.detectChanges();
    await render();
    http.expectOne('/api/seller/keys').flush(errorBody('forbidden', 'This seller account may not sell now'), { status: 403, statusText: 'Forbidden' });
    await render();
    expect(text(page().querySelector('.notice[role="alert"]'))).toContain('Your shop is suspended');
  });
});
