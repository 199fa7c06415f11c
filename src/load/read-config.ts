/** Finds and reads news-archive.config.json in the project root; JSON errors are located. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE, resolveConfig, validateUserConfig, type CliOverrides, type Config } from '../config.js';
import { CODES, diagnostic, type Diagnostic } from '../diagnostics.js';

export interface LoadedConfig {
  readonly config: Readonly<Config>;
  readonly diagnostics: Diagnostic[];
}

/** Reads the config from `root` (or `configPath`), applies CLI overrides; a missing file means defaults. */
export async function loadConfig(root: string, cli: CliOverrides = {}, configPath?: string): Promise<LoadedConfig> {
  const file = configPath ? path.resolve(configPath) : path.join(root, CONFIG_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && !configPath) return { config: resolveConfig(root, {}, cli), diagnostics: [] };
    const d = diagnostic('error', CODES.CONFIG_INVALID, `cannot read the config: ${(err as Error).message}`, 'Check the --config path.', { file });
    return { config: resolveConfig(root, {}, cli), diagnostics: [d] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const { line, column } = jsonErrorPosition(text, (err as Error).message);
    const d = diagnostic('error', CODES.CONFIG_INVALID, `the config is not valid JSON: ${(err as Error).message}`,
      'Fix the JSON syntax (quotes around keys, no trailing commas).', { file, line, column });
    return { config: resolveConfig(root, {}, cli), diagnostics: [d] };
  }
  const { value, diagnostics } = validateUserConfig(raw, file);
  return { config: resolveConfig(path.dirname(file), value, cli, file), diagnostics };
}

function jsonErrorPosition(text: string, message: string): { line: number | null; column: number | null } {
  const m = /position (\d+)/.exec(message);
  if (!m) return { line: null, column: null };
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  return { line, column: before.length - before.lastIndexOf('\n') };
}
