-- wrk script: GET PATH_PREFIX .. id .. PATH_SUFFIX with id drawn uniformly from 1..MAX_ID
-- (environment variables), so the server reads a different row on each request as real users do.
local prefix = os.getenv("PATH_PREFIX") or "/api/v1/positions/"
local suffix = os.getenv("PATH_SUFFIX") or ""
local max_id = tonumber(os.getenv("MAX_ID") or "1000")
local cookie = os.getenv("COOKIE")

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(seed or os.time())
end

request = function()
  local headers = {}
  if cookie and cookie ~= "" then headers["Cookie"] = cookie end
  return wrk.format("GET", prefix .. math.random(1, max_id) .. suffix, headers)
end
