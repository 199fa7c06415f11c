/**
 * When V8 collects garbage. By default the old generation may grow to several times what survived
 * the last full collection: at 100k articles the live set after link is about 0.8 GB and the heap
 * reached 2.3 GB, most of it garbage waiting (issue 7). A fixed factor of 1.5 collects sooner, and
 * the build asks for a full collection where it knows most of what it made is dead; BENCHMARKS.md
 * has what each costs and saves.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

const FLAG = /--heap[-_]growing[-_]percent/;

/** The user chose their own factor (`node --heap-growing-percent=N ...`; NODE_OPTIONS may not carry it). */
export function userSetGrowing(execArgv: readonly string[]): boolean {
  return execArgv.some((a) => FLAG.test(a));
}

/** Sets the growing factor for this process and its worker threads, unless the user set one. Call before the build allocates. */
export function collectGarbageSooner(percent = 50): void {
  if (!userSetGrowing(process.execArgv)) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}

let collect: (() => void) | undefined;

/**
 * A full collection now, where the build knows most of what it made is garbage: after render, before
 * the write. At 100k articles a warm build ended its render with 0.25 GB of dead objects in the heap
 * and 0.15 GB of dead buffers (Pagefind's files, the previous records read back) that V8 had not
 * yet collected, and its peak came just after, as the output record was serialized: 1.34-1.46 GiB,
 * by how the collector's timing fell (issue 7, target 1.5 GiB). Node offers `gc` only to code
 * started with --expose-gc; setting the flag gives it to a context made after.
 */
export function collectGarbageNow(): void {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  collect();
}

/**
 * A full collection if the heap holds more than `bytes`; whether one ran. For a point where a big
 * archive's build has made much garbage and is about to make large files: at 100k articles a
 * build that renders every page again (a template edit) ended its render with a quarter of a
 * gigabyte of dead pages in the heap, and then made the sitemaps and the data export's indexes on
 * top of it: peaks of 1380-1485 MiB against the 1536 MiB target (issue 7). Below the size the
 * collection would cost time and save nothing that matters.
 */
export function collectGarbageIfOver(bytes: number): boolean {
  if (v8.getHeapStatistics().used_heap_size <= bytes) return false;
  collectGarbageNow();
  return true;
}

/**
 * A check for a long stage, run often (between slices of rendering): a full collection when the
 * heap holds more than `bytes`. A build that renders every page of 100k articles again reaches
 * what V8 allows above its live set (0.75-0.8 GB, so 1.1-1.2 GB of heap) with garbage alone, and
 * its RSS went to 1536 MiB there, the target (issue 7); collected at 1 GiB, the heap stays under
 * it. When more than `bytes` survives a collection (a larger archive, or a large file being made),
 * the ceiling is what survived and a quarter more, so it never collects in a loop, and it comes
 * back down with the next collection that finds less.
 */
export function heapCeiling(bytes: number): () => boolean {
  let ceiling = bytes;
  return () => {
    if (v8.getHeapStatistics().used_heap_size <= ceiling) return false;
    collectGarbageNow();
    ceiling = Math.max(bytes, v8.getHeapStatistics().used_heap_size * 1.25);
    return true;
  };
}
