-- wrk script: GET /v1/numbers/{number}, rotating over the numbers listed
-- one a line in the file given after `--` (scripts/load.sh passes the
-- generator's verified.txt), so reads spread over the whole directory.
--
-- Every request is formatted once, in init(): wrk runs on the same cores
-- as the server, and formatting a request per call would charge the
-- client's Lua work to the lookup's side of the lookup / healthz ratio.
local requests = {}
local i = 0

function init(args)
  for line in io.lines(args[1]) do
    requests[#requests + 1] = wrk.format("GET", "/v1/numbers/" .. line)
  end
  -- Each wrk thread starts at its own place in the list.
  i = (id or 0) * 7919 % #requests
end

function request()
  i = i % #requests + 1
  return requests[i]
end
