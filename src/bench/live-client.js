'use strict';
/*
 * Load client for live events (GET /api/v1/me/events, Server-Sent Events): many open streams
 * in one process. Driven by src/bench/live-idle.sh and src/bench/live-fanout.sh; run alone:
 *
 *   node src/bench/live-client.js idle --people FILE --base URL --pid APP_PID --metrics URL
 *       [--streams 10000] [--steps 4] [--hold 60] [--concurrency 64] [--histogram FILE]
 *   node src/bench/live-client.js fanout --people FILE --children FILE --bases URL,URL
 *       [--rates 0.25,2.5] [--duration 120] [--warmup 0] [--warmup-rate 20] [--drain 15]
 *       [--concurrency 32] [--out PREFIX]
 *
 * Both need BENCH_KEY (the issuer's private key, PEM file) and BENCH_ISSUER in the environment:
 * tokens are minted here, one RS256 token per person, exactly as lib.sh's mint_token does (the
 * shell would need two openssl processes per token, minutes for ten thousand people).
 * FILE formats (tab-separated): people: subject, role, name; children: child id, team
 * conversation id, comma-separated subjects of the child's current team.
 *
 * Why Node: one event loop holds ten thousand idle sockets for a few kilobytes each, with no
 * thread per stream, and its `http` module exposes the response as it streams, so the client
 * stays small beside the app it measures (a JVM client would add its own heap and JIT to the
 * machine's two cores). One Agent with keepAlive and no socket limit carries everything.
 *
 * idle: opens the streams in steps (people round-robin, so each person holds streams/people
 * of them), waits until every stream of a step has its ":live" comment, and after each step
 * prints the app's RSS, threads and file descriptors (/proc/PID) and its own count of open
 * streams (the smallwins_live_streams gauge). Then it holds them for --hold seconds, counting
 * heartbeats and streams the server ended, measures the heap in use after a full GC (jcmd
 * GC.run, GC.heap_info; with --histogram, the top of GC.class_histogram goes to FILE),
 * closes every stream, waits for the app to notice, and measures the heap again. Lines:
 * STEP, HOLD, HEAP, CLOSED, RESULT (see the end of idle()).
 *
 * fanout: opens one stream per person, alternating between the bases (nodes), posts for
 * --warmup seconds at --warmup-rate without counting (the app's JIT), then for each
 * rate posts team messages to random children at that average rate (Poisson arrivals, each
 * POST sent to the next node in turn, by a random member of the child's team) for --duration
 * seconds, waits --drain seconds, and matches every message.posted event to its POST by
 * messageId. Latency of a (message, stream) pair: from just before the POST was sent to the
 * event's arrival on that stream. Every stream of a member of the child must get the message
 * once; missing, duplicated and unexpected deliveries are counted. Raw pairs go to
 * PREFIX-RATE.tsv. Lines: RESULT rate ... (see report()).
 */
const http = require('http');
const crypto = require('crypto');
const fs = require('fs');
const { execFileSync } = require('child_process');

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

function options(argv) {
  const o = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) throw new Error(`bad option ${argv[i]}`);
    o[argv[i].slice(2)] = argv[i + 1];
  }
  return o;
}

function need(o, ...names) {
  for (const n of names) if (o[n] === undefined) throw new Error(`--${n} is required`);
}

const tsv = (file) => fs.readFileSync(file, 'utf8').split('\n').filter((l) => l).map((l) => l.split('\t'));
const b64url = (x) => Buffer.from(x).toString('base64url');
const now = () => Number(process.hrtime.bigint()) / 1e6; // ms, monotonic
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The same claims as lib.sh's mint_token.
const KEY = process.env.BENCH_KEY && crypto.createPrivateKey(fs.readFileSync(process.env.BENCH_KEY));
function token(subject, role, name) {
  const iat = Math.floor(Date.now() / 1000);
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const payload = b64url(JSON.stringify({
    iss: process.env.BENCH_ISSUER, sub: subject, aud: 'small-wins-api', iat, exp: iat + 6 * 3600, name,
    preferred_username: subject, email: `${subject}@district.example`, email_verified: true, groups: [role],
  }));
  const signature = crypto.sign('sha256', Buffer.from(`${header}.${payload}`), KEY).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

/**
 * One SSE stream. Resolves when the server says it is caught up (":live"); onEvent(stream,
 * type, data, at) for each event. stream.ended is set when the server (or the network) ends it.
 */
function openStream(stream, onEvent) {
  return new Promise((resolve, reject) => {
    const url = new URL('/api/v1/me/events', stream.base);
    const started = now();
    const req = http.request({
      host: url.hostname, port: url.port, path: url.pathname, agent,
      headers: { Accept: 'text/event-stream', Authorization: `Bearer ${stream.token}` },
    });
    stream.req = req;
    req.on('error', (e) => {
      stream.ended = stream.ended || `error ${e.code || e.message}`;
      reject(e);
    });
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        stream.ended = `status ${res.statusCode}`;
        reject(new Error(`status ${res.statusCode}`));
        return;
      }
      res.setEncoding('utf8');
      let buffer = '';
      let event = {};
      res.on('data', (chunk) => {
        const at = now();
        buffer += chunk;
        let nl;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl).replace(/\r$/, '');
          buffer = buffer.slice(nl + 1);
          if (line === '') {
            if (event.type !== undefined || event.data !== undefined) onEvent(stream, event.type, event.data, at);
            event = {};
          } else if (line.startsWith(':')) {
            if (line.slice(1).trim() === 'live' && !stream.live) {
              stream.live = true;
              stream.openMs = at - started;
              resolve(stream);
            } else {
              stream.heartbeats++;
            }
          } else {
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'event') event.type = value;
            else if (field === 'data') event.data = event.data === undefined ? value : `${event.data}\n${value}`;
          }
        }
      });
      res.on('close', () => {
        if (!stream.closing) stream.ended = stream.ended || 'ended by the server';
        if (!stream.live) reject(new Error(`ended before :live (${stream.ended})`));
      });
    });
    req.end();
  });
}

/** Opens streams with at most `concurrency` waiting for their ":live"; returns the failures. */
async function openAll(streams, concurrency, onEvent) {
  const failures = [];
  let next = 0;
  async function worker() {
    while (next < streams.length) {
      const s = streams[next++];
      try {
        await openStream(s, onEvent);
      } catch (e) {
        failures.push(`${s.subject}: ${e.message}`);
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return failures;
}

function closeAll(streams) {
  for (const s of streams) {
    s.closing = true;
    if (s.req) s.req.destroy();
  }
}

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '-');

// ---- the app process -------------------------------------------------------------------
function procStatus(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+)`, 'm'))[1]);
  return { rssKb: field('VmRSS'), threads: field('Threads'), fds: fs.readdirSync(`/proc/${pid}/fd`).length };
}
function cpuMs(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, USER_HZ 100
}
/** Heap in use after a full GC, in KB (G1: "garbage-first heap total 123K, used 45K"). */
function heapAfterGcKb(pid) {
  execFileSync('jcmd', [String(pid), 'GC.run'], { stdio: 'ignore' });
  const info = execFileSync('jcmd', [String(pid), 'GC.heap_info'], { encoding: 'utf8' });
  return Number(info.match(/used (\d+)K/)[1]);
}
async function gauge(metrics) {
  try {
    const text = await (await fetch(metrics)).text();
    const m = text.match(/^smallwins_live_streams(?:\{[^}]*\})? ([0-9.eE+]+)/m);
    return m ? Number(m[1]) : NaN;
  } catch (e) {
    return NaN;
  }
}

// ---- idle: many streams, nothing happening ---------------------------------------------
async function idle(o) {
  need(o, 'people', 'base', 'pid', 'metrics');
  const pid = Number(o.pid);
  const total = Number(o.streams || 10000);
  const steps = Number(o.steps || 4);
  const hold = Number(o.hold || 60);
  const people = tsv(o.people).map(([subject, role, name]) => ({ subject, role, name }));
  const t0 = now();
  for (const p of people) p.token = token(p.subject, p.role, p.name);
  console.log(`minted ${people.length} tokens in ${f1((now() - t0) / 1000)} s`);
  const streams = Array.from({ length: total }, (_, i) => ({ ...people[i % people.length], base: o.base, heartbeats: 0 }));
  const events = {};
  const onEvent = (s, type) => { events[type] = (events[type] || 0) + 1; };

  const before = procStatus(pid);
  console.log(`STEP streams=0 rss_kb=${before.rssKb} threads=${before.threads} fds=${before.fds} gauge=${await gauge(o.metrics)}`);
  const failures = [];
  const openMs = [];
  for (let k = 1; k <= steps; k++) {
    const batch = streams.slice(Math.round(((k - 1) * total) / steps), Math.round((k * total) / steps));
    const started = now();
    failures.push(...(await openAll(batch, Number(o.concurrency || 64), onEvent)));
    const seconds = (now() - started) / 1000;
    batch.forEach((s) => s.live && openMs.push(s.openMs));
    const open = streams.filter((s) => s.live && !s.ended).length;
    const p = procStatus(pid);
    console.log(`STEP streams=${open} rss_kb=${p.rssKb} threads=${p.threads} fds=${p.fds} gauge=${await gauge(o.metrics)}`
      + ` opened_per_s=${f1(batch.length / seconds)} failed=${failures.length}`);
  }
  const cpu0 = cpuMs(pid);
  const beats0 = streams.reduce((n, s) => n + s.heartbeats, 0);
  await sleep(hold * 1000);
  const cpuPerS = (cpuMs(pid) - cpu0) / hold;
  const held = streams.filter((s) => s.live && !s.ended);
  const after = procStatus(pid);
  const beats = streams.reduce((n, s) => n + s.heartbeats, 0) - beats0;
  const withoutBeat = held.filter((s) => s.heartbeats === 0).length;
  const ended = {};
  streams.filter((s) => s.live && s.ended).forEach((s) => { ended[s.ended] = (ended[s.ended] || 0) + 1; });
  console.log(`HOLD seconds=${hold} open=${held.length} rss_kb=${after.rssKb} threads=${after.threads} fds=${after.fds}`
    + ` gauge=${await gauge(o.metrics)} app_cpu_ms_per_s=${f1(cpuPerS)} heartbeats=${beats}`
    + ` streams_without_heartbeat=${withoutBeat} ended_by_server=${JSON.stringify(ended)} events=${JSON.stringify(events)}`);
  const heapOpen = heapAfterGcKb(pid);
  const afterGc = procStatus(pid);
  console.log(`HEAP streams=${held.length} heap_used_after_gc_kb=${heapOpen} rss_after_gc_kb=${afterGc.rssKb}`);
  if (o.histogram) {
    // What the open streams hold, by class (the top of the live heap).
    const histogram = execFileSync('jcmd', [String(pid), 'GC.class_histogram'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    fs.writeFileSync(o.histogram, histogram.split('\n').slice(0, 60).join('\n') + '\n');
  }

  closeAll(streams);
  // The app notices a client that left when it next writes to it (at the latest, the next heartbeat).
  let left = NaN;
  for (let waited = 0; waited < 60; waited += 5) {
    await sleep(5000);
    left = await gauge(o.metrics);
    if (left === 0) break;
  }
  const heapClosed = heapAfterGcKb(pid);
  const closed = procStatus(pid);
  console.log(`CLOSED gauge=${left} heap_used_after_gc_kb=${heapClosed} rss_kb=${closed.rssKb} threads=${closed.threads} fds=${closed.fds}`);

  openMs.sort((a, b) => a - b);
  const n = held.length;
  console.log(`RESULT streams=${n} people=${new Set(held.map((s) => s.subject)).size} failed=${failures.length}`
    + ` rss_before_kb=${before.rssKb} rss_after_kb=${after.rssKb}`
    + ` rss_per_stream_bytes=${Math.round(((after.rssKb - before.rssKb) * 1024) / n)}`
    + ` heap_open_kb=${heapOpen} heap_closed_kb=${heapClosed}`
    + ` heap_per_stream_bytes=${Math.round(((heapOpen - heapClosed) * 1024) / n)}`
    + ` open_p50_ms=${f1(quantile(openMs, 0.5))} open_p99_ms=${f1(quantile(openMs, 0.99))} open_max_ms=${f1(openMs[openMs.length - 1])}`
    + ` idle_app_cpu_ms_per_s=${f1(cpuPerS)}`);
  if (failures.length) console.log(`first failures: ${failures.slice(0, 5).join('; ')}`);
}

// ---- fanout: messages to many streams over two nodes -----------------------------------
function post(base, path, tokenValue, body) {
  return new Promise((resolve) => {
    const url = new URL(path, base);
    const data = JSON.stringify(body);
    const req = http.request({
      host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent,
      headers: {
        Authorization: `Bearer ${tokenValue}`, 'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(data), 'Idempotency-Key': crypto.randomUUID(),
      },
    });
    req.on('error', (e) => resolve({ status: 0, error: e.message }));
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; });
      res.on('end', () => resolve({ status: res.statusCode, text }));
    });
    req.end(data);
  });
}

// A small seeded generator (mulberry32), so runs pick the same children and posters.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function fanout(o) {
  need(o, 'people', 'children', 'bases');
  const bases = o.bases.split(',');
  const rates = (o.rates || '0.25,2.5').split(',').map(Number);
  const duration = Number(o.duration || 120);
  const drain = Number(o.drain || 15);
  const warmup = Number(o.warmup || 0);
  const warmupRate = Number(o['warmup-rate'] || 20);
  const prefix = o.out || 'live-fanout';
  const people = new Map(tsv(o.people).map(([subject, role, name]) => [subject, { subject, role, name, token: token(subject, role, name) }]));
  const children = tsv(o.children).map(([childId, conversationId, members]) => ({ childId, conversationId, members: members.split(',') }));
  // One stream per person, alternating between the nodes.
  const streams = [...people.values()].map((p, i) => ({ ...p, base: bases[i % bases.length], node: i % bases.length, heartbeats: 0 }));
  const streamOf = new Map(streams.map((s) => [s.subject, s]));
  for (const c of children) {
    for (const m of c.members) if (!streamOf.has(m)) throw new Error(`no person line for team member ${m}`);
  }
  const arrivals = new Map(); // messageId -> [{stream, at}]
  const others = {};
  const onEvent = (s, type, data, at) => {
    if (type !== 'message.posted') {
      others[type] = (others[type] || 0) + 1;
      return;
    }
    const id = JSON.parse(data).messageId;
    if (!arrivals.has(id)) arrivals.set(id, []);
    arrivals.get(id).push({ stream: s, at });
  };
  let started = now();
  const failures = await openAll(streams, Number(o.concurrency || 32), onEvent);
  console.log(`opened ${streams.length - failures.length} streams (${bases.map((b, n) => `${streams.filter((s) => s.node === n && s.live).length} on ${b}`).join(', ')})`
    + ` for ${children.length} children in ${f1((now() - started) / 1000)} s; ${failures.length} failed${failures.length ? `: ${failures.slice(0, 5).join('; ')}` : ''}`);
  if (failures.length) process.exitCode = 1;

  const next = random(42);
  // Posts at an average rate (Poisson arrivals) for some seconds, alternating between the nodes.
  async function postAt(rate, seconds, label) {
    const posts = [];
    const pending = [];
    const begin = now();
    let due = begin;
    for (let n = 0; ; n++) {
      due += (-Math.log(1 - next()) / rate) * 1000;
      if (due - begin > seconds * 1000) break;
      const wait = due - now();
      if (wait > 0) await sleep(wait);
      const child = children[Math.floor(next() * children.length)];
      const author = streamOf.get(child.members[Math.floor(next() * child.members.length)]);
      const node = n % bases.length;
      const p = { child, author, node, sentAt: now() };
      posts.push(p);
      pending.push(post(bases[node], `/api/v1/children/${child.childId}/conversations/${child.conversationId}/messages`,
        author.token, { body: `Fan-out bench ${label}, message ${n}` }).then((r) => {
        p.answeredAt = now();
        p.status = r.status;
        if (r.status === 201) p.messageId = JSON.parse(r.text).id;
        else p.error = r.error || r.text.slice(0, 200);
      }));
    }
    await Promise.all(pending);
    await sleep(drain * 1000);
    return posts;
  }
  if (warmup > 0) {
    // The JIT needs load before the app runs at speed (docs/benchmarks.md): not counted.
    const posts = await postAt(warmupRate, warmup, 'warm-up');
    const late = posts.filter((p) => p.status !== 201).length;
    console.log(`warm-up: ${posts.length} messages at ${warmupRate}/s over ${warmup} s (${late} failed), not counted`);
  }
  for (const rate of rates) {
    report(rate, duration, await postAt(rate, duration, `at ${rate}/s`), arrivals, streamOf, bases.length, `${prefix}-${rate}.tsv`);
  }
  const ended = streams.filter((s) => s.live && s.ended);
  console.log(`streams ended by the server meanwhile: ${ended.length}${ended.length ? ` (${ended.slice(0, 5).map((s) => `${s.subject}: ${s.ended}`).join('; ')})` : ''};`
    + ` other events received: ${JSON.stringify(others)}`);
  closeAll(streams);
}

function report(rate, duration, posts, arrivals, streamOf, nodes, file) {
  const lines = ['message_id\tchild_id\tpost_node\tstream_node\tsubject\tlatency_ms\tpost_ms'];
  const latencies = [];
  const byPath = { same: [], cross: [] };
  let expected = 0;
  let missing = 0;
  let duplicated = 0;
  let unexpected = 0;
  const missingSamples = [];
  const created = posts.filter((p) => p.status === 201);
  for (const p of created) {
    const got = arrivals.get(p.messageId) || [];
    const members = new Set(p.child.members);
    const seen = new Map();
    for (const a of got) {
      if (!members.has(a.stream.subject)) unexpected++;
      else if (seen.has(a.stream.subject)) duplicated++;
      else seen.set(a.stream.subject, a.at);
    }
    for (const m of members) {
      const s = streamOf.get(m);
      expected++;
      const at = seen.get(m);
      if (at === undefined) {
        missing++;
        if (missingSamples.length < 10) missingSamples.push(`${p.messageId} -> ${m}`);
        lines.push(`${p.messageId}\t${p.child.childId}\t${p.node}\t${s.node}\t${m}\tmissing\t${f1(p.answeredAt - p.sentAt)}`);
        continue;
      }
      const latency = at - p.sentAt;
      latencies.push(latency);
      (s.node === p.node ? byPath.same : byPath.cross).push(latency);
      lines.push(`${p.messageId}\t${p.child.childId}\t${p.node}\t${s.node}\t${m}\t${latency.toFixed(2)}\t${f1(p.answeredAt - p.sentAt)}`);
    }
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  const sort = (a) => a.sort((x, y) => x - y);
  [latencies, byPath.same, byPath.cross].forEach(sort);
  const postMs = sort(created.map((p) => p.answeredAt - p.sentAt));
  const failed = posts.filter((p) => p.status !== 201);
  const q = (a) => `${f1(quantile(a, 0.5))}/${f1(quantile(a, 0.99))}/${f1(a[a.length - 1])}`;
  console.log(`RESULT rate=${rate} achieved=${(created.length / duration).toFixed(2)} posts=${posts.length} created=${created.length} failed=${failed.length}`
    + ` expected=${expected} delivered=${latencies.length} missing=${missing} duplicated=${duplicated} unexpected=${unexpected}`
    + ` p50_ms=${f1(quantile(latencies, 0.5))} p99_ms=${f1(quantile(latencies, 0.99))} max_ms=${f1(latencies[latencies.length - 1])}`
    + ` same_node_p50/p99/max=${q(byPath.same)} other_node_p50/p99/max=${q(byPath.cross)} post_p50/p99/max=${q(postMs)}`
    + (nodes > 1 ? '' : ' (one node)'));
  if (failed.length) console.log(`  failed posts: ${failed.slice(0, 5).map((p) => `${p.status} ${p.error}`).join('; ')}`);
  if (missing) console.log(`  missing: ${missingSamples.join('; ')}`);
}

const [mode, ...rest] = process.argv.slice(2);
const run = { idle, fanout }[mode];
if (!run) {
  console.error('usage: node live-client.js idle|fanout --option value ... (see the header)');
  process.exit(2);
}
if (!KEY || !process.env.BENCH_ISSUER) {
  console.error('BENCH_KEY (a PEM file) and BENCH_ISSUER must be set');
  process.exit(2);
}
run(options(rest)).then(() => process.exit(process.exitCode || 0), (e) => {
  console.error(e.stack || e.message);
  process.exit(1);
});
