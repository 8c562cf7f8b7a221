-- wrk script: POST /v1/attestations/verify, rotating over the
-- "number token" pairs listed one a line in the file given after `--`.
local bodies = {}
local n = 0

function init(args)
  for line in io.lines(args[1]) do
    local number, token = line:match("^(%S+) (%S+)$")
    if number then
      bodies[#bodies + 1] = '{"token":"' .. token .. '","number":"' .. number .. '"}'
    end
  end
end

function request()
  n = n % #bodies + 1
  return wrk.format("POST", "/v1/attestations/verify",
    { ["Content-Type"] = "application/json" }, bodies[n])
end
