-- wrk script: AllProducts first pages (20 products with vendor and category) that are never
-- in the cache: every request asks for another page size between 20 and 99 and a different
-- price ceiling, so each one goes to MariaDB (about 6 statements) and then fills the cache.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local n = 0
request = function()
  n = n + 1
  local body = string.format('{"query":"query AllProducts($filters: ProductFiltersInput, '
    .. '$pageCount: Int) { allProducts(filters: $filters, pageCount: $pageCount, pageNumber: 1) '
    .. '{ id name price category { id name } seller { id firstName lastName } } }",'
    .. '"variables":{"pageCount":20,"filters":{"max_price":%d.%02d}}}', 1000 + math.floor(n / 100), n % 100)
  return wrk.format(nil, nil, nil, body)
end
