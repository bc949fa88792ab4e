-- wrk script: POST /query with an offline question (the token comes from the environment).
wrk.method = "POST"
wrk.body   = '{"question": "What\'s current CPU?"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
