/** A database could not be started or reached; its message says what to install or set. */
export class DatabaseStartError extends Error {
  override name = 'DatabaseStartError';
}
