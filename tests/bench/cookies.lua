-- wrk script for `make bench`: keep-alive GETs of one path, each request with
-- the next Cookie header of a file (one header value a line), so the server
-- sees many distinct sessions, not one hot row.  The requests are built once
-- per thread: formatting them per request would cost the load generator more
-- than some of the servers it measures.
--   wrk -c32 -d10s --latency -s cookies.lua URL -- COOKIE_FILE
-- done() prints one machine-readable line: BENCH key=value ...

local threads = {}

function setup(thread)
	table.insert(threads, thread)
end

function init(args)
	local file = args[1]
	local reqs = {}
	for line in io.lines(file) do
		if #line > 0 then
			reqs[#reqs + 1] = wrk.format("GET", wrk.path, { ["Cookie"] = line })
		end
	end
	assert(#reqs > 0, "no cookies in " .. tostring(file))
	-- Each thread starts at a different cookie.
	local start = math.random(#reqs)
	local i = start
	request = function()
		i = i % #reqs + 1
		return reqs[i]
	end
end

function done(summary, latency, requests)
	local e = summary.errors
	io.write(string.format(
		"BENCH requests=%d duration_us=%d bytes=%d rps=%.1f p50_us=%d p99_us=%d mean_us=%.1f max_us=%d errors=%d status_errors=%d\n",
		summary.requests, summary.duration, summary.bytes,
		summary.requests / (summary.duration / 1e6),
		latency:percentile(50), latency:percentile(99), latency.mean, latency.max,
		e.connect + e.read + e.write + e.timeout, e.status))
end
