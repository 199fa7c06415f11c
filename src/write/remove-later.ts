/**
 * Removing a replaced site after the build has returned. A build that stages the site whole (a
 * cold build, or one that made most articles again) swaps the new site in by rename and then had
 * the old one to remove, file by file, before it could return: 5-6 s for the 37k files of 10k
 * articles on this project's disk, nearly all of it waiting on the file system, not the CPU
 * (issue 7). The command line hands that folder to a process of its own instead and returns.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Prefix of a replaced site being removed by another process: `<prefix><output folder>-<its pid>`. */
export const DELETING = '.news-archive-deleting-';

// The remover reads the folder to remove from its standard input: the folder is named after the
// remover's pid, which is known only once it runs. A remover told nothing (its build died first)
// removes nothing.
const REMOVER = "let p='';process.stdin.setEncoding('utf8');process.stdin.on('data',(d)=>{p+=d;});"
  + "process.stdin.on('end',()=>{if(p)require('fs').rmSync(p,{recursive:true,force:true});});";

/**
 * Hands `dir` (beside `outDir`) to a detached process that removes it, renamed after that
 * process's pid so that a build starting meanwhile leaves it alone (write-site.ts,
 * recoverInterruptedSwap). False when no process could be started or the folder not renamed: the
 * caller removes it itself.
 */
export function removeLater(dir: string, outDir: string): boolean {
  // The parent's NODE_OPTIONS (a loader, a preload) have nothing to do in the remover.
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  let child;
  try {
    child = spawn(process.execPath, ['-e', REMOVER], { detached: true, stdio: ['pipe', 'ignore', 'ignore'], env, windowsHide: true });
  } catch {
    return false;
  }
  child.on('error', () => undefined);
  child.stdin.on('error', () => undefined);
  const target = child.pid ? path.join(path.dirname(outDir), `${DELETING}${path.basename(outDir)}-${child.pid}`) : null;
  let handed = false;
  if (target) {
    try {
      fs.renameSync(dir, target);
      handed = true;
    } catch {
      // left where it is, for the caller
    }
  }
  child.stdin.end(handed ? target : '');
  child.unref();
  return handed;
}
