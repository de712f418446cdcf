-- wrk script: a mix of searches as shoppers type them (words from the demo catalog's
-- vocabulary, alone and together, with and without filters and sorts), never in the cache
-- (each request asks for another price ceiling), so every one runs the search engine, its
-- count and its page. Run on one connection it measures the latency a shopper sees; done()
-- prints the 50th, 95th and 99th percentiles in milliseconds for run-bench.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local words = { "shirts", "jeans", "classic", "premium", "black", "navy", "organic",
  "northwind", "kestrel", "jackets", "dresses", "heritage shirts", "black jeans",
  "essential", "weekend", "phone", "kitchen", "toys", "wholesale", "trade" }
local filters = { '', ',"c":"Men"', ',"min":12.5', ',"c":"Women","min":5', ',"stock":true' }
local sorts = { "NEWEST", "PRICE_LOW_TO_HIGH", "RELEVANCE", "MOST_POPULAR", "PRICE_HIGH_TO_LOW" }
local n = 0
request = function()
  n = n + 1
  local w = words[n % #words + 1]
  local f = filters[math.floor(n / #words) % #filters + 1]
  local s = sorts[math.floor(n / 7) % #sorts + 1]
  local body = string.format('{"query":"query S($q: String!, $c: String, $min: Float, '
    .. '$max: Float, $s: String, $stock: Boolean) { searchProducts(query: $q, category: $c, '
    .. 'minPrice: $min, maxPrice: $max, sortBy: $s, inStock: $stock, first: 20) { edges { '
    .. 'node { id name price vendor { id businessName } } } totalCount } }","variables":{'
    .. '"q":"%s","s":"%s","max":%d.%02d%s}}', w, s, 200 + math.floor(n / 100), n % 100, f)
  return wrk.format(nil, nil, nil, body)
end
done = function(summary, latency, requests)
  io.write(string.format("search-mix p50 %.2f p95 %.2f p99 %.2f errors %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect +
    summary.errors.read + summary.errors.timeout))
end
