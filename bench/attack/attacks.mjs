// The attacks of issue 10 at the size they were first tried at, against a running `tatakerja
// serve`, each while a reader keeps asking for a public page: the reader's latency (p99, worst,
// failures) and the server's peak resident memory during the attack say whether it held.
// Node.js only (no package): raw sockets, so each client can come from its own loopback address
// (127.0.0.2 the attacker, 127.0.0.3 the real user, 127.0.0.4 the sign-in flood, 127.0.0.5 the
// reader).
//
//   node bench/attack/attacks.mjs --port P --pid SERVER_PID [--seconds 20] [--only NAME,...]
//
// Prints a Markdown table; exits 1 when an attack was not held (read p99 over 1 s, a read that
// failed, peak memory over 500 MB, or the real user locked out). bench/attack/run.sh starts the
// server on a copy of the demo database and calls this.
import fs from "node:fs";
import net from "node:net";

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .join(" ")
    .split("--")
    .filter(Boolean)
    .map((a) => a.trim().split(/\s+/)),
);
const PORT = Number(args.port);
const PID = Number(args.pid);
const SECONDS = Number(args.seconds ?? 20);
const ONLY = args.only ? args.only.split(",") : null;
const READ_P99_LIMIT_MS = 1000;
const RSS_LIMIT_MB = 500;

const ATTACKER = "127.0.0.2";
const USER = "127.0.0.3";
const FLOODER = "127.0.0.4";
const READER = "127.0.0.5";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// One HTTP/1.1 request on a new connection; resolves {status, headers, body, ms} or {error}.
function request({
  method = "GET",
  path,
  headers = {},
  body = "",
  from = READER,
  timeoutMs = 30000,
}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = net.connect({
      host: "127.0.0.1",
      port: PORT,
      localAddress: from,
    });
    let data = Buffer.alloc(0);
    let done = false;
    const finish = (r) => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve({ ...r, ms: performance.now() - started });
    };
    socket.setTimeout(timeoutMs, () => finish({ error: "timeout" }));
    socket.on("error", (e) => finish({ error: e.code ?? String(e) }));
    socket.on("connect", () => {
      const bodyBuf = Buffer.isBuffer(body) ? body : Buffer.from(body);
      let head = `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n`;
      for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
      if (method !== "GET") head += `Content-Length: ${bodyBuf.length}\r\n`;
      socket.write(head + "\r\n");
      if (bodyBuf.length) socket.write(bodyBuf);
    });
    socket.on("data", (chunk) => {
      data = Buffer.concat([data, chunk]);
    });
    socket.on("end", () => {
      const text = data.toString("latin1");
      const headEnd = text.indexOf("\r\n\r\n");
      if (headEnd < 0) return finish({ error: "no answer" });
      const lines = text.slice(0, headEnd).split("\r\n");
      const status = Number(lines[0].split(" ")[1]);
      const hdrs = {};
      for (const l of lines.slice(1)) {
        const i = l.indexOf(":");
        const k = l.slice(0, i).toLowerCase();
        hdrs[k] = hdrs[k]
          ? `${hdrs[k]}\n${l.slice(i + 1).trim()}`
          : l.slice(i + 1).trim();
      }
      finish({
        status,
        headers: hdrs,
        body: data
          .subarray(Buffer.byteLength(text.slice(0, headEnd + 4), "latin1"))
          .toString(),
      });
    });
  });
}

// Signs in as the web interface does: a 503 SIGN_IN_BUSY (every password hashing slot taken) is
// tried again after its Retry-After, up to three times.
async function signIn(username, password, from = USER) {
  let r;
  for (let attempt = 0; attempt < 4; ++attempt) {
    r = await signInOnce(username, password, from);
    if (!(r.status === 503 && r.body.includes("SIGN_IN_BUSY"))) break;
    await sleep(1000 * Number(r.headers["retry-after"] ?? 1));
  }
  if (r.status !== 200) return { ok: false, status: r.status ?? r.error };
  const cookie = (r.headers["set-cookie"] ?? "").split(";")[0];
  return { ok: true, cookie, csrf: JSON.parse(r.body).csrf_token };
}

function signInOnce(username, password, from) {
  return request({
    method: "POST",
    path: "/api/v1/auth/login",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password }),
    from,
  });
}

// The reader: a public page every 50 ms, each on a new connection, as long as `running()`.
async function reader(running, latencies, failures) {
  while (running()) {
    const r = await request({ path: "/api/v1/regions", timeoutMs: 10000 });
    if (r.status === 200) latencies.push(r.ms);
    else failures.push(r.error ?? r.status);
    await sleep(50);
  }
}

function rssMb() {
  try {
    const status = fs.readFileSync(`/proc/${PID}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  } catch {
    return NaN;
  }
}

function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

// Runs `attack(running)` for SECONDS while the reader reads and the memory is sampled.
async function measured(name, attack) {
  let on = true;
  const running = () => on;
  const latencies = [];
  const failures = [];
  let peak = rssMb();
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 100);
  const readerDone = reader(running, latencies, failures);
  const attackDone = attack(running);
  await sleep(SECONDS * 1000);
  on = false;
  const extra = (await attackDone) ?? {};
  await readerDone;
  clearInterval(sampler);
  return {
    name,
    reads: latencies.length,
    p99: percentile(latencies, 99),
    worst: latencies.length ? Math.max(...latencies) : NaN,
    failures: failures.length,
    peak,
    ...extra,
  };
}

// 1. Regulation previews by a registry admin, 4 at a time, of 30 MB of tiny articles.
async function previewFlood(running) {
  const s = await signIn("organisasi", "demo-organisasi-2026");
  if (!s.ok) return { note: `sign-in failed: ${s.status}` };
  let text =
    "PERATURAN BUPATI CONTOH NOMOR 1 TAHUN 2024 TENTANG SUSUNAN ORGANISASI\n";
  const parts = [];
  for (let n = 0, size = 0; size < 30e6; ++n) {
    const p = `Pasal ${(n % 9999) + 1}\nDinas dipimpin oleh Kepala Dinas.\n`;
    parts.push(p);
    size += p.length;
  }
  text += parts.join("");
  const body = Buffer.from(text);
  const answers = {};
  const one = async () => {
    while (running()) {
      const r = await request({
        method: "POST",
        path: "/api/v1/regulations/preview",
        headers: {
          Cookie: s.cookie,
          "X-CSRF-Token": s.csrf,
          "Content-Type": "text/plain",
        },
        body,
        from: ATTACKER,
        timeoutMs: 120000,
      });
      const k = r.status ?? r.error;
      answers[k] = (answers[k] ?? 0) + 1;
    }
  };
  await Promise.all([one(), one(), one(), one()]);
  return { note: `previews answered: ${JSON.stringify(answers)}` };
}

// 2. 40 anonymous connections, each sending a 31 MiB body to POST /regulations, slowly.
async function anonymousBodies(running) {
  const chunk = Buffer.alloc(1 << 20, 0x61);
  const sockets = [];
  let refusedEarly = 0;
  for (let i = 0; i < 40; ++i) {
    const socket = net.connect({
      host: "127.0.0.1",
      port: PORT,
      localAddress: ATTACKER,
    });
    socket.setMaxListeners(0);
    socket.on("error", () => {});
    socket.on("data", () => {
      refusedEarly += 1;
    });
    socket.on("connect", async () => {
      socket.write(
        "POST /api/v1/regulations HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n" +
          `Content-Length: ${31 * 1024 * 1024}\r\n\r\n`,
      );
      for (let m = 0; m < 31 && running() && !socket.destroyed; ++m) {
        if (!socket.write(chunk))
          await new Promise((r) => socket.once("drain", r).once("close", r));
      }
    });
    sockets.push(socket);
  }
  while (running()) await sleep(100);
  for (const s of sockets) s.destroy();
  return {
    note: `connections answered before their body was sent: ${refusedEarly}/40`,
  };
}

// 3. Wrong passwords for "admin" from the attacker's address, more than one a second; the real admin signs in
// from another address every 2 s and must get in every time.
async function lockout(running) {
  let userOk = 0;
  let userRefused = 0;
  const attacker = (async () => {
    while (running()) {
      await request({
        method: "POST",
        path: "/api/v1/auth/login",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ username: "admin", password: "salah-sekali" }),
        from: ATTACKER,
      });
      await sleep(700);
    }
  })();
  const user = (async () => {
    while (running()) {
      const s = await signIn("admin", "demo-admin-2026", USER);
      if (s.ok) {
        userOk += 1;
        await request({
          method: "POST",
          path: "/api/v1/auth/logout",
          headers: { Cookie: s.cookie, "X-CSRF-Token": s.csrf },
          from: USER,
        });
      } else {
        userRefused += 1;
      }
      await sleep(2000);
    }
  })();
  await Promise.all([attacker, user]);
  return {
    note: `real admin signed in ${userOk} of ${userOk + userRefused}`,
    lockedOut: userRefused > 0,
  };
}

// 4. 60 sign-ins at a time with a right password, without pause (Argon2id each, and a session
// and an audit entry for each that gets through).
async function signInFlood(running) {
  const answered = {};
  const one = async () => {
    while (running()) {
      const r = await request({
        method: "POST",
        path: "/api/v1/auth/login",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          username: "pegawai",
          password: "demo-pegawai-2026",
        }),
        from: FLOODER,
      });
      const k = r.status ?? r.error;
      answered[k] = (answered[k] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: 60 }, () => one()));
  return { note: `sign-ins answered: ${JSON.stringify(answered)}` };
}

// 5. 22,500 idle connections from one address.
async function idleConnections(running) {
  const sockets = [];
  let opened = 0;
  let failed = 0;
  for (let i = 0; i < 22500 && running(); ++i) {
    const socket = net.connect({
      host: "127.0.0.1",
      port: PORT,
      localAddress: ATTACKER,
    });
    socket.on("connect", () => (opened += 1));
    socket.on("error", () => (failed += 1));
    sockets.push(socket);
    if (i % 500 === 499) await sleep(50);
  }
  while (running()) await sleep(100);
  for (const s of sockets) s.destroy();
  return {
    note: `idle connections opened ${opened}, refused or failed ${failed}`,
  };
}

const ATTACKS = {
  "preview-flood": previewFlood,
  "anonymous-bodies": anonymousBodies,
  lockout,
  "sign-in-flood": signInFlood,
  "idle-connections": idleConnections,
};

const results = [];
for (const [name, attack] of Object.entries(ATTACKS)) {
  if (ONLY && !ONLY.includes(name)) continue;
  results.push(await measured(name, attack));
  await sleep(3000); // let the server settle between attacks
}

let held = true;
console.log(
  "| attack | reads | read p99 | worst read | failed reads | peak RSS | held | note |",
);
console.log("|---|---|---|---|---|---|---|---|");
for (const r of results) {
  const ok =
    r.p99 <= READ_P99_LIMIT_MS &&
    r.failures === 0 &&
    r.peak <= RSS_LIMIT_MB &&
    !r.lockedOut;
  held &&= ok;
  console.log(
    `| ${r.name} | ${r.reads} | ${r.p99.toFixed(0)} ms | ${r.worst.toFixed(0)} ms | ${r.failures} | ` +
      `${r.peak.toFixed(0)} MB | ${ok ? "yes" : "**no**"} | ${r.note ?? ""} |`,
  );
}
process.exit(held ? 0 : 1);
