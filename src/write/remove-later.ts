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
  // The new site is live by now: nothing here may fail the build, whatever the system refuses.
  try {
    // The parent's NODE_OPTIONS (a loader, a preload) have nothing to do in the remover.
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const child = spawn(process.execPath, ['-e', REMOVER], { detached: true, stdio: ['pipe', 'ignore', 'ignore'], env, windowsHide: true });
    child.on('error', () => undefined);
    // Out of file descriptors, Node gives a child with neither pid nor pipe, and says so later.
    if (!child.pid || !child.stdin) {
      child.kill();
      return false;
    }
    child.stdin.on('error', () => undefined);
    const target = path.join(path.dirname(outDir), `${DELETING}${path.basename(outDir)}-${child.pid}`);
    let handed = false;
    try {
      fs.renameSync(dir, target);
      handed = true;
    } catch {
      // left where it is, for the caller
    }
    child.stdin.end(handed ? target : '');
    child.unref();
    return handed;
  } catch {
    return false;
  }
}

/**
 * Whether a folder being removed (named after its remover's pid; `pidAlive`, whether that pid runs)
 * has been left: its remover is gone, or the pid now names another process and the folder has not
 * changed for ABANDONED_MS (a remover takes seconds; one of 100k articles' site, minutes).
 */
export function abandoned(folder: string, pidAlive: boolean, now = Date.now()): boolean {
  if (!pidAlive) return true;
  try {
    const stat = fs.statSync(folder);
    return now - Math.max(stat.mtimeMs, stat.ctimeMs) > ABANDONED_MS;
  } catch {
    return false;
  }
}

export const ABANDONED_MS = 15 * 60_000;
