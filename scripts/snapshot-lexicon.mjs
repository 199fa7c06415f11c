// npm install (prepare), after tsc: writes compromise's lexicon into the compiled code's folder
// (dist/compromise-lexicon.json), so a build need not load compromise to look words up. See
// src/extract/lexicon.ts.
import fs from 'node:fs';
import { lexiconSnapshot } from '../dist/extract/lexicon.js';

const file = new URL('../dist/compromise-lexicon.json', import.meta.url);
fs.writeFileSync(file, lexiconSnapshot());
