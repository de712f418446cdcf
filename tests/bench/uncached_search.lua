-- wrk script: searchProducts with a text and two filters that are never in the cache: every
-- request asks for another price ceiling, so each one runs the full-text search and its count.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local n = 0
request = function()
  n = n + 1
  local body = string.format('{"query":"query S($q: String!, $c: String, $max: Float) { '
    .. 'searchProducts(query: $q, category: $c, maxPrice: $max, first: 20) { edges { node { id '
    .. 'name price vendor { id businessName } } } totalCount } }","variables":{"q":"shirts",'
    .. '"c":"Men","max":%d.%02d}}', 30 + math.floor(n / 100), n % 100)
  return wrk.format(nil, nil, nil, body)
end
