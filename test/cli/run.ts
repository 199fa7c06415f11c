/** Runs the real CLI from source in a child process, as a user would (`node --import tsx src/cli.ts`). */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, TEMPLATES, tempDir } from '../support/site.js';

export const CLI = path.join(ROOT, 'src/cli.ts');
/** Absolute, so the child finds tsx whatever its working folder. */
export const TSX = import.meta.resolve('tsx');

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts the CLI with `args` in `cwd`; the caller waits for it with `finished`. */
export function startCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}, nodeArgs: readonly string[] = []): ChildProcess & { output: { stdout: string; stderr: string } } {
  const child = spawn(process.execPath, [...nodeArgs, '--import', TSX, CLI, ...args], {
    cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  }) as ChildProcess & { output: { stdout: string; stderr: string } };
  child.output = { stdout: '', stderr: '' };
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (child.output.stdout += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (child.output.stderr += c));
  return child;
}

/** Resolves when the child has exited and its output is read. */
export function finished(child: ReturnType<typeof startCli>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, ...child.output }));
  });
}

/** Runs the CLI to the end. */
export function runCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return finished(startCli(args, cwd, env));
}

/** A project folder: `content/` with `files`, a copy of the templates, no config file. */
export function makeCliProject(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir('na-cli-');
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, 'content', rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'content', rel), text);
  }
  fs.cpSync(TEMPLATES, path.join(dir, 'templates'), { recursive: true });
  return dir;
}

/** Copies a fixture site (`test/fixtures/sites/<name>`) into a project folder with the templates. */
export function fixtureProject(name: string): string {
  const dir = tempDir('na-cli-');
  fs.cpSync(path.join(ROOT, 'test/fixtures/sites', name), dir, { recursive: true });
  fs.cpSync(TEMPLATES, path.join(dir, 'templates'), { recursive: true });
  return dir;
}

/** A good article that builds on its own. */
export const GOOD = '---\ndate: 2016-03-24\npublisher: Example Post\n---\nKerry meets Putin in Moscow\n\nJohn Kerry met Vladimir Putin in Moscow on Thursday to discuss the war in Syria.\n\nThe talks lasted three hours.\n';
