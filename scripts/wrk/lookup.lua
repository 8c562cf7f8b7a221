-- wrk script: GET /v1/numbers/{number}, rotating over the numbers listed
-- one a line in the file given after `--` (scripts/load.sh passes the
-- generator's verified.txt), so reads spread over the whole directory.
local numbers = {}
local i = 0

function init(args)
  for line in io.lines(args[1]) do
    numbers[#numbers + 1] = line
  end
  -- Each wrk thread starts at its own place in the list.
  i = (id or 0) * 7919 % #numbers
end

function request()
  i = i % #numbers + 1
  return wrk.format("GET", "/v1/numbers/" .. numbers[i])
end
