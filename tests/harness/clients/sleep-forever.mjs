#!/usr/bin/env node
// A client that never answers: writes its pid to the file named by its last argument, then waits forever.
import { writeFileSync } from 'node:fs';
writeFileSync(process.argv[process.argv.length - 1], String(process.pid));
setInterval(() => {}, 1 << 30);
