-- wrk script: the people list's filters (issue 11): GET /api/v1/employees?limit=20 with one of
-- the filters the web interface sends, drawn at random: an agency, an agency and a kind, an
-- agency and a name word, a rank, a kind, a region and a rank. Agency ids 1..AGENCIES (default 40,
-- as `tatakerja generate` numbers them); signed in through COOKIE, like search.lua.
package.path = "bench/http/?.lua;" .. package.path
local common = require("common")
local agencies = tonumber(os.getenv("AGENCIES") or "40")
local ranks = { "II/a", "II/c", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/e" }
local words = { "budi", "siti", "agus", "dewi", "nur", "made", "sri", "andi" }

common.seed_each_thread()

request = function()
  local a = math.random(1, agencies)
  local r = ranks[math.random(1, #ranks)]
  local pick = math.random(1, 6)
  local q
  if pick == 1 then
    q = "agency_id=" .. a
  elseif pick == 2 then
    q = "agency_id=" .. a .. "&kind=" .. (math.random(1, 2) == 1 and "PNS" or "PPPK")
  elseif pick == 3 then
    q = "agency_id=" .. a .. "&q=" .. words[math.random(1, #words)]
  elseif pick == 4 then
    q = "rank=" .. r
  elseif pick == 5 then
    q = "kind=PPPK"
  else
    q = "region_id=1&rank=" .. r
  end
  return wrk.format("GET", "/api/v1/employees?limit=20&" .. q, common.headers())
end
