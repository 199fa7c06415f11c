/** Write stage: the only place output reaches the disk. */
export { writeSite, recoverInterruptedSwap, type OutputFiles } from './write-site.js';
export { removeOutputManifest, removeStaleCaches, writeArticleCache, writeOutputManifest, writeSearchCache, type OutputState } from './write-cache.js';
export { writeOutput } from './write-changed.js';
export { hashFiles, isIntact, replaceFiles } from './write-in-place.js';
export { withOutputLock } from './output-lock.js';
export { closeSpool, openSpool, type Spool } from './spool.js';
