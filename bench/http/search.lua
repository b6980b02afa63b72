-- wrk script: people search (GET /api/v1/employees?q=WORD) with the query drawn from a list of
-- common Indonesian name prefixes; signed in through the COOKIE environment variable (personal
-- data is for signed-in users only).
local words = { "budi", "siti", "agus", "dewi", "yohanes", "maria", "rahmat", "nur", "made",
  "putu", "ahmad", "sri", "andi", "lestari", "hendra", "fransiskus", "wayan", "ketut", "dian",
  "eko", "yuli", "rudi", "fitri", "tan", "benediktus", "sitorus", "nainggolan", "pratama" }
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
  local q = words[math.random(1, #words)]
  return wrk.format("GET", "/api/v1/employees?limit=20&q=" .. q, headers)
end
