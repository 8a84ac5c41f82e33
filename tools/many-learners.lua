-- wrk script: each request from another address (X-Forwarded-For; run the app with NUM_PROXIES=1),
-- so the throttles run at their real rates without refusing the load.
local counter = 0
request = function()
  counter = counter + 1
  local address = string.format("10.%d.%d.%d", counter % 200, math.floor(counter / 200) % 250, math.random(1, 250))
  return wrk.format(nil, nil, { ["X-Forwarded-For"] = address })
end
