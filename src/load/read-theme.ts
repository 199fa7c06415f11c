/** Reads the theme: Eta templates (for checking) and the assets folder (copied with hashed names). */
import fs from 'node:fs/promises';
import path from 'node:path';
import { CODES, diagnostic, type Diagnostic } from '../diagnostics.js';

export interface Theme {
  readonly templates: { path: string; text: string }[];
  readonly assets: { name: string; bytes: Uint8Array }[];
  /** Files under `static/`, copied to the site root as they are (e.g. `_headers`). */
  readonly statics: { name: string; bytes: Uint8Array }[];
  readonly diagnostics: Diagnostic[];
}

/** Templates the site needs; a missing one is an error naming it. */
export const REQUIRED_TEMPLATES = ['layout', 'home', 'article', 'topics', 'topic', 'timeline', 'archive', 'search', '404'] as const;

/** Reads `templatesDir/*.eta` (and partials below it), `templatesDir/assets/*` and `templatesDir/static/*`. */
export async function readTheme(templatesDir: string): Promise<Theme> {
  const diagnostics: Diagnostic[] = [];
  const templates: Theme['templates'] = [];
  const assets: Theme['assets'] = [];
  const statics: Theme['statics'] = [];
  let files: string[];
  try {
    files = (await fs.readdir(templatesDir, { recursive: true })).map(String).sort();
  } catch (err) {
    diagnostics.push(diagnostic('error', CODES.TEMPLATE_MISSING, `cannot read the templates folder: ${(err as Error).message}`,
      'Run news-archive from the project root, or set templatesDir in news-archive.config.json.', { file: templatesDir }));
    return { templates, assets, statics, diagnostics };
  }
  for (const rel of files) {
    const full = path.join(templatesDir, rel);
    if (rel.endsWith('.eta')) templates.push({ path: full, text: await fs.readFile(full, 'utf8') });
    else if (['assets', 'static'].includes(rel.split(path.sep)[0]!) && (await fs.stat(full)).isFile()) {
      const [folder, ...rest] = rel.split(path.sep);
      (folder === 'assets' ? assets : statics).push({ name: rest.join('/'), bytes: await fs.readFile(full) });
    }
  }
  for (const name of REQUIRED_TEMPLATES) {
    if (!templates.some((t) => t.path === path.join(templatesDir, `${name}.eta`))) {
      diagnostics.push(diagnostic('error', CODES.TEMPLATE_MISSING, `the template ${name}.eta is missing`,
        `Restore templates/${name}.eta from the project's default theme.`, { file: path.join(templatesDir, `${name}.eta`) }));
    }
  }
  return { templates, assets, statics, diagnostics };
}

/** Reads a text file that may be absent (the topics file): null when missing. */
export async function readOptionalText(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}
