-- Loaded at startup when editors/nvim is on the runtimepath (e.g. copied to
-- ~/.config/nvim/pack/juesuan/start/juesuan): starts `juesuan lsp` for *.juesuan buffers with
-- the defaults, unless init.lua already called require('juesuan').setup({...}) or set
-- vim.g.juesuan_autostart = false.
if vim.g.loaded_juesuan then
  return
end
vim.g.loaded_juesuan = true
vim.api.nvim_create_user_command('JuesuanRender', function()
  require('juesuan').render(0)
end, { desc = 'Render the report with juesuan render and open the page' })
if vim.g.juesuan_autostart == false or vim.g.juesuan_autostart == 0 then
  return
end
local juesuan = require('juesuan')
if not juesuan.configured then
  juesuan.setup()
end
