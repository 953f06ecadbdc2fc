'use strict';
// Shared by the tests: where the server binary is, whether it speaks LSP yet, waiting helpers.

const path = require('path');
const fs = require('fs');
const { spawnSync } = require('child_process');
const { frame, MessageReader } = require('../../lib/connection');

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const BINARY = process.env.JUESUAN_BIN || path.join(ROOT, '.build', 'debug', 'juesuan');

/**
 * Why the real-server tests cannot run, or null when they can: the binary must exist, list
 * `lsp` in its help, and answer `initialize` within a few seconds.
 */
function serverUnavailable() {
  if (!fs.existsSync(BINARY)) return `no server binary at ${BINARY} (build it with: swift build --product juesuan)`;
  const help = spawnSync(BINARY, ['--help'], { encoding: 'utf8', timeout: 10000 });
  if (!/\blsp\b/.test(`${help.stdout}${help.stderr}`)) return `${BINARY} has no 'lsp' subcommand yet`;
  const input = Buffer.concat([
    frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }),
    frame({ jsonrpc: '2.0', id: 2, method: 'shutdown', params: null }),
    frame({ jsonrpc: '2.0', method: 'exit', params: null }),
  ]);
  const run = spawnSync(BINARY, ['lsp'], { input, timeout: 10000 });
  const reader = new MessageReader();
  const replies = reader.push(run.stdout || Buffer.alloc(0)).map((b) => JSON.parse(b));
  const init = replies.find((m) => m.id === 1);
  if (!init || !init.result || !init.result.capabilities) return `'juesuan lsp' did not answer initialize (${run.error ? run.error.message : `exit ${run.status}`})`;
  return null;
}

async function waitFor(predicate, timeoutMs = 20000, what = 'condition') {
  const start = Date.now();
  for (;;) {
    const value = predicate();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Line (0-based) and UTF-16 column of `needle` in `text`. */
function locate(text, needle, add = 0) {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const index = lines[i].indexOf(needle);
    if (index >= 0) return { line: i, character: index + add };
  }
  throw new Error(`${needle} not found`);
}

module.exports = { ROOT, BINARY, serverUnavailable, waitFor, locate };
