// Entry point of a parse worker thread (bundled to dist/parseWorker.js).
import { parentPort } from 'node:worker_threads';
import { serveParseJobs } from './parsePool';

if (parentPort) serveParseJobs(parentPort);
