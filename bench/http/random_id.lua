-- wrk script: GET PATH_PREFIX .. id .. PATH_SUFFIX with id drawn uniformly from 1..MAX_ID
-- (environment variables), so the server reads a different row on each request as real users do.
package.path = "bench/http/?.lua;" .. package.path
local common = require("common")
local prefix = os.getenv("PATH_PREFIX") or "/api/v1/positions/"
local suffix = os.getenv("PATH_SUFFIX") or ""
local max_id = tonumber(os.getenv("MAX_ID") or "1000")

common.seed_each_thread()

request = function()
  return wrk.format("GET", prefix .. math.random(1, max_id) .. suffix, common.headers())
end
