import path from 'node:path';

/** The checkout's root folder, wherever the server is started from. */
export const repositoryRoot = path.resolve(import.meta.dirname, '..', '..', '..');

/** Where `ng build` writes the Angular app that Express serves. */
export const clientBuildDir = path.join(repositoryRoot, 'dist', 'client', 'browser');
