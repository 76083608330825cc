-- One benchmark scenario for wrk: every request is a random line of a request file,
--   METHOD <tab> PATH <tab> TOKEN [<tab> JSON BODY]
-- so the load spreads over many people and children, each with their own token.
-- Usage: wrk ... -s src/bench/wrk/scenario.lua URL -- REQUEST_FILE RUN_ID
-- POSTs carry a unique Idempotency-Key, and "{n}" in a body becomes a unique request
-- number, so the rows a run creates can be counted in the database afterwards.
-- Prints one line: RESULT <req/s> <p50 ms> <p99 ms> <2xx> <non-2xx> <socket errors and timeouts>.

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  requests = {}
  for line in io.lines(args[1]) do
    local method, path, token, body = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)\t?(.*)$")
    table.insert(requests, { method, path, token, body })
  end
  run = args[2] or "run"
  math.randomseed(id * 7919)
  sent, ok, failed = 0, 0, 0
end

function request()
  if #requests == 0 then return wrk.request() end  -- a plain GET of the URL (the HTTP ceiling)
  local r = requests[math.random(#requests)]
  local headers = { ["Authorization"] = "Bearer " .. r[3] }
  local body = nil
  if r[1] == "POST" then
    sent = sent + 1
    local n = run .. "-" .. id .. "-" .. sent
    headers["Content-Type"] = "application/json"
    headers["Idempotency-Key"] = n
    body = r[4]:gsub("{n}", n)
  end
  return wrk.format(r[1], r[2], headers, body)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1 else failed = failed + 1 end
end

function done(summary, latency, requests)
  local total_ok, total_failed = 0, 0
  for _, t in ipairs(threads) do
    total_ok = total_ok + t:get("ok")
    total_failed = total_failed + t:get("failed")
  end
  local e = summary.errors
  io.write(string.format("RESULT %.0f %.1f %.1f %d %d %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    total_ok, total_failed, e.connect + e.read + e.write + e.timeout))
end
