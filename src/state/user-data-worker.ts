// Module worker of one import session (one open « Importer » dialog): exposes the import API
// (import-worker-api.ts) to the page with Comlink.
import { expose } from 'comlink';
import { createImportWorkerApi } from './import-worker-api.ts';

expose(createImportWorkerApi());
