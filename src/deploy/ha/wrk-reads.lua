-- wrk: anonymous reads the map makes, spread over tiles and OGC items pages. done() prints how
-- many answers of each status wrk got ("status 200: n"), so a drill can tell 5xx from 4xx.
local paths = {}
local n = 0
local threads = {}
statuses = {}

setup = function(thread)
  table.insert(threads, thread)
end

init = function(args)
  for z16x = 53495, 53505 do
    table.insert(paths, "/ogcapi/tiles/WebMercatorQuad/16/26000/" .. z16x)
  end
  for i = 1, 5 do
    table.insert(paths, "/ogcapi/collections/communities/items?limit=10")
  end
end

request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for status, count in pairs(t:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  for status, count in pairs(total) do
    io.write(string.format("status %d: %d\n", status, count))
  end
end
