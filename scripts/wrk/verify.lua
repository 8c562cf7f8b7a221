-- wrk script: POST /v1/attestations/verify, rotating over the
-- "number token" pairs listed one a line in the file given after `--`.
-- Each request is formatted once, in init(): the client's Lua work runs
-- on the same cores as the server it measures.
local requests = {}
local n = 0

function init(args)
  for line in io.lines(args[1]) do
    local number, token = line:match("^(%S+) (%S+)$")
    if number then
      requests[#requests + 1] = wrk.format("POST", "/v1/attestations/verify",
        { ["Content-Type"] = "application/json" },
        '{"token":"' .. token .. '","number":"' .. number .. '"}')
    end
  end
end

function request()
  n = n % #requests + 1
  return requests[n]
end
