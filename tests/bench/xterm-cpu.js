#!/usr/bin/env node
// The xterm.js anchor (same code as shared/bench/xterm-headless.js: 200x50, 10k scrollback, 64 KiB writes
// with flow control), also printing MB per CPU-second, which a busy shared machine disturbs less than wall time.
// usage: NODE_PATH=<folder with @xterm/headless>/node_modules node xterm-cpu.js FILE
const { Terminal } = require('@xterm/headless');
const fs = require('fs'); const path = require('path');
const f = process.argv[2]; const data = fs.readFileSync(f);
const term = new Terminal({ cols: 200, rows: 50, scrollback: 10000, allowProposedApi: true });
const t0 = process.hrtime.bigint(); const c0 = process.cpuUsage();
const chunk = 65536; let i = 0;
function next() {
  if (i >= data.length) {
    const dt = Number(process.hrtime.bigint() - t0) / 1e9; const c = process.cpuUsage(c0); const cpu = (c.user + c.system) / 1e6;
    console.log(`xterm.js ${path.basename(f)} ${(data.length / 1e6 / dt).toFixed(1)} MB/s wall, ${(data.length / 1e6 / cpu).toFixed(1)} MB/s per CPU-second`);
    return;
  }
  const c = data.subarray(i, i + chunk); i += chunk; term.write(c, next);
}
next();
