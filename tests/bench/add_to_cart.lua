-- wrk script: a signed-in buyer's AddToCart (BENCH_BODY, the app's document with quantity null:
-- the smallest accepted quantity) alternating with ClearCart (BENCH_BODY2), so the line never
-- outgrows the stock; the Authorization header comes from BENCH_AUTH.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = os.getenv("BENCH_AUTH")
local add = os.getenv("BENCH_BODY")
local clear = os.getenv("BENCH_BODY2")
local n = 0
request = function()
  n = n + 1
  return wrk.format(nil, nil, nil, n % 2 == 1 and add or clear)
end
