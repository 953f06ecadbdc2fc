-- Omni completion (<C-x><C-o>) that shows the server's proposals as it ranked them.
--
-- Neovim 0.7's vim.lsp.omnifunc keeps only items whose inserted text starts with what was
-- typed; completion by name inserts `code  name` for a typed name (行政运行 → 2101501  行政运行),
-- so it would hide every one of them. This omnifunc asks once, synchronously, when Vim asks
-- where the completion starts, and returns the server's items in sortText order.
local M = {}

local pending = nil

local function byte_col(line, character, encoding)
  local ok, index = pcall(vim.lsp.util._str_byteindex_enc, line, character, encoding)
  if ok and index then
    return index
  end
  return vim.str_byteindex(line, character, encoding == 'utf-16')
end

local function request(bufnr)
  local params = vim.lsp.util.make_position_params()
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, 2000) or {}
  for client_id, response in pairs(responses) do
    local client = vim.lsp.get_client_by_id(client_id)
    if client and client.name == 'juesuan' and response.result then
      return vim.lsp.util.extract_completion_items(response.result), client.offset_encoding or 'utf-16'
    end
  end
  return {}, 'utf-16'
end

function M.omnifunc(findstart, base)
  local bufnr = vim.api.nvim_get_current_buf()
  if findstart == 1 then
    local cursor = vim.api.nvim_win_get_cursor(0)
    local line = vim.api.nvim_get_current_line()
    local col = cursor[2]
    local items, encoding = request(bufnr)
    table.sort(items, function(a, b)
      return (a.sortText or a.label) < (b.sortText or b.label)
    end)
    -- Where each item's edit starts (bytes); the completion starts at the earliest of them.
    local start = col
    for _, item in ipairs(items) do
      local edit = item.textEdit
      item._start = col
      if edit and edit.range and edit.range.start.line == cursor[1] - 1 then
        item._start = math.min(col, byte_col(line, edit.range.start.character, encoding))
      end
      start = math.min(start, item._start)
    end
    pending = { items = items, line = line, start = start }
    return start
  end
  local result = {}
  if pending then
    for _, item in ipairs(pending.items) do
      local text = item.textEdit and item.textEdit.newText or item.insertText or item.label
      -- Text between the common start and this item's own start stays as typed.
      local word = pending.line:sub(pending.start + 1, item._start) .. text
      local documentation = item.documentation
      if type(documentation) == 'table' then
        documentation = documentation.value
      end
      table.insert(result, {
        word = word,
        abbr = item.label,
        menu = item.detail or '',
        info = documentation or '',
        kind = vim.lsp.protocol.CompletionItemKind[item.kind] or '',
        icase = 1,
        dup = 1,
        empty = 1,
      })
    end
  end
  pending = nil
  return result
end

return M
