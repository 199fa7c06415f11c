/** Walks the content folder: article files (.md, .txt) anywhere below it, symlinks followed, loops reported once. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { CODES, diagnostic, type Diagnostic } from '../diagnostics.js';

/** Extensions read as articles. */
export const ARTICLE_EXTENSIONS: ReadonlySet<string> = new Set(['.md', '.markdown', '.txt']);

export interface FoundSources {
  /** Absolute paths of article files, sorted for a deterministic build. */
  readonly files: string[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Lists article files under `root`. Other files are left alone (the topics file, images), except
 * that hidden folders and node_modules are never entered.
 */
export async function findSources(root: string, ignore: ReadonlySet<string> = new Set()): Promise<FoundSources> {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const seenDirs = new Set<string>();

  async function walk(dir: string): Promise<void> {
    const real = await fs.realpath(dir);
    if (seenDirs.has(real)) {
      diagnostics.push(diagnostic('warning', CODES.SYMLINK_LOOP, `symlink loop: ${path.basename(dir)} leads back to a folder already read`,
        'Remove the link, or point it outside the content folder; the folder was read once.', { file: dir }));
      return;
    }
    seenDirs.add(real);
    const entries = await fs.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const stat = await fs.stat(full);
          isDir = stat.isDirectory();
          isFile = stat.isFile();
        } catch (err) {
          const loop = (err as NodeJS.ErrnoException).code === 'ELOOP';
          diagnostics.push(diagnostic('warning', loop ? CODES.SYMLINK_LOOP : CODES.FILE_UNREADABLE,
            loop ? 'symlink loop: the link points to itself' : `broken symlink: ${(err as Error).message}`,
            'Fix or remove the link; it was skipped.', { file: full }));
          continue;
        }
      }
      if (isDir) await walk(full);
      else if (isFile && ARTICLE_EXTENSIONS.has(path.extname(entry.name).toLowerCase()) && !ignore.has(full)) files.push(full);
    }
  }

  await walk(root);
  return { files, diagnostics };
}

/** True when `dir` exists and is a folder (the content folder check, before anything is read). */
export async function isDirectory(dir: string): Promise<boolean> {
  return fs.stat(dir).then((s) => s.isDirectory(), () => false);
}
