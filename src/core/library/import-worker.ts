// Entry of the import pool's worker threads (built as out/main/import-worker.js for the app).
import { parentPort } from 'node:worker_threads';
import { serveImports } from './worker-loop';

if (!parentPort) throw new Error('import-worker must run in a worker thread');
serveImports(parentPort);
