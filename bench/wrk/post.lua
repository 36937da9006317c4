-- wrk script: POSTs the JSON body in the file named by BODY, with the benchmark's key, and counts every answer that
-- is not 2xx as an error (wrk itself counts only socket errors and non-2xx/3xx in its summary line).
local body_file = os.getenv("BODY")
local f = assert(io.open(body_file, "rb"), "BODY must name a readable file")
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("BENCH_KEY") or "bench-key-not-secret")
