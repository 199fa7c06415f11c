// npm install (prepare), after tsc: writes compromise's lexicon beside the compiled module that
// reads it (dist/extract/compromise-lexicon.json), so a build need not load compromise to look
// words up. See src/extract/lexicon.ts.
import fs from 'node:fs';
import { lexiconSnapshot } from '../dist/extract/lexicon.js';

const file = new URL('../dist/extract/compromise-lexicon.json', import.meta.url);
fs.writeFileSync(file, lexiconSnapshot());
