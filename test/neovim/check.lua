-- Neovim's built-in LSP client (0.7+) against `marginalia lsp --stdio`:
-- waits for diagnostics, asks for completion after `{#`, writes both as JSON.
local root, cli, transcript, out = _G.arg_root, _G.arg_cli, _G.arg_transcript, _G.arg_out

local client_id = vim.lsp.start_client({
  name = 'marginalia',
  cmd = { 'node', cli, 'lsp', '--stdio' },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'project' } },
})

vim.cmd('edit ' .. transcript)
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, client_id)

local ok = vim.wait(15000, function()
  return #vim.diagnostic.get(buf) > 0
end, 50)

local diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(diagnostics, { line = d.lnum, col = d.col, severity = d.severity, message = d.message })
end

-- Type `[x]{#` on a new last line, then ask for completion at its end.
local last = vim.api.nvim_buf_line_count(buf)
vim.api.nvim_buf_set_lines(buf, last, last, false, { '[x]{#' })
local result = vim.lsp.buf_request_sync(buf, 'textDocument/completion', {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  position = { line = last, character = 5 },
}, 10000)

local labels = {}
for _, res in pairs(result or {}) do
  local items = res.result and (res.result.items or res.result) or {}
  for _, item in ipairs(items) do table.insert(labels, item.label) end
end
table.sort(labels)

local f = io.open(out, 'w')
f:write(vim.fn.json_encode({ waited = ok, diagnostics = diagnostics, completion = labels }))
f:close()
vim.lsp.stop_client(client_id, true)
vim.cmd('qall!')
