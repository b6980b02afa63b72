-- wrk script: people search (GET /api/v1/employees?q=WORD) with the query drawn from a list of
-- common Indonesian name prefixes; signed in through the COOKIE environment variable (personal
-- data is for signed-in users only).
package.path = "bench/http/?.lua;" .. package.path
local common = require("common")
local words = { "budi", "siti", "agus", "dewi", "yohanes", "maria", "rahmat", "nur", "made",
  "putu", "ahmad", "sri", "andi", "lestari", "hendra", "fransiskus", "wayan", "ketut", "dian",
  "eko", "yuli", "rudi", "fitri", "tan", "benediktus", "sitorus", "nainggolan", "pratama" }

common.seed_each_thread()

request = function()
  local q = words[math.random(1, #words)]
  return wrk.format("GET", "/api/v1/employees?limit=20&q=" .. q, common.headers())
end
