-- lua_script.lua: the Lua checks run by lua_test.sh, natively and in an image.
local s = "Hello, Unikernel World"
print(s:upper(), s:len(), s:sub(8, 16), s:rep(2, "|"))
print(s:gsub("(%w+)", "<%1>"))
print(s:find("Uni"), s:match("(%a+) World"), ("%d-%s"):format(42, "x"))
local words = {}
for w in s:gmatch("%a+") do words[#words + 1] = w:lower() end
table.sort(words, function(a, b) return #a > #b or (#a == #b and a < b) end)
print(table.concat(words, ","), #words, select("#", 1, nil, 3))
local t = {x = 1, y = 2}
t.z = t.x + t.y
t[#t + 1] = "a"
print(t.z, #t, rawlen(t), next({}) == nil, table.unpack({1, 2, 3}))
local function counter()
    local n = 0
    return function(k) n = n + (k or 1); return n end
end
local c1, c2 = counter(), counter()
c1(); c1(5)
print(c1(), c2(), c2(10))
local gen = coroutine.create(function(a, b)
    local x = coroutine.yield(a + b)
    local y, z = coroutine.yield(x * 2)
    return y + z, "done"
end)
print(coroutine.resume(gen, 1, 2))
print(coroutine.resume(gen, 10))
print(coroutine.resume(gen, 3, 4))
print(coroutine.resume(gen), coroutine.status(gen))
print(math.pi, math.sqrt(2), math.floor(-3.5), math.ceil(3.2), 7 // 2,
      7.0 // 2, -7 % 3, 2 ^ 53, math.maxinteger, math.mininteger,
      math.huge, -math.huge, math.tointeger(3.0), 1e100, 0.1 + 0.2)
print(string.format("%.3f|%10.4e|%g|%g|%.17g|%a|%5.1f%%|%x|%q",
      math.pi, 12345.6789, 1e20, 1e-5, 0.1, 1.0, 99.44, 255, "a\nb"))
print(math.abs(math.sin(math.pi / 6) - 0.5) < 1e-12, math.exp(1),
      math.log(8, 2), math.fmod(7, 3), 3 | 5, 3 ~ 5, 1 << 62)
print(tonumber("0x1p4"), tonumber("  12  "), tonumber("z", 36),
      tostring(nil), tostring(1 / 0), 10 / 4, 3 == 3.0, math.type(1))
print(pcall(error, "plain"))
print(select(2, pcall(error, {code = 7})).code)
print(select(2, pcall(function() local x = nil; return x.y end)))
print(xpcall(function() error("deep", 0) end, function(m) return "h:" .. m end))
local ok, e = pcall(string.rep)
print(ok, e)
print(utf8.char(72, 228, 8364), utf8.len("häll€"), #"€")
local t0 = os.time()
print(math.type(t0), t0 > 1600000000,
      os.date("!%Y-%m-%d %H:%M:%S", 86400 * 365))
local c0 = os.clock()
local acc = 0
for i = 1, 300000 do acc = acc + i % 7 end
print(acc, os.clock() >= c0, type(os.clock()), os.getenv("NO_SUCH_VAR"))
local big = {}
for i = 1, 20000 do big[i] = tostring(i) end
print(#big, big[12345], collectgarbage("count") > 0)
