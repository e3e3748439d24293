import { HttpClient, type HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { SellerSalesReport } from '@shared/sellers/seller-orders';
import { firstValueFrom } from 'rxjs';
import { fetchAttachment } from '../../core/downloads/file-downloads';
import { queryParams } from '../../orders/orders-api';

/** Local days `from`..`to` (both included) in the IANA zone `tz`. */
export interface SellerSalesPeriod {
  from: string;
  to: string;
  tz: string;
}

/** The signed-in seller's sales report and its CSV (/api/seller/sales). */
@Injectable({ providedIn: 'root' })
export class SellerSalesApi {
  private readonly http = inject(HttpClient);

  report(period: SellerSalesPeriod): Promise<SellerSalesReport> {
    return firstValueFrom(this.http.get<SellerSalesReport>('/api/seller/sales', { params: queryParams({ ...period }) }));
  }

  /** The report's order lines as CSV (`sales-FROM-to-TO.csv`); fetched, not linked, so it carries the access token. */
  exportCsv(period: SellerSalesPeriod): Promise<HttpResponse<Blob>> {
    return fetchAttachment(this.http, '/api/seller/sales/export.csv', queryParams({ ...period }));
  }
}
