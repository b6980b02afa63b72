-- wrk script: sign-ins with a random user name from a random client address (X-Forwarded-For,
-- believed because the server trusts 127.0.0.1 as its reverse proxy), as a botnet would send them.
-- Each one that is not throttled costs the server a password hash.
math.randomseed(os.time())
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  local user = string.format("pengguna%06d", math.random(0, 999999))
  local addr = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255),
    math.random(1, 254))
  wrk.headers["X-Forwarded-For"] = addr
  return wrk.format(nil, "/api/v1/auth/login", nil,
    '{"username":"' .. user .. '","password":"tebakan-acak-' .. math.random(0, 999999) .. '"}')
end
local statuses = {}
response = function(status)
  statuses[status] = (statuses[status] or 0) + 1
end
done = function()
  -- Per-thread tables are not merged by wrk; the summary below is enough for the report.
end
