import { Injectable } from '@angular/core';

/** The time now and the browser's time zone, in one place so that a spec can fix both. */
@Injectable({ providedIn: 'root' })
export class Clock {
  now(): Date {
    return new Date();
  }

  /** The IANA zone the browser runs in, such as `Europe/Dublin`; UTC where the browser does not say. */
  timeZone(): string {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  }
}
