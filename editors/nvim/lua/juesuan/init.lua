-- Juesuan (决算) for Neovim 0.7 and newer: starts `juesuan lsp` for every `juesuan` buffer.
--
--   require('juesuan').setup()                         -- juesuan on PATH
--   require('juesuan').setup({ cmd = { '/opt/juesuan/bin/juesuan', 'lsp' } })
--
-- Options (all optional):
--   cmd           command list (default { 'juesuan', 'lsp' })
--   root_markers  files/dirs that mark a project root (default { '.git' }); else the file's dir
--   on_attach     function(client, bufnr) called when the server attaches to a buffer
--   capabilities  client capabilities (e.g. from cmp_nvim_lsp.default_capabilities())
--   init_options  initializationOptions sent to the server (e.g. { catalog = '/path/x.tsv' })
--   settings      answered to workspace/configuration
--   autostart     start on FileType juesuan (default true)
--   render_open   function(path) that opens the page :JuesuanRender wrote (default: vim.ui.open
--                 on 0.10+, else xdg-open/open)
local M = {}

M.config = {
  cmd = { 'juesuan', 'lsp' },
  root_markers = { '.git' },
  autostart = true,
}

-- client id per root directory (Neovim 0.7 has no vim.lsp.start to reuse clients for us)
local clients = {}

local function find_root(bufnr, markers)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= '' and vim.fn.fnamemodify(name, ':p:h') or vim.fn.getcwd()
  local current = dir
  while current and current ~= '' do
    for _, marker in ipairs(markers or {}) do
      if vim.loop.fs_stat(current .. '/' .. marker) then
        return current
      end
    end
    local parent = vim.fn.fnamemodify(current, ':h')
    if parent == current then
      break
    end
    current = parent
  end
  return dir
end

local function client_config(root)
  local config = M.config
  return {
    name = 'juesuan',
    cmd = config.cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    capabilities = config.capabilities or vim.lsp.protocol.make_client_capabilities(),
    init_options = config.init_options,
    settings = config.settings or {},
    on_attach = config.on_attach,
    flags = { debounce_text_changes = 150 },
    handlers = config.handlers,
  }
end

--- Starts (or reuses) the server for `bufnr` and attaches it. Returns the client id.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if vim.fn.executable(M.config.cmd[1]) ~= 1 then
    vim.notify_once(
      string.format('juesuan: %s not found; put juesuan on PATH or pass cmd to setup()', M.config.cmd[1]),
      vim.log.levels.WARN
    )
    return nil
  end
  local root = find_root(bufnr, M.config.root_markers)
  if vim.lsp.start then -- Neovim 0.8+: reuses a running client with the same name and root
    return vim.lsp.start(client_config(root), { bufnr = bufnr })
  end
  local id = clients[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil or vim.lsp.client_is_stopped(id) then
    id = vim.lsp.start_client(client_config(root))
    clients[root] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

-- Buffer conveniences Neovim 0.7 does not set by itself: omnifunc completion and K for hover
-- (only when the user has no K mapping of their own). The omnifunc keeps the server's order and
-- its completion by name (lua/juesuan/complete.lua).
local function buffer_defaults(bufnr)
  vim.bo[bufnr].omnifunc = "v:lua.require'juesuan.complete'.omnifunc"
  if vim.fn.maparg('K', 'n') == '' then
    vim.keymap.set('n', 'K', vim.lsp.buf.hover, { buffer = bufnr, desc = 'Juesuan hover' })
  end
end

--- Configures the plugin and starts the server on every `juesuan` buffer.
function M.setup(opts)
  M.configured = true
  M.config = vim.tbl_deep_extend('force', M.config, opts or {})
  -- filetype detection also when the plugin is loaded without ftdetect/ on the runtimepath
  if vim.filetype and vim.filetype.add then
    vim.filetype.add({ extension = { juesuan = 'juesuan' } })
  else
    vim.cmd([[autocmd BufRead,BufNewFile *.juesuan setfiletype juesuan]])
  end
  if M.config.autostart then
    local group = vim.api.nvim_create_augroup('juesuan_lsp', { clear = true })
    vim.api.nvim_create_autocmd('FileType', {
      group = group,
      pattern = 'juesuan',
      callback = function(args)
        if M.attach(args.buf) then
          buffer_defaults(args.buf)
        end
      end,
    })
    -- buffers that were already open
    for _, buf in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(buf) and vim.bo[buf].filetype == 'juesuan' and M.attach(buf) then
        buffer_defaults(buf)
      end
    end
  end
  vim.api.nvim_create_user_command('JuesuanRestart', function()
    for root, id in pairs(clients) do
      vim.lsp.stop_client(id)
      clients[root] = nil
    end
    for _, client in ipairs(vim.lsp.get_active_clients()) do
      if client.name == 'juesuan' then
        client.stop()
      end
    end
    vim.defer_fn(function()
      for _, buf in ipairs(vim.api.nvim_list_bufs()) do
        if vim.api.nvim_buf_is_loaded(buf) and vim.bo[buf].filetype == 'juesuan' then
          M.attach(buf)
        end
      end
    end, 500)
  end, { desc = 'Restart the Juesuan language server' })
end

local function open_page(path)
  if M.config.render_open then
    return M.config.render_open(path)
  end
  if vim.ui and vim.ui.open then
    return vim.ui.open(path)
  end
  local opener = vim.fn.has('mac') == 1 and 'open' or 'xdg-open'
  if vim.fn.executable(opener) == 1 then
    vim.fn.jobstart({ opener, path }, { detach = true })
  else
    vim.notify('juesuan: 页面已写到 ' .. path, vim.log.levels.INFO)
  end
end

-- :JuesuanRender — the buffer's text (saved or not) through `juesuan render`, written to
-- NAME.html next to the file and opened. Returns the page's path, or nil.
function M.render(bufnr)
  if bufnr == nil or bufnr == 0 then
    bufnr = vim.api.nvim_get_current_buf()
  end
  local file = vim.api.nvim_buf_get_name(bufnr)
  if file == '' then
    vim.notify('juesuan: 请先给报告存盘（需要文件名）', vim.log.levels.ERROR)
    return nil
  end
  file = vim.fn.fnamemodify(file, ':p')
  local out = vim.fn.fnamemodify(file, ':r') .. '.html'
  local text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') .. '\n'
  local program = M.config.cmd[1]
  if vim.fn.executable(program) ~= 1 then
    vim.notify(string.format('juesuan: %s not found; put juesuan on PATH or pass cmd to setup()', program), vim.log.levels.ERROR)
    return nil
  end
  local messages = vim.fn.system({ program, 'render', '-', '--stdin-filename', file, '--allow-errors', '-o', out }, text)
  if vim.v.shell_error ~= 0 then
    vim.notify('juesuan render: ' .. messages, vim.log.levels.ERROR)
    return nil
  end
  if messages:find('个错误') then
    vim.notify('juesuan: 报告有错误，页面顶部印有提示，改正后再公开', vim.log.levels.WARN)
  end
  open_page(out)
  return out
end

return M
