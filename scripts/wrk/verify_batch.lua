-- wrk script: POST /v1/attestations/verify/batch with a number of tokens
-- per request. Arguments after `--`: the "number token" file (as for
-- verify.lua) and how many tokens per request (default 100). 16 bodies are
-- built once, in init(), and sent in turn.
local bodies = {}
local n = 0

function init(args)
  local checks = {}
  for line in io.lines(args[1]) do
    local number, token = line:match("^(%S+) (%S+)$")
    if number then
      checks[#checks + 1] = '{"token":"' .. token .. '","number":"' .. number .. '"}'
    end
  end
  local per = tonumber(args[2] or "100")
  local k = 0
  for b = 1, 16 do
    local parts = {}
    for i = 1, per do
      k = k % #checks + 1
      parts[i] = checks[k]
    end
    bodies[b] = wrk.format("POST", "/v1/attestations/verify/batch",
      { ["Content-Type"] = "application/json" },
      '{"tokens":[' .. table.concat(parts, ",") .. ']}')
  end
end

function request()
  n = n % #bodies + 1
  return bodies[n]
end
