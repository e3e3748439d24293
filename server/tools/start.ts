// `npm start`: builds the storefront when its sources changed since the last build, then starts
// the shop (embedded database, demo data, API, socket.io and the Angular app on one port).
import { buildClient, clientBuildIsStale } from './client-build';

if (clientBuildIsStale()) {
  console.log('Building the Angular storefront (ng build)…');
  buildClient();
}
await import('../src/main');
