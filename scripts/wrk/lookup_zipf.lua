-- wrk script: GET /v1/numbers/{number} over the numbers listed one a line
-- in the file given after `--`, picked with a Zipf-like skew (s = 1): the
-- number of rank r (its line) is asked for with a probability proportional
-- to 1/r, as real lookups favour popular businesses. A rank is
-- exp(u * ln N) for a uniform u, so P(rank <= r) = ln r / ln N.
-- Requests are formatted once, in init().
local requests = {}
local log_n = 0

function init(args)
  for line in io.lines(args[1]) do
    requests[#requests + 1] = wrk.format("GET", "/v1/numbers/" .. line)
  end
  log_n = math.log(#requests)
  math.randomseed(1125 + (id or 0))
end

function request()
  local rank = math.floor(math.exp(math.random() * log_n))
  if rank > #requests then rank = #requests end
  return requests[rank]
end
