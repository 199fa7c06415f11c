/**
 * Watch mode (house style rule 8): chokidar events -> classifyChange() -> a queue that runs one
 * rebuild at a time and folds every change that arrives meanwhile into the next one, so a burst of
 * saves (an editor's "save all", a `git checkout`) causes one rebuild, not one per file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { watch as chokidarWatch } from 'chokidar';
import { CONFIG_FILE, type Config } from './config.js';
import { ARTICLE_EXTENSIONS } from './load/find-sources.js';

/** What a changed file feeds (Zola's ChangeKind). Every kind rebuilds; `config` also re-reads the config first. */
export type ChangeKind = 'config' | 'topics' | 'templates' | 'assets' | 'content';

/** chokidar's event names for files and folders. */
export type ChangeEvent = 'add' | 'change' | 'unlink' | 'addDir' | 'unlinkDir';

/** One classified file-system change. */
export interface Change {
  readonly kind: ChangeKind;
  readonly event: ChangeEvent;
  /** Absolute path. */
  readonly file: string;
  /** When it happened (epoch ms): the file's mtime, or when a removal was seen. */
  readonly at?: number;
}

/** The parts of the config that say what to watch. */
export type WatchedPaths = Pick<Config, 'root' | 'configFile' | 'contentDir' | 'templatesDir' | 'topicsFile' | 'outDir'>;

/** The config file a project uses, or would use once created. */
export function configPath(paths: WatchedPaths): string {
  return paths.configFile ?? path.join(paths.root, CONFIG_FILE);
}

/**
 * Sorts a changed path into what it feeds, or null when no build reads it (editor swap files,
 * the output folder, images beside the articles), so those never trigger a rebuild.
 */
export function classifyChange(file: string, event: ChangeEvent, paths: WatchedPaths): ChangeKind | null {
  const isDir = event === 'addDir' || event === 'unlinkDir';
  if (file === configPath(paths)) return 'config';
  if (isInside(file, paths.outDir) || isBuildLeftover(file) || isEditorDebris(path.basename(file))) return null;
  if (file === paths.topicsFile) return 'topics';
  if (isInside(file, paths.templatesDir)) {
    const [top] = path.relative(paths.templatesDir, file).split(path.sep);
    if (top === 'assets' || top === 'static') return 'assets';
    return isDir || file.endsWith('.eta') ? 'templates' : null;
  }
  if (isInside(file, paths.contentDir)) {
    // The loader never enters hidden folders or node_modules (load/find-sources.ts).
    const parts = path.relative(paths.contentDir, file).split(path.sep);
    if (parts.some((p) => p.startsWith('.') || p === 'node_modules')) return null;
    return isDir || ARTICLE_EXTENSIONS.has(path.extname(file).toLowerCase()) ? 'content' : null;
  }
  return null;
}

function isInside(file: string, dir: string): boolean {
  return file === dir || file.startsWith(dir + path.sep);
}

// Staging and retired folders of write/write-site.ts sit beside the output folder.
function isBuildLeftover(file: string): boolean {
  return file.split(path.sep).some((p) => p.startsWith('.news-archive-staging-') || p.startsWith('.news-archive-commit-') || p.startsWith('.news-archive-retired-'));
}

// Vim (.swp, 4913 probe, backup~), Emacs (.#lock, #autosave#), JetBrains safe-write and plain temp files.
function isEditorDebris(name: string): boolean {
  return /^\.#|^#.*#$|~$|\.(sw[a-p]|swx|tmp|bak|crdownload|part)$|^4913$|___jb_(tmp|old)___$/i.test(name);
}

/** Runs one rebuild at a time; changes pushed while one runs are batched into the next. */
export interface RebuildQueue {
  /** Adds a change; starts a rebuild after `quietMs` unless one is running. */
  push(change: Change): void;
  /** Changes waiting for the next rebuild. */
  readonly pending: number;
  /** Resolves once no rebuild runs and none waits. */
  idle(): Promise<void>;
}

/** How long a rebuild waits for a burst to end, and where its errors go. */
export interface RebuildQueueOptions {
  /** Wait until no change has arrived for this long before a rebuild starts. @default 30 */
  readonly quietMs?: number;
  /**
   * After a removal or a new folder, wait this long instead: a rename is a removal now and an add
   * once awaitWriteFinish has seen the file settle, a copied folder's files come after the folder,
   * and a removed folder's files come 100 ms after it (chokidar's atomic check). @default 250
   */
  readonly structuralQuietMs?: number;
  /** Called when a rebuild throws; the queue keeps going. @default console.error */
  readonly onError?: (err: unknown) => void;
}

/**
 * Serializes and coalesces rebuilds (Astro's PQueue({concurrency: 1}), plus coalescing): however
 * many changes arrive during a rebuild, exactly one more rebuild follows, with all of them.
 */
export function createRebuildQueue(rebuild: (changes: Change[]) => Promise<void>, options: RebuildQueueOptions = {}): RebuildQueue {
  const quietMs = options.quietMs ?? 30;
  const structuralQuietMs = options.structuralQuietMs ?? 250;
  const onError = options.onError ?? ((err: unknown) => console.error(err));
  const pending = new Map<string, Change>();
  let quietUntil = 0;
  let running: Promise<void> | null = null;

  async function drain(): Promise<void> {
    try {
      while (pending.size) {
        // Always yield once, so events chokidar emits in one tick land in one batch.
        do await sleep(quietUntil - performance.now());
        while (performance.now() < quietUntil);
        const batch = [...pending.values()];
        pending.clear();
        try {
          await rebuild(batch);
        } catch (err) {
          onError(err);
        }
      }
    } finally {
      // Cleared in the same tick as the last `pending.size` check, so no push can fall in between.
      running = null;
    }
  }

  return {
    push(change) {
      const before = pending.get(change.file);
      const merged = before ? mergeEvents(before, change) : change;
      if (merged) pending.set(change.file, merged);
      else pending.delete(change.file);
      const quiet = change.event === 'change' || change.event === 'add' ? quietMs : structuralQuietMs;
      quietUntil = Math.max(quietUntil, performance.now() + quiet);
      if (!running && pending.size) running = drain();
    },
    get pending() {
      return pending.size;
    },
    idle: () => running ?? Promise.resolve(),
  };
}

/** Two events for one file in one batch: a file added then changed is still new; added then removed never existed. */
function mergeEvents(before: Change, after: Change): Change | null {
  if (before.event === 'add' && after.event === 'unlink') return null;
  if (before.event === 'add' && after.event === 'change') return before;
  if (before.event === 'unlink' && after.event === 'add') return { ...after, event: 'change' };
  return after;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** A running watcher. */
export interface ProjectWatcher {
  close(): Promise<void>;
}

/** Tuning for watchProject (tests shorten the stability wait). */
export interface WatchOptions {
  /** chokidar awaitWriteFinish.stabilityThreshold: a file must keep its size this long. @default 150 */
  readonly stabilityThreshold?: number;
  /** Called on watcher errors (e.g. a folder that cannot be read). */
  readonly onError?: (err: Error) => void;
}

/**
 * Watches the content folder, the templates folder and the config file; calls `onChange` with each
 * classified change. Resolves once the watcher is ready, so a write after it is seen.
 */
export async function watchProject(paths: WatchedPaths, onChange: (change: Change) => void, options: WatchOptions = {}): Promise<ProjectWatcher> {
  const targets = [paths.contentDir, paths.templatesDir, configPath(paths)];
  // chokidar 5 emits `ready` before it has read the other paths when one of them does not exist
  // (verified), and a missing config file or content folder is normal. So the nearest existing
  // folder above each target is watched, and everything there but the targets is ignored.
  const bases = [...new Set(targets.map(existingAncestor))];
  const wanted = (p: string) => targets.some((t) => isInside(p, t) || isInside(t, p));
  const watcher = chokidarWatch(bases, {
    // Eleventy's options: editors that save by writing a temp file and renaming it (atomic saves)
    // emit one `change`, and a file still being written is reported once it stops growing.
    ignoreInitial: true,
    atomic: true,
    awaitWriteFinish: { stabilityThreshold: options.stabilityThreshold ?? 150, pollInterval: 25 },
    ignored: (p: string) => !wanted(p) || isInside(p, paths.outDir) || isBuildLeftover(p) ||
      p.split(path.sep).includes('node_modules') || isInternalLink(p, targets),
  });
  watcher.on('all', (event: string, file: string, stats?: fs.Stats) => {
    if (!isChangeEvent(event)) return;
    const kind = classifyChange(file, event, paths);
    // A renamed or copied file keeps its old mtime: only an edit's mtime says when it was saved.
    if (kind) onChange({ kind, event, file, at: event === 'change' && stats ? stats.mtimeMs : Date.now() });
  });
  watcher.on('error', (err: unknown) => (options.onError ?? ((e) => console.error(`watch: ${e.message}`)))(err as Error));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return { close: () => watcher.close() };
}

function existingAncestor(p: string): string {
  let dir = path.dirname(p);
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

function isChangeEvent(event: string): event is ChangeEvent {
  return event === 'add' || event === 'change' || event === 'unlink' || event === 'addDir' || event === 'unlinkDir';
}

/**
 * chokidar follows a symlink loop until ELOOP, reporting every file dozens of times over. A link
 * that points back inside a watched folder adds nothing (its target is watched already), so it is
 * not followed; links to folders outside are, as the loader follows them.
 */
function isInternalLink(p: string, roots: readonly string[]): boolean {
  try {
    if (!fs.lstatSync(p).isSymbolicLink()) return false;
    const real = fs.realpathSync(p);
    return roots.some((r) => isInside(real, realOrSelf(r)));
  } catch {
    return false;
  }
}

function realOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
