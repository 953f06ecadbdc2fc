'use strict';
// Packages the extension with scripts/package-vscode.py and checks what is inside the .vsix.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { ROOT } = require('./support/helpers');

const PYTHON = process.env.PYTHON || 'python3';

/** name → bytes of every entry of a zip, read with Python's zipfile (no npm). */
function unzip(file) {
  const script = 'import base64,json,sys,zipfile\n'
    + 'z=zipfile.ZipFile(sys.argv[1])\n'
    + 'print(json.dumps({n: base64.b64encode(z.read(n)).decode() for n in z.namelist()}))';
  const listing = JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  return Object.fromEntries(Object.entries(listing).map(([n, b]) => [n, Buffer.from(b, 'base64')]));
}

test('the .vsix holds the manifest, the grammar and the client', { timeout: 60000 }, () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-vsix-'));
  try {
    const printed = execFileSync(PYTHON, [path.join(ROOT, 'scripts', 'package-vscode.py'), '--out', out], { encoding: 'utf8' }).trim();
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'editors', 'vscode', 'package.json'), 'utf8'));
    const file = path.join(out, `juesuan-${pkg.version}.vsix`);
    assert.equal(printed, file);
    const entries = unzip(file);
    const names = Object.keys(entries);

    for (const name of ['[Content_Types].xml', 'extension.vsixmanifest', 'extension/package.json', 'extension/extension.js',
      'extension/lib/client.js', 'extension/lib/connection.js', 'extension/lib/convert.js',
      'extension/language-configuration.json', 'extension/syntaxes/juesuan.tmLanguage.json', 'extension/README.md']) {
      assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
    }
    assert.ok(!names.some((n) => n.includes('/test/')), 'no tests in the package');
    assert.ok(!names.some((n) => n.includes('node_modules')), 'no node_modules');

    const manifest = entries['extension.vsixmanifest'].toString('utf8');
    assert.match(manifest, new RegExp(`<Identity [^>]*Id="juesuan" Version="${pkg.version}" Publisher="${pkg.publisher}"`));
    assert.match(manifest, /Microsoft\.VisualStudio\.Code\.Engine" Value="\^1\.\d+\.\d+"/);
    assert.match(manifest, /Type="Microsoft\.VisualStudio\.Code\.Manifest" Path="extension\/package\.json"/);
    const types = entries['[Content_Types].xml'].toString('utf8');
    for (const ext of ['.json', '.js', '.md', '.vsixmanifest']) assert.ok(types.includes(`Extension="${ext}"`), ext);

    // the packaged package.json points at files that are in the package
    const packaged = JSON.parse(entries['extension/package.json'].toString('utf8'));
    assert.deepEqual(packaged, pkg);
    assert.ok(names.includes(`extension/${packaged.main.replace(/^\.\//, '')}`));
    const grammarPath = `extension/${packaged.contributes.grammars[0].path.replace(/^\.\//, '')}`;
    assert.deepEqual(entries[grammarPath], fs.readFileSync(path.join(ROOT, 'grammar', 'juesuan.tmLanguage.json')));
    assert.equal(JSON.parse(entries[grammarPath].toString('utf8')).scopeName, packaged.contributes.grammars[0].scopeName);
    assert.ok(names.includes(`extension/${packaged.contributes.languages[0].configuration.replace(/^\.\//, '')}`));
    assert.deepEqual(packaged.contributes.languages[0].extensions, ['.juesuan']);
    assert.equal(packaged.contributes.configuration.properties['juesuan.serverPath'].default, 'juesuan');
    assert.equal(packaged.dependencies, undefined, 'no npm dependencies');

    // the language configuration: // comments, （）【】 brackets, auto-closing “” and （）
    const config = JSON.parse(entries['extension/language-configuration.json'].toString('utf8'));
    assert.equal(config.comments.lineComment, '//');
    for (const pair of [['（', '）'], ['【', '】']]) assert.ok(config.brackets.some((b) => b[0] === pair[0] && b[1] === pair[1]), pair.join(''));
    for (const [open, close] of [['“', '”'], ['（', '）']]) {
      assert.ok(config.autoClosingPairs.some((p) => p.open === open && p.close === close), open + close);
    }

    // every file the extension requires is packaged: load it from the unpacked copy
    const unpacked = path.join(out, 'unpacked');
    for (const [name, data] of Object.entries(entries)) {
      const target = path.join(unpacked, name);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, data);
    }
    const fake = require('./support/fake-vscode');
    fake.install();
    const extension = require(path.join(unpacked, 'extension', 'extension.js'));
    assert.equal(typeof extension.activate, 'function');
    assert.equal(typeof extension.deactivate, 'function');
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
