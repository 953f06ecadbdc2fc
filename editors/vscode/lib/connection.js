'use strict';
// JSON-RPC 2.0 over a child process's stdio with LSP base-protocol framing
// (`Content-Length: <bytes>\r\n\r\n<utf-8 json>`). Knows nothing of vscode, so the tests can
// drive it directly.

const { spawn } = require('child_process');

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');

/** Splits a byte stream into messages. `push` returns the complete JSON bodies seen so far. */
class MessageReader {
  constructor() {
    this.buffer = Buffer.alloc(0);
    this.expected = -1; // body length once the header has been read
  }

  push(chunk) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const bodies = [];
    for (;;) {
      if (this.expected < 0) {
        const end = this.buffer.indexOf(HEADER_END);
        if (end < 0) break;
        const header = this.buffer.subarray(0, end).toString('ascii');
        this.buffer = this.buffer.subarray(end + HEADER_END.length);
        const match = /^content-length:\s*(\d+)\s*$/im.exec(header);
        if (!match) continue; // malformed header: drop it and resynchronise on the next one
        this.expected = Number(match[1]);
      }
      if (this.buffer.length < this.expected) break;
      bodies.push(this.buffer.subarray(0, this.expected).toString('utf8'));
      this.buffer = this.buffer.subarray(this.expected);
      this.expected = -1;
    }
    return bodies;
  }
}

/** Frames one message: the header counts BYTES of the UTF-8 body, not characters. */
function frame(message) {
  const body = JSON.stringify(message);
  return Buffer.concat([
    Buffer.from(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n`, 'ascii'),
    Buffer.from(body, 'utf8'),
  ]);
}

class ResponseError extends Error {
  constructor(code, message, data) {
    super(message);
    this.code = code;
    this.data = data;
  }
}

const ErrorCodes = {
  MethodNotFound: -32601,
  InternalError: -32603,
  RequestCancelled: -32800,
};

/**
 * A connection to a language server process.
 * - request(method, params, token?) → Promise of the result (rejects with ResponseError)
 * - notify(method, params)
 * - onNotification(method, handler), onRequest(method, handler) for server → client traffic
 * - onClose(handler) when the process ends
 */
class Connection {
  constructor(command, args, options = {}) {
    this.command = command;
    this.args = args;
    this.options = options;
    this.nextId = 1;
    this.pending = new Map();
    this.notificationHandlers = new Map();
    this.requestHandlers = new Map();
    this.closeHandlers = [];
    this.trace = options.trace || null; // (direction, message) => void
    this.log = options.log || (() => {});
    this.closed = false;
  }

  /** Spawns the process; resolves once it is running, rejects if it cannot start. */
  start() {
    return new Promise((resolve, reject) => {
      let child;
      try {
        child = spawn(this.command, this.args, {
          cwd: this.options.cwd,
          env: this.options.env || process.env,
          stdio: ['pipe', 'pipe', 'pipe'],
          windowsHide: true,
        });
      } catch (error) {
        reject(error);
        return;
      }
      this.process = child;
      const reader = new MessageReader();
      child.stdout.on('data', (chunk) => {
        for (const body of reader.push(chunk)) this.dispatch(body);
      });
      child.stderr.on('data', (chunk) => this.log(chunk.toString('utf8').replace(/\s+$/, '')));
      child.stdin.on('error', () => {}); // EPIPE after the server died: reported through 'exit'
      let started = false;
      child.once('error', (error) => {
        if (!started) reject(error);
        else this.log(`server process error: ${error.message}`);
        this.finish(null, error);
      });
      child.once('spawn', () => {
        started = true;
        resolve();
      });
      child.once('exit', (code, signal) => this.finish(code, signal));
    });
  }

  finish(code, signal) {
    if (this.closed) return;
    this.closed = true;
    const error = new ResponseError(ErrorCodes.InternalError, `server exited (code ${code}, signal ${signal})`);
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
    for (const handler of this.closeHandlers) handler(code, signal);
  }

  write(message) {
    if (this.closed || !this.process) return;
    if (this.trace) this.trace('send', message);
    this.process.stdin.write(frame(message));
  }

  request(method, params, token) {
    if (this.closed) return Promise.reject(new ResponseError(ErrorCodes.InternalError, 'server is not running'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.write({ jsonrpc: '2.0', id, method, params });
      if (token && typeof token.onCancellationRequested === 'function') {
        token.onCancellationRequested(() => {
          if (this.pending.has(id)) this.notify('$/cancelRequest', { id });
        });
      }
    });
  }

  notify(method, params) {
    this.write({ jsonrpc: '2.0', method, params });
  }

  onNotification(method, handler) { this.notificationHandlers.set(method, handler); }
  onRequest(method, handler) { this.requestHandlers.set(method, handler); }
  onClose(handler) { this.closeHandlers.push(handler); }

  dispatch(body) {
    let message;
    try {
      message = JSON.parse(body);
    } catch (error) {
      this.log(`unreadable message from the server: ${error.message}`);
      return;
    }
    if (this.trace) this.trace('receive', message);
    if (message.method === undefined) {
      const entry = this.pending.get(message.id);
      if (!entry) return;
      this.pending.delete(message.id);
      if (message.error) entry.reject(new ResponseError(message.error.code, message.error.message, message.error.data));
      else entry.resolve(message.result === undefined ? null : message.result);
    } else if (message.id !== undefined && message.id !== null) {
      this.answer(message);
    } else {
      const handler = this.notificationHandlers.get(message.method);
      if (handler) {
        try { handler(message.params); } catch (error) { this.log(`${message.method}: ${error.stack || error}`); }
      }
    }
  }

  async answer(message) {
    const handler = this.requestHandlers.get(message.method);
    if (!handler) {
      this.write({ jsonrpc: '2.0', id: message.id,
        error: { code: ErrorCodes.MethodNotFound, message: `unhandled method ${message.method}` } });
      return;
    }
    try {
      const result = await handler(message.params);
      this.write({ jsonrpc: '2.0', id: message.id, result: result === undefined ? null : result });
    } catch (error) {
      this.write({ jsonrpc: '2.0', id: message.id,
        error: { code: error.code || ErrorCodes.InternalError, message: String(error.message || error) } });
    }
  }

  /** shutdown + exit, then kill the process if it lingers. */
  async stop(timeoutMs = 2000) {
    if (this.closed || !this.process) return;
    const exited = new Promise((resolve) => this.onClose(resolve));
    try {
      await Promise.race([this.request('shutdown', null), delay(timeoutMs)]);
    } catch (_) { /* the server may already be gone */ }
    this.notify('exit', null);
    const timer = setTimeout(() => { if (!this.closed) this.process.kill(); }, timeoutMs);
    await exited;
    clearTimeout(timer);
  }
}

function delay(ms) {
  return new Promise((resolve) => { const t = setTimeout(resolve, ms); if (t.unref) t.unref(); });
}

module.exports = { Connection, MessageReader, frame, ResponseError, ErrorCodes };
