import { effect, type Resource, untracked } from '@angular/core';

/** What a resource must offer to be reloaded: a `resource()` or an `httpResource()`. */
type Reloadable = Pick<Resource<unknown>, 'isLoading'> & { reload(): boolean };

/**
 * A reload for a resource that pushed events outdate. Angular drops `reload()` while the resource
 * is loading, yet the load in flight may have read the data before the change that was just
 * pushed (an order moving to `fulfilling` and then `shipped` within a few milliseconds): then the
 * resource is loaded once more when that load ends, so the page never stays a step behind.
 * Call in an injection context.
 */
export function reloadAfterPush(resource: Reloadable): () => void {
  let pushedWhileLoading = false;
  effect(() => {
    if (resource.isLoading() || !pushedWhileLoading) return;
    pushedWhileLoading = false;
    untracked(() => resource.reload());
  });
  return () => {
    if (untracked(resource.isLoading)) pushedWhileLoading = true;
    else resource.reload();
  };
}
