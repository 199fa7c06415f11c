#!/usr/bin/env node
// pretest: the browser tests need Debian's Chromium, the HTML checks need Java (for vnu.jar).
// Install what is missing when we may (root, apt-get); otherwise stop with the command to run.
// Never skip those tests silently, never download a browser of our own.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const needs = [];
if (!fs.existsSync(CHROMIUM)) needs.push('chromium');
if (spawnSync('java', ['-version'], { stdio: 'ignore' }).status !== 0) needs.push('default-jre-headless');
if (needs.length === 0) process.exit(0);

const command = `apt-get update && apt-get install -y --no-install-recommends ${needs.join(' ')}`;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
if (!isRoot || !hasApt) {
  console.error(`The tests need ${needs.join(' and ')}, which ${needs.length > 1 ? 'are' : 'is'} not installed.`);
  console.error(`Install ${needs.length > 1 ? 'them' : 'it'} with:\n\n  sudo ${command}\n\nthen run npm test again.`);
  process.exit(1);
}
console.log(`pretest: installing ${needs.join(', ')} (${command})`);
execFileSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
if (!fs.existsSync(CHROMIUM)) {
  console.error(`pretest: ${CHROMIUM} is still missing after the install.`);
  process.exit(1);
}
