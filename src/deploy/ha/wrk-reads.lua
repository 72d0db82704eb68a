-- wrk: anonymous reads the map makes, spread over tiles and OGC items pages.
local paths = {}
local n = 0
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
