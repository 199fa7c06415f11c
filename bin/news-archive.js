#!/usr/bin/env node
// The compiled CLI (npm install runs `tsc` through the `prepare` script).
import '../dist/cli.js';
