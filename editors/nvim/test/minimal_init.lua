-- Minimal Neovim configuration for the end-to-end test (and a template for users):
--   JUESUAN_ROOT=<repo> JUESUAN_BIN=<juesuan> nvim --headless -u editors/nvim/test/minimal_init.lua
local root = vim.env.JUESUAN_ROOT or vim.fn.getcwd()
vim.opt.runtimepath:prepend(root .. '/editors/nvim')
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'
vim.cmd('filetype plugin indent on')
vim.cmd('syntax on')
if vim.env.JUESUAN_LSP == '1' then
  require('juesuan').setup({ cmd = { vim.env.JUESUAN_BIN or 'juesuan', 'lsp' } })
elseif vim.env.JUESUAN_LSP == 'auto' then
  -- nothing: plugin/juesuan.lua starts `juesuan lsp` found on PATH, as for a user who only
  -- copied editors/nvim into a package directory
else
  vim.g.juesuan_autostart = false
end
