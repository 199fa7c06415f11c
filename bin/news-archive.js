#!/usr/bin/env node
// The bundled CLI (npm install runs `tsc` and then scripts/bundle-cli.mjs through the `prepare`
// script); the compiled modules when the bundle is missing or older than them (after a `tsc` of
// one's own).
import fs from 'node:fs';

const mtime = (rel) => fs.statSync(new URL(rel, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (mtime('../dist/bundle/cli.js') >= mtime('../dist/cli.js')) await import('../dist/bundle/cli.js');
else await import('../dist/cli.js');
