-- Run by Tests/editors/test_nvim.py inside headless Neovim: opens a report, records the
-- filetype, syntax groups, and (when JUESUAN_LSP=1) the diagnostics, a hover and a
-- completion the server sends, and writes them as JSON to $JUESUAN_OUT.
local out = { nvim = vim.version(), has_vim_lsp_start = vim.lsp.start ~= nil }
local function finish()
  local file = io.open(vim.env.JUESUAN_OUT, 'w')
  file:write(vim.fn.json_encode(out))
  file:close()
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.JUESUAN_FILE))
  local buf = vim.api.nvim_get_current_buf()
  out.filetype = vim.bo.filetype
  out.commentstring = vim.bo.commentstring
  out.syntax_name = vim.b.current_syntax

  -- syntax group at the first occurrence of each needle on a line (1-based line)
  out.syntax = {}
  for _, probe in ipairs(vim.fn.json_decode(vim.env.JUESUAN_PROBES)) do
    local line, needle = probe[1], probe[2]
    local text = vim.api.nvim_buf_get_lines(buf, line - 1, line, false)[1] or ''
    local col = string.find(text, needle, 1, true)
    local name = col and vim.fn.synIDattr(vim.fn.synID(line, col, 1), 'name') or 'NOT FOUND'
    table.insert(out.syntax, { line, needle, name })
  end

  if vim.env.JUESUAN_LSP ~= '1' and vim.env.JUESUAN_LSP ~= 'auto' then
    return
  end
  local function wait_diagnostics(predicate, what)
    local got = vim.wait(30000, function() return predicate(vim.diagnostic.get(buf)) end, 50)
    if not got then error('timed out waiting for ' .. what) end
  end
  wait_diagnostics(function(list) return #list > 0 end, 'diagnostics')
  out.clients = {}
  for _, client in pairs(vim.lsp.buf_get_clients(buf)) do
    table.insert(out.clients, client.name)
  end
  local function record(list)
    local result = {}
    for _, d in ipairs(list) do
      local lsp = d.user_data and d.user_data.lsp or {}
      table.insert(result, { lnum = d.lnum, col = d.col, severity = d.severity, message = d.message,
        code = d.code or lsp.code, source = d.source })
    end
    return result
  end
  out.diagnostics = record(vim.diagnostic.get(buf))
  out.omnifunc = vim.bo[buf].omnifunc
  out.k_mapped = vim.fn.maparg('K', 'n') ~= ''

  local uri = vim.uri_from_bufnr(buf)
  local function position_of(needle, add)
    for i, text in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
      local s = string.find(text, needle, 1, true)
      if s then
        -- LSP columns are UTF-16 code units
        local prefix = string.sub(text, 1, s - 1) .. string.sub(needle, 1, add or 0)
        return { line = i - 1, character = vim.str_utfindex(prefix) }
      end
    end
  end
  local at = position_of('20805    行政事业单位养老支出', 2)
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', { textDocument = { uri = uri }, position = at }, 10000)
  for _, response in pairs(hover or {}) do
    if response.result then out.hover = response.result end
  end
  at = position_of('20805    行政事业单位养老支出', 3)
  local completion = vim.lsp.buf_request_sync(buf, 'textDocument/completion', { textDocument = { uri = uri }, position = at }, 10000)
  out.completion = {}
  for _, response in pairs(completion or {}) do
    local items = response.result and (response.result.items or response.result) or {}
    for _, item in ipairs(items) do
      table.insert(out.completion, { label = item.label, detail = item.detail })
    end
  end

  -- an edit through the buffer (Neovim sends incremental changes): a wrong figure adds an error
  local function errors()
    return #vim.diagnostic.get(buf, { severity = vim.diagnostic.severity.ERROR })
  end
  local before = errors()
  out.errors_before = before
  local line = position_of('30101  基本工资', 0).line
  local text = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
  vim.api.nvim_buf_set_lines(buf, line, line + 1, false, { (string.gsub(text, '53%.74', '99.74')) })
  wait_diagnostics(function() return errors() > before end, 'a new error after the edit')
  out.after_edit = record(vim.diagnostic.get(buf, { severity = vim.diagnostic.severity.ERROR }))

  -- Completion by name, as a user does it: below an anchor row, `o`, type the text, <C-x><C-o>
  -- (the plugin's omnifunc), <C-y> accepts the first item; then the row and the server's hover.
  out.typed = {}
  for _, case in ipairs(vim.fn.json_decode(vim.env.JUESUAN_TYPE or '[]')) do
    local anchor, text = case[1], case[2]
    local row = position_of(anchor, 0).line + 1
    vim.api.nvim_win_set_cursor(0, { row, 0 })
    vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes('o' .. text .. '<C-x><C-o><C-y><Esc>', true, false, true), 'x', false)
    local written = vim.api.nvim_buf_get_lines(buf, row, row + 1, false)[1]
    local code_hover
    local responses = vim.lsp.buf_request_sync(buf, 'textDocument/hover',
      { textDocument = { uri = uri }, position = { line = row, character = 1 } }, 10000)
    for _, response in pairs(responses or {}) do
      if response.result then code_hover = response.result.contents.value or response.result.contents end
    end
    table.insert(out.typed, { anchor = anchor, typed = text, line = written, hover = code_hover })
  end
end)
if not ok then out.error = tostring(err) end
finish()
