'use strict';
// Juesuan for VS Code: registers nothing itself but the language client; the language, the
// grammar and the language configuration are contributed by package.json.

const vscode = require('vscode');
const { JuesuanClient, resolveServerPath, machineSetting } = require('./lib/client');
const { renderReport } = require('./lib/render');

let client = null;
let output = null;

function settings() {
  const config = vscode.workspace.getConfiguration('juesuan');
  const folders = vscode.workspace.workspaceFolders || [];
  const root = folders.length ? folders[0].uri.fsPath : undefined;
  const catalog = config.get('catalog');
  return {
    command: resolveServerPath(machineSetting(config, 'serverPath', 'juesuan'), root),
    args: ['lsp'],
    cwd: root,
    trace: config.get('trace.server') === 'messages',
    initializationOptions: catalog ? { catalog: resolveServerPath(catalog, root) } : {},
  };
}

async function startClient(context) {
  const options = settings();
  const extension = context && context.extension;
  const version = extension && extension.packageJSON ? extension.packageJSON.version : undefined;
  const next = new JuesuanClient(vscode, { ...options, output, version });
  try {
    await next.start();
    client = next;
  } catch (error) {
    await next.stop().catch(() => {});
    const reason = error && error.code === 'ENOENT'
      ? `找不到 ${options.command}（juesuan not found）。请把 juesuan 放到 PATH 上，或设置 juesuan.serverPath。`
      : `Juesuan language server failed to start: ${error && error.message}`;
    output.appendLine(reason);
    vscode.window.showErrorMessage(reason, 'Open Settings').then((choice) => {
      if (choice) vscode.commands.executeCommand('workbench.action.openSettings', 'juesuan.serverPath');
    });
  }
  return client;
}

async function restart(context) {
  const previous = client;
  client = null;
  if (previous) await previous.stop();
  return startClient(context);
}

/** Renders the active .juesuan report to NAME.html beside it and opens that in the browser. */
async function renderActive() {
  const editor = vscode.window.activeTextEditor;
  const document = editor && editor.document;
  if (!document || document.languageId !== 'juesuan' || document.uri.scheme !== 'file') {
    vscode.window.showWarningMessage('请先打开一个已存盘的 .juesuan 报告。');
    return undefined;
  }
  const { command, cwd } = settings();
  let result;
  try {
    result = await renderReport(command, document.uri.fsPath, document.getText(), cwd);
  } catch (error) {
    vscode.window.showErrorMessage(`无法运行 ${command}：${error && error.message}`);
    return undefined;
  }
  if (result.status !== 0) {
    vscode.window.showErrorMessage(`juesuan render 失败：${result.stderr.trim()}`);
    return undefined;
  }
  if (/个错误/.test(result.stderr)) vscode.window.showWarningMessage('报告有错误：页面顶部印有提示，改正后再公开。');
  await vscode.env.openExternal(vscode.Uri.file(result.output));
  return result.output;
}

async function activate(context) {
  output = vscode.window.createOutputChannel('Juesuan');
  context.subscriptions.push(output);
  context.subscriptions.push(vscode.commands.registerCommand('juesuan.restartServer', () => restart(context)));
  context.subscriptions.push(vscode.commands.registerCommand('juesuan.showOutput', () => output.show(true)));
  context.subscriptions.push(vscode.commands.registerCommand('juesuan.render', () => renderActive()));
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration('juesuan.serverPath') || event.affectsConfiguration('juesuan.catalog')
      || event.affectsConfiguration('juesuan.trace.server')) {
      restart(context);
    }
  }));
  await startClient(context);
  return { get client() { return client; } };
}

async function deactivate() {
  if (client) {
    const stopping = client;
    client = null;
    await stopping.stop();
  }
}

module.exports = { activate, deactivate };
