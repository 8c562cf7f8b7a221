-- wrk script: POST /v1/numbers/lookup with address books of 1000 numbers.
-- Arguments after `--`: a file of listed numbers, a file of unlisted valid
-- numbers, and how many of each 1000 are listed. 16 different bodies are
-- built once and sent in turn.
local bodies = {}
local n = 0

function init(args)
  local listed, unlisted = {}, {}
  for line in io.lines(args[1]) do listed[#listed + 1] = line end
  for line in io.lines(args[2]) do unlisted[#unlisted + 1] = line end
  local per = tonumber(args[3])
  local li, ui = 0, 0
  for b = 1, 16 do
    local parts = {}
    for k = 1, 1000 do
      local number
      -- Spread the listed numbers through the book.
      if (k * per) % 1000 < per then
        li = li % #listed + 1
        number = listed[li]
      else
        ui = ui % #unlisted + 1
        number = unlisted[ui]
      end
      parts[k] = '"' .. number .. '"'
    end
    bodies[b] = '{"numbers":[' .. table.concat(parts, ",") .. ']}'
  end
end

function request()
  n = n % #bodies + 1
  return wrk.format("POST", "/v1/numbers/lookup",
    { ["Content-Type"] = "application/json" }, bodies[n])
end
