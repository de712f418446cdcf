-- wrk script: POST the GraphQL body in the environment variable BENCH_BODY (JSON), as the
-- Flutter app would. Used by run-bench for the catalog reads.
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/json"
-- BENCH_AUTH, when set, is sent as the Authorization header (a signed-in buyer: no whole
-- cached answers, only the domains' own caches).
local auth = os.getenv("BENCH_AUTH")
if auth and auth ~= "" then wrk.headers["Authorization"] = auth end
