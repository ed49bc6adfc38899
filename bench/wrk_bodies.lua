-- wrk script for bench/run.py's endpoints that send a JSON body (the order benchmarks).
--
-- Every request is BENCH_METHOD (default POST) to the URL's path, with `Authorization: Bearer BENCH_TOKEN`
-- and a body drawn at random from BENCH_BODIES (one JSON document per line; a single line means every
-- request sends the same body). math.random is seeded per thread, so the two threads draw different sequences.
-- The answers are counted per HTTP status and printed at the end as one line:
--     statuses: 201=1234 409=567
-- (wrk itself only reports "Non-2xx or 3xx responses"; bench/run.py needs to tell a 409 from a 500).
--
-- BENCH_BODIES_FILE, when set, names a file to read the bodies from instead (one a line), for more bodies
-- than an environment variable can hold (the redemption benchmarks: 2,000 cards).
-- Every "@KEY@" in a body is replaced by a key unique to the request (idempotency keys):
--     BENCH_KEY_PREFIX-<thread>-<counter>   (the prefix defaults to the time; bench/run.py sets it per run)
--
-- Usage: BENCH_TOKEN=… BENCH_BODIES='{"items": …}' wrk -t2 -c32 -d10s --latency -s bench/wrk_bodies.lua URL

local method = os.getenv("BENCH_METHOD") or "POST"
local headers = {
   ["Content-Type"] = "application/json",
   ["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or ""),
}
local bodies = {}
local bodies_text = os.getenv("BENCH_BODIES") or ""
local bodies_file = os.getenv("BENCH_BODIES_FILE")
if bodies_file and bodies_file ~= "" then
   local file = assert(io.open(bodies_file, "r"))
   bodies_text = file:read("*a")
   file:close()
end
for line in string.gmatch(bodies_text, "[^\n]+") do
   bodies[#bodies + 1] = line
end
-- BENCH_TOKENS (one bearer token a line), when set, gives each request a token drawn at random: many users.
local tokens = {}
for line in string.gmatch(os.getenv("BENCH_TOKENS") or "", "[^\n]+") do
   tokens[#tokens + 1] = line
end
local key_prefix = os.getenv("BENCH_KEY_PREFIX") or tostring(os.time())
local keyed = false  -- whether any body holds the placeholder
for _, body in ipairs(bodies) do
   if string.find(body, "@KEY@", 1, true) then
      keyed = true
   end
end
local sent = 0  -- per thread: requests built so far, for the unique keys

local threads = {}  -- in the main Lua state: every thread, to collect their counts in done()
statuses = {}       -- in each thread's Lua state: status -> number of answers

function setup(thread)
   threads[#threads + 1] = thread
   thread:set("thread_no", #threads)
end

function init(args)
   if #bodies == 0 then
      error("BENCH_BODIES is empty: nothing to send")
   end
   math.randomseed(os.time() * 100 + thread_no)
end

function request()
   local body = bodies[math.random(#bodies)]
   if keyed then
      sent = sent + 1
      local key = key_prefix .. "-" .. thread_no .. "-" .. sent
      body = string.gsub(body, "@KEY@", function() return key end)
   end
   if #tokens > 0 then
      headers["Authorization"] = "Bearer " .. tokens[math.random(#tokens)]
   end
   return wrk.format(method, nil, headers, body)
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
   local total = {}
   for _, thread in ipairs(threads) do
      for status, count in pairs(thread:get("statuses")) do
         total[status] = (total[status] or 0) + count
      end
   end
   local keys = {}
   for status in pairs(total) do
      keys[#keys + 1] = status
   end
   table.sort(keys)
   local parts = {}
   for _, status in ipairs(keys) do
      parts[#parts + 1] = status .. "=" .. total[status]
   end
   io.write("statuses: " .. table.concat(parts, " ") .. "\n")
end
