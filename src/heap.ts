/**
 * How far V8 lets the heap grow before it collects again. By default the old generation may grow
 * to several times what survived the last full collection: at 100k articles the live set after
 * link is about 0.8 GB and the heap reached 2.3 GB, most of it garbage waiting (issue 7). A fixed
 * factor of 1.5 collects sooner; BENCHMARKS.md has what it costs and saves.
 */
import v8 from 'node:v8';

const FLAG = /--heap[-_]growing[-_]percent/;

/** The user chose their own factor (`node --heap-growing-percent=N ...`; NODE_OPTIONS may not carry it). */
export function userSetGrowing(execArgv: readonly string[]): boolean {
  return execArgv.some((a) => FLAG.test(a));
}

/** Sets the growing factor for this process and its worker threads, unless the user set one. Call before the build allocates. */
export function collectGarbageSooner(percent = 50): void {
  if (!userSetGrowing(process.execArgv)) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
