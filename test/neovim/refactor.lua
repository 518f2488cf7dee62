-- Neovim's built-in LSP client runs a codebook refactoring: waits for the
-- index (the unknown code's diagnostic), asks `workspace/executeCommand` marginalia.mergeCode,
-- lets Neovim apply the server's `workspace/applyEdit`, writes the buffers as JSON.
local root, cli, transcript, codebook, out = _G.arg_root, _G.arg_cli, _G.arg_transcript, _G.arg_codebook, _G.arg_out

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

local result = vim.lsp.buf_request_sync(buf, 'workspace/executeCommand', {
  command = 'marginalia.mergeCode',
  arguments = { { from = 'role_blur', into = 'role-blur' } },
}, 10000)
local answer
for _, res in pairs(result or {}) do answer = res.result or res.error end

local lines = function(path)
  local b = vim.fn.bufadd(path)
  vim.fn.bufload(b)
  return table.concat(vim.api.nvim_buf_get_lines(b, 0, -1, false), '\n')
end

local f = io.open(out, 'w')
f:write(vim.fn.json_encode({ waited = ok, answer = answer, transcript = lines(transcript), codebook = lines(codebook) }))
f:close()
vim.lsp.stop_client(client_id, true)
vim.cmd('qall!')
