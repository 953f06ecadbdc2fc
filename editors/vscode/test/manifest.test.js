'use strict';
// package.json as VS Code reads it from the repository (the extension run from source, not only
// from the .vsix): every path it names exists; serverPath is machine-scoped and read that way.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { ROOT } = require('./support/helpers');
const { machineSetting } = require('../lib/client');

const EXT = path.join(ROOT, 'editors', 'vscode');
const pkg = JSON.parse(fs.readFileSync(path.join(EXT, 'package.json'), 'utf8'));

test('every path in package.json exists in the repository', () => {
  const paths = [pkg.main, ...pkg.contributes.grammars.map((g) => g.path), ...pkg.contributes.languages.map((l) => l.configuration)];
  for (const p of paths) assert.ok(fs.existsSync(path.join(EXT, p)), `${p} is missing from editors/vscode`);
  // The extension's grammar is the generated one (scripts/generate-tmlanguage.py writes both).
  assert.deepEqual(fs.readFileSync(path.join(EXT, pkg.contributes.grammars[0].path)),
    fs.readFileSync(path.join(ROOT, 'grammar', 'juesuan.tmLanguage.json')));
});

test('serverPath is machine-scoped and a workspace value is never used', () => {
  assert.equal(pkg.contributes.configuration.properties['juesuan.serverPath'].scope, 'machine');
  const config = (values) => ({ inspect: () => values, get: () => values.workspaceValue });
  assert.equal(machineSetting(config({ defaultValue: 'juesuan', workspaceValue: './evil.sh' }), 'serverPath', 'juesuan'), 'juesuan');
  assert.equal(machineSetting(config({ defaultValue: 'juesuan', workspaceFolderValue: '/tmp/x', globalValue: '/opt/j/bin/juesuan' }), 'serverPath', 'juesuan'),
    '/opt/j/bin/juesuan');
  // A configuration without inspect (the stand-in vscode of the other tests) falls back to get.
  assert.equal(machineSetting({ get: (k, f) => f }, 'serverPath', 'juesuan'), 'juesuan');
});

test('juesuan.catalog is declared and passed to the server', () => {
  assert.ok(pkg.contributes.configuration.properties['juesuan.catalog']);
  const source = fs.readFileSync(path.join(EXT, 'extension.js'), 'utf8');
  assert.match(source, /initializationOptions: catalog \? \{ catalog:/);
});
