#!/usr/bin/env node
// The installed command: the bundled CLI.
require('../dist/cli.js').main();
