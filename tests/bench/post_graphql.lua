-- wrk script: POST the GraphQL body in the environment variable BENCH_BODY (JSON), as the
-- Flutter app would. Used by run-bench for the catalog reads.
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/json"
