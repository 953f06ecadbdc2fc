'use strict';
// Content-Length framing: lengths count UTF-8 bytes, messages may arrive split or batched.

const test = require('node:test');
const assert = require('node:assert/strict');
const { MessageReader, frame } = require('../lib/connection');

test('frame counts bytes, not characters', () => {
  const message = { jsonrpc: '2.0', method: 'x', params: { text: '决算 363.59万元' } };
  const framed = frame(message);
  const text = framed.toString('utf8');
  const length = Number(/^Content-Length: (\d+)\r\n\r\n/.exec(text)[1]);
  const body = JSON.stringify(message);
  assert.equal(length, Buffer.byteLength(body, 'utf8'));
  assert.notEqual(length, body.length, 'Chinese text makes bytes ≠ UTF-16 units');
  assert.equal(framed.length, `Content-Length: ${length}\r\n\r\n`.length + length);
});

test('a reader reassembles messages split anywhere, even inside a character', () => {
  const messages = [{ id: 1, result: '合计' }, { method: 'n', params: { s: '公开01 收入支出决算总表' } }, { id: 2, result: null }];
  const bytes = Buffer.concat(messages.map(frame));
  for (let size = 1; size <= 7; size++) {
    const reader = new MessageReader();
    const out = [];
    for (let i = 0; i < bytes.length; i += size) out.push(...reader.push(bytes.subarray(i, i + size)));
    assert.deepEqual(out.map((b) => JSON.parse(b)), messages, `chunks of ${size}`);
  }
});

test('a reader takes batched messages and extra headers', () => {
  const reader = new MessageReader();
  const body = JSON.stringify({ id: 3, result: '✓' });
  const raw = Buffer.from(`Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`, 'utf8');
  const out = reader.push(Buffer.concat([raw, frame({ id: 4 })]));
  assert.deepEqual(out.map((b) => JSON.parse(b).id), [3, 4]);
});

test('a malformed header is skipped', () => {
  const reader = new MessageReader();
  const out = reader.push(Buffer.concat([Buffer.from('Bogus: 1\r\n\r\n'), frame({ id: 5 })]));
  assert.deepEqual(out.map((b) => JSON.parse(b).id), [5]);
});
