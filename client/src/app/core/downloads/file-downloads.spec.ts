import { HttpClient, HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { errorBody } from '../testing/http-testing';
import { attachmentFileName, fetchAttachment, FileDownloads } from './file-downloads';

describe('attachmentFileName', () => {
  it('takes the server\'s file name, and the fallback for anything missing or odd', () => {
    expect(attachmentFileName('attachment; filename="orders-2026-03-10.csv"', 'orders.csv')).toBe('orders-2026-03-10.csv');
    expect(attachmentFileName('attachment; filename=orders.csv', 'x.csv')).toBe('orders.csv');
    expect(attachmentFileName('attachment; filename="../../etc/passwd"', 'orders.csv')).toBe('orders.csv');
    expect(attachmentFileName(null, 'orders.csv')).toBe('orders.csv');
  });
});

describe('fetchAttachment', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('reads a refusal\'s JSON out of the blob, so the page can say why', async () => {
    const fetched = fetchAttachment(TestBed.inject(HttpClient), '/api/file');
    const request = http.expectOne('/api/file');
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob([JSON.stringify(errorBody('forbidden', 'Not for you'))], { type: 'application/json' }), { status: 403, statusText: 'Forbidden' });
    const error = await fetched.catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(HttpErrorResponse);
    expect((error as HttpErrorResponse).status).toBe(403);
    expect((error as HttpErrorResponse).error).toEqual(errorBody('forbidden', 'Not for you'));
  });
});

describe('FileDownloads', () => {
  it('clicks a temporary download link to the blob, and leaves no link behind', () => {
    spyOn(URL, 'createObjectURL').and.returnValue('blob:file');
    spyOn(URL, 'revokeObjectURL');
    const clicked: string[] = [];
    spyOn(HTMLAnchorElement.prototype, 'click').and.callFake(function (this: HTMLAnchorElement) {
      clicked.push(`${this.download} ${this.href} ${this.isConnected}`);
    });
    TestBed.inject(FileDownloads).save(new Blob(['a,b']), 'orders.csv');
    expect(clicked).toEqual(['orders.csv blob:file true']);
    expect(document.querySelector('a[download="orders.csv"]')).toBeNull();
  });
});
