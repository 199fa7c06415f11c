/** Write stage: the only place output reaches the disk. */
export { writeSite, recoverInterruptedSwap, type OutputFiles, type WriteSiteOptions } from './write-site.js';
export { removeOutputManifest, removeStaleCaches, writeArticleCache, writeOutputManifest, writeSearchCache, stageSourceIndex, stageTimelineMemo, type OutputState, type StagedCacheFile } from './write-cache.js';
export { isIntact, replaceFiles, stageUpdate, type StagedUpdate } from './write-in-place.js';
export { withOutputLock } from './output-lock.js';
export { closeSpool, openSpool, type Spool } from './spool.js';
