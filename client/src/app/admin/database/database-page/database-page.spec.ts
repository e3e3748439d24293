import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { DatabaseCollection, DatabaseOverview } from '@shared/admin/database';
import { AuthStore } from '../../../core/auth/auth-store';
import { admin, authResponse, errorBody, nextRequest, settle } from '../../../core/testing/http-testing';
import { DatabasePage, exportFileName } from './database-page';

@Component({ selector: 'shop-stub-page', changeDetection: ChangeDetectionStrategy.OnPush, template: '<h1>Sign in</h1>' })
class StubPage {}

const overviewUrl = '/api/admin/db';

function collection(name: string, changes: Partial<DatabaseCollection> = {}): DatabaseCollection {
  return {
    name,
    documents: 1200,
    dataBytes: 1536,
    indexBytes: 3 * 1024 * 1024,
    storageBytes: 4 * 1024 * 1024,
    indexes: [
      { name: '_id_', keys: [{ field: '_id', order: 1 }], unique: true, servedByPostgres: true },
      { name: 'status_1_createdAt_-1', keys: [{ field: 'status', order: 1 }, { field: 'createdAt', order: -1 }], unique: false, servedByPostgres: false },
    ],
    export: { allowed: true, redactedFields: [] },
    ...changes,
  };
}

function overview(changes: Partial<DatabaseOverview> = {}): DatabaseOverview {
  return {
    engine: { engine: 'ferretdb', version: 'v1.24.2', storage: { engine: 'postgresql', version: '17.10' }, summary: 'ferretdb v1.24.2 on postgresql 17.10', embedded: true },
    database: 'meanshop',
    collections: [
      collection('products'),
      collection('users', { documents: 3, export: { allowed: true, redactedFields: ['passwordHash'], reason: 'Password hashes are never exported' } }),
      collection('refreshtokens', { documents: 7, export: { allowed: false, redactedFields: [], reason: 'Holds the sessions\' refresh tokens' } }),
    ],
    reseedAvailable: false,
    ...changes,
  };
}

describe('DatabasePage', () => {
  let fixture: ComponentFixture<DatabasePage>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: 'sign-in', component: StubPage }])],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthStore).startSession(authResponse(admin));
    fixture = TestBed.createComponent(DatabasePage);
  });

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = () => page().textContent ?? '';
  const rowOf = (name: string) => [...page().querySelectorAll('tbody tr')].find((row) => row.querySelector('th')?.textContent?.trim() === name)!;
  const buttonNamed = (label: string, within: ParentNode = page()) =>
    [...within.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent?.replace(/\s+/g, ' ').trim().startsWith(label))!;

  async function render(): Promise<void> {
    await settle();
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  async function loaded(answer: DatabaseOverview = overview()): Promise<void> {
    fixture.detectChanges();
    (await nextRequest(http, overviewUrl, 'GET')).flush(answer);
    await render();
  }

  it('says it is reading the database, then shows the engine and every collection with counts and sizes in words', async () => {
    fixture.detectChanges();
    expect(text()).toContain('Reading the database…');
    await loaded();

    expect(page().querySelector('.engine-summary')?.textContent?.trim()).toBe('ferretdb v1.24.2 on postgresql 17.10');
    expect(text()).toContain('PostgreSQL 17.10');
    const products = rowOf('products');
    const cells = [...products.querySelectorAll('td')].map((cell) => cell.textContent?.trim());
    expect(cells.slice(0, 4)).toEqual(['1,200', '1.5 KB', '3 MB', '4 MB']);
    expect(products.textContent).toContain('status ↑, createdAt ↓');
  });

  it('marks each index served or not served by PostgreSQL in words, not by colour alone', async () => {
    await loaded();
    const badges = [...rowOf('products').querySelectorAll('.badge')].map((badge) => badge.textContent?.replace(/\s+/g, ' ').trim());
    expect(badges).toEqual(['✓ Served by PostgreSQL', '✗ Not served by PostgreSQL']);
    expect(text()).toContain('An index marked “Not served”');
  });

  it('shows no PostgreSQL badges on MongoDB', async () => {
    const mongoCollection = collection('products', { indexes: [{ name: '_id_', keys: [{ field: '_id', order: 1 }], unique: true, servedByPostgres: null }] });
    await loaded(overview({ engine: { engine: 'mongodb', version: '8.0.4', summary: 'mongodb 8.0.4', embedded: false }, collections: [mongoCollection] }));
    expect(page().querySelectorAll('.badge').length).toBe(0);
    expect(text()).not.toContain('FerretDB hands');
  });

  it('says so when there are no collections', async () => {
    await loaded(overview({ collections: [] }));
    expect(text()).toContain('The database has no collections yet.');
    expect(page().querySelector('table')).toBeNull();
  });

  it('explains a failure to load and tries again on request', async () => {
    fixture.detectChanges();
    (await nextRequest(http, overviewUrl, 'GET')).flush(errorBody('internal_error', 'boom'), { status: 500, statusText: 'Server Error' });
    await render();
    expect(page().querySelector('[role="alert"].notice')?.textContent).toContain("We couldn't read the database's figures.");
    buttonNamed('Try again').click();
    (await nextRequest(http, overviewUrl, 'GET')).flush(overview());
    await render();
    expect(rowOf('products')).toBeDefined();
  });

  it('exports a collection with the access token and saves it under the server\'s file name', async () => {
    await loaded();
    const createObjectURL = spyOn(URL, 'createObjectURL').and.returnValue('blob:export');
    spyOn(URL, 'revokeObjectURL');
    const clicks = spyOn(HTMLAnchorElement.prototype, 'click');
    buttonNamed('Export', rowOf('products')).click();
    const request = await nextRequest(http, '/api/admin/db/collections/products/export', 'GET');
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob(['{"_id":{"$oid":"64b000000000000000000001"}}\n'], { type: 'application/x-ndjson' }), {
      headers: { 'Content-Disposition': 'attachment; filename="products.ndjson"' },
    });
    await render();
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(clicks).toHaveBeenCalledTimes(1);
    expect(page().querySelector('[role="status"]')?.textContent).toContain('products saved as products.ndjson.');
  });

  it('says why an export was refused, from the API\'s error', async () => {
    await loaded();
    buttonNamed('Export', rowOf('users')).click();
    const request = await nextRequest(http, '/api/admin/db/collections/users/export', 'GET');
    request.flush(new Blob([JSON.stringify(errorBody('forbidden', 'The users collection is not exported'))], { type: 'application/json' }), { status: 403, statusText: 'Forbidden' });
    await render();
    await settle();
    fixture.detectChanges();
    expect(page().querySelector('[role="alert"]')?.textContent).toContain('users was not exported: The users collection is not exported');
  });

  it('names what an export leaves out, and offers no export of a refused collection', async () => {
    await loaded();
    expect(rowOf('users').textContent).toContain('Leaves out passwordHash');
    expect(rowOf('refreshtokens').querySelector('button')).toBeNull();
    expect(rowOf('refreshtokens').textContent).toContain('Not exported: Holds the sessions\' refresh tokens');
  });

  it('offers the reseed only in development', async () => {
    await loaded();
    expect(buttonNamed('Reset the demo data')).toBeUndefined();
  });

  it('reseeds after a confirmation, then sends the admin to sign in again', async () => {
    await loaded(overview({ reseedAvailable: true }));
    const dialog = page().querySelector('dialog')!;
    buttonNamed('Reset the demo data').click();
    fixture.detectChanges();
    expect(dialog.open).toBeTrue();

    buttonNamed('Keep my data', dialog).click();
    fixture.detectChanges();
    expect(dialog.open).toBeFalse();
    http.expectNone('/api/admin/db/reseed');

    buttonNamed('Reset the demo data').click();
    buttonNamed('Delete and reseed', dialog).click();
    const request = await nextRequest(http, '/api/admin/db/reseed', 'POST');
    request.flush({ products: 1000, categories: 20, orders: 300, accounts: [{ email: 'admin@demo.shop', role: 'admin' }], signedOut: true });
    await render();
    await settle();
    expect(dialog.open).toBeFalse();
    expect(TestBed.inject(AuthStore).isSignedIn()).toBeFalse();
    expect(TestBed.inject(Router).url).toBe('/sign-in?returnTo=%2Fadmin%2Fdatabase');
  });

  it('keeps the data and says why when the reseed is refused', async () => {
    await loaded(overview({ reseedAvailable: true }));
    buttonNamed('Reset the demo data').click();
    buttonNamed('Delete and reseed', page().querySelector('dialog')!).click();
    (await nextRequest(http, '/api/admin/db/reseed', 'POST')).flush(errorBody('conflict', 'The demo data is already being seeded again; wait for it to finish'), { status: 409, statusText: 'Conflict' });
    await render();
    expect(page().querySelector('[role="alert"]')?.textContent).toContain('The demo data was not seeded again: The demo data is already being seeded again');
    expect(TestBed.inject(AuthStore).isSignedIn()).toBeTrue();
  });
});

describe('exportFileName', () => {
  it('takes the server\'s file name, and falls back to the collection\'s for anything odd', () => {
    expect(exportFileName('attachment; filename="products.ndjson"', 'products')).toBe('products.ndjson');
    expect(exportFileName('attachment; filename="../../etc/passwd"', 'users')).toBe('users.ndjson');
    expect(exportFileName(null, 'media.files')).toBe('media.files.ndjson');
  });
});
