-- wrk script: POST /query with an offline question, spreading the requests over BENCH_QUERY_TOKENS viewer
-- tokens (BENCH_QUERY_TOKEN_PREFIX .. i). The chat allows chat.rate_limit_per_minute questions per token
-- (at most 10,000): one token would be answered 429 after its first 10,000 questions, so run.sh configures 64
-- tokens (each refilled at 10,000 a minute) and the benchmark measures answers, not refusals.
local n = tonumber(os.getenv("BENCH_QUERY_TOKENS") or "1")
local prefix = os.getenv("BENCH_QUERY_TOKEN_PREFIX") or "bench-viewer-"
local body = '{"question": "What\'s current CPU?"}'
local i = math.random(0, n - 1)

request = function()
  i = (i + 1) % n
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. prefix .. i,
  }, body)
end
