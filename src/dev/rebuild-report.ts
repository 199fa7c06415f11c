/** Pure helpers that say what a dev rebuild did: which output files changed, and the line printed for it. */
import path from 'node:path';
import type { Stage } from '../build.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Change } from '../watch.js';
import type { OverlayItem } from './client-script.js';

/** Output path -> content hash: what a build wrote, kept between rebuilds to compare. */
export type OutputHashes = ReadonlyMap<string, string>;

/** Output files added, changed and removed between two builds, each sorted. */
export interface OutputDiff {
  readonly added: string[];
  readonly changed: string[];
  readonly removed: string[];
}

/** Compares two builds' outputs. */
export function diffOutputs(before: OutputHashes, after: OutputHashes): OutputDiff {
  const added: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  for (const [rel, hash] of after) {
    const old = before.get(rel);
    if (old === undefined) added.push(rel);
    else if (old !== hash) changed.push(rel);
  }
  for (const rel of before.keys()) if (!after.has(rel)) removed.push(rel);
  return { added: added.sort(), changed: changed.sort(), removed: removed.sort() };
}

/** What one rebuild did, for the terminal and for tests. */
export interface RebuildReport {
  /** The changes that triggered it (empty for the first build). */
  readonly changes: readonly Change[];
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  /** Articles normalized and extracted again; the rest came from the cache. */
  readonly reprocessed: number;
  readonly articles: number;
  readonly diff: OutputDiff;
  /** Milliseconds from the start of the rebuild to the site written. */
  readonly ms: number;
  /** Milliseconds from the newest save among the changes to the site written, when known. */
  readonly sinceSave: number | null;
  readonly timings: Record<Stage, number>;
  /** Pages rendered (the others had the inputs of the live page) and search index parts re-indexed. */
  readonly rendered?: { readonly pages: number; readonly searchParts: number };
  /** The edited articles' pages written before the rebuild (preview.ts), and how long after the change began. */
  readonly preview?: { readonly pages: number; readonly ms: number };
}

/** `content/a.txt changed, templates/x.eta added` (relative to `cwd`; at most `max` named). */
export function describeChanges(changes: readonly Change[], cwd: string, max = 3): string {
  if (!changes.length) return 'first build';
  const named = changes.slice(0, max).map((c) => `${relative(c.file, cwd)} ${verb(c.event)}`);
  return changes.length > max ? `${named.join(', ')} and ${changes.length - max} more` : named.join(', ');
}

/** The one line printed after a successful rebuild. */
export function formatRebuild(r: RebuildReport, cwd: string): string {
  const pages = (list: readonly string[]) => list.filter((f) => f.endsWith('.html')).length;
  const t = r.timings;
  const saved = r.sinceSave === null ? '' : `, ${r.sinceSave.toFixed(0)} ms after the save`;
  const preview = r.preview ? `article page${r.preview.pages === 1 ? '' : 's'} written in ${r.preview.ms.toFixed(0)} ms, ` : '';
  return `${describeChanges(r.changes, cwd)}: ${preview}${r.changes.length ? 'rebuilt' : 'built'} in ${r.ms.toFixed(0)} ms${saved}; ` +
    `${r.reprocessed} of ${r.articles} articles re-read (${r.articles - r.reprocessed} from cache); ` +
    `pages: ${pages(r.diff.changed)} changed, ${pages(r.diff.added)} added, ${pages(r.diff.removed)} removed` +
    `${r.rendered ? ` (${r.rendered.pages} rendered, ${r.rendered.searchParts} search index part${r.rendered.searchParts === 1 ? '' : 's'} re-indexed)` : ''} ` +
    `(load ${t.load.toFixed(0)}, normalize ${t.normalize.toFixed(0)}, extract ${t.extract.toFixed(0)}, link ${t.link.toFixed(0)}, render ${t.render.toFixed(0)}, write ${t.write.toFixed(0)})`;
}

/** Diagnostics as the overlay (and `check --json`) shows them: file relative to `cwd`. */
export function toOverlayItems(diagnostics: readonly Diagnostic[], cwd: string): OverlayItem[] {
  return diagnostics.map((d) => ({
    file: d.file ? relative(d.file, cwd) : null,
    line: d.line,
    column: d.column,
    severity: d.severity,
    code: d.code,
    message: d.message,
    hint: d.hint,
  }));
}

function relative(file: string, cwd: string): string {
  const rel = path.isAbsolute(file) ? path.relative(cwd, file) || file : file;
  return rel.split(path.sep).join('/');
}

function verb(event: Change['event']): string {
  return event === 'add' || event === 'addDir' ? 'added' : event === 'unlink' || event === 'unlinkDir' ? 'removed' : 'changed';
}
