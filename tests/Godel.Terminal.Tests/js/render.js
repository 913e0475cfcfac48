#!/usr/bin/env node
// Godel differential tests: feed files into @xterm/headless and print each screen as one JSON line.
// usage: node render.js [--history] COLS ROWS FILE...
// Output per file: {"cursor":[x,y],"lines":[[[chars,width,fgMode,fg,bgMode,bg,attrs],...],...]}
// With --history also "history": the normal buffer's scrollback lines (oldest first, same cell form), and
// "wrapped": isWrapped of normal-buffer lines 0..scrollback (entry i: line i continues line i-1; the last
// entry is the first screen row), so a test can check that a snapshot rebuilds history in a real terminal.
// fgMode/bgMode: 0 default, 1 palette, 2 rgb. attrs bits: 1 bold, 2 dim, 4 italic, 8 underline,
// 16 blink, 32 inverse, 64 invisible, 128 strikethrough, 256 overline.
const { Terminal } = require('@xterm/headless');
const fs = require('fs');

const args = process.argv.slice(2);
const withHistory = args[0] === '--history';
if (withHistory) args.shift();
const cols = parseInt(args[0], 10);
const rows = parseInt(args[1], 10);
const files = args.slice(2);

function mode(cell, fg) {
  if (fg ? cell.isFgDefault() : cell.isBgDefault()) return 0;
  if (fg ? cell.isFgRGB() : cell.isBgRGB()) return 2;
  return 1;
}

function attrs(c) {
  return (c.isBold() ? 1 : 0) | (c.isDim() ? 2 : 0) | (c.isItalic() ? 4 : 0) | (c.isUnderline() ? 8 : 0)
    | (c.isBlink() ? 16 : 0) | (c.isInverse() ? 32 : 0) | (c.isInvisible() ? 64 : 0)
    | (c.isStrikethrough() ? 128 : 0) | (c.isOverline() ? 256 : 0);
}

function cells(buf, line) {
  const cell = buf.getNullCell();
  const out = [];
  for (let x = 0; x < cols; x++) {
    line.getCell(x, cell);
    out.push([cell.getChars(), cell.getWidth(), mode(cell, true), cell.getFgColor(), mode(cell, false), cell.getBgColor(), attrs(cell)]);
  }
  return out;
}

function dump(term) {
  const buf = term.buffer.active;
  const lines = [];
  for (let y = 0; y < rows; y++) lines.push(cells(buf, buf.getLine(buf.viewportY + y)));
  const result = { cursor: [buf.cursorX, buf.cursorY], lines };
  if (withHistory) {
    const normal = term.buffer.normal;
    result.history = [];
    result.wrapped = [];
    for (let y = 0; y <= normal.baseY; y++) {
      const line = normal.getLine(y);
      if (y < normal.baseY) result.history.push(cells(normal, line));
      result.wrapped.push(line.isWrapped);
    }
  }
  return result;
}

async function render(file) {
  const term = new Terminal({ cols, rows, scrollback: 100000, allowProposedApi: true });
  await new Promise((resolve) => term.write(fs.readFileSync(file), resolve));
  process.stdout.write(JSON.stringify(dump(term)) + '\n');
  term.dispose();
}

(async () => { for (const f of files) await render(f); })();
