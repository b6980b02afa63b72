-- What the wrk scripts of bench/http share (loaded with require; run.sh runs wrk from the
-- repository root): a different random seed per wrk thread, and the request headers, with the
-- session cookie from the COOKIE environment variable when given.
local common = {}

local cookie = os.getenv("COOKIE")

-- Installs wrk's setup() and init() so that each thread draws its own random sequence.
function common.seed_each_thread()
  function setup(thread)
    thread:set("seed", math.random(1, 1000000))
  end
  function init(args)
    math.randomseed(seed or os.time())
  end
end

function common.headers()
  local headers = {}
  if cookie and cookie ~= "" then headers["Cookie"] = cookie end
  return headers
end

return common
