// Where the renderer's main thread spends a page load: a Chromium trace (devtools.timeline) summed by kind of work, as
// Lighthouse groups it (each event's self time goes to its own group, or to its nearest grouped ancestor's).
import fs from 'node:fs';
import type { Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { frame?: string; isOutermostMainFrame?: boolean } };
}

const GROUPS: Array<[string, RegExp]> = [
  ['script: parse and compile', /^(v8\.compile|v8\.compileModule|V8\.CompileCode|v8\.parseOnBackground|v8\.produceCache|CacheScript)$/],
  [
    'script: evaluate and run',
    /^(EvaluateScript|v8\.evaluateModule|FunctionCall|V8\.Execute|v8\.execute|v8\.run|TimerFire|EventDispatch|FireAnimationFrame|FireIdleCallback|RunMicrotasks|XHRReadyStateChange|XHRLoad|v8\.callFunction)$/,
  ],
  ['garbage collection', /^(MinorGC|MajorGC|V8\.GC.*|BlinkGC\..*|GCEvent|ThreadState::.*GC.*)$/],
  ['style', /^(UpdateLayoutTree|RecalculateStyles|ScheduleStyleRecalculation|ParseAuthorStyleSheet|InvalidateLayout)$/],
  ['layout', /^(Layout|UpdateLayout)$/],
  ['paint and composite', /^(Paint|PrePaint|Layerize|UpdateLayer|CompositeLayers|Commit|PaintImage|Decode Image|RasterTask|UpdateLayerTree)$/],
  ['parse HTML', /^ParseHTML$/],
];

export interface MainThreadSummary {
  /** ms of self time per group from navigation start to `untilMs`: wall time, and the thread's CPU time. */
  groups: Array<{ group: string; ms: number; cpuMs: number }>;
  busyMs: number;
  /** CPU time of the main thread's tasks in the same window (what other processes on the machine do not stretch). */
  cpuMs: number;
  /** Tasks longer than 50 ms (start and duration, ms from navigation start). */
  longTasks: Array<{ start: number; ms: number }>;
}

/**
 * Records a trace while `load` runs and sums the main thread's work from navigation start to `untilMs` after it. With
 * `cpuProfile`, also writes a V8 CPU profile of the page's JavaScript there (open it in Chromium's DevTools).
 */
export async function traceMainThread(page: Page, load: () => Promise<number>, cpuProfile?: string): Promise<MainThreadSummary & { untilMs: number }> {
  const cdp = await page.context().newCDPSession(page);
  if (cpuProfile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline', 'v8.execute', 'v8', 'blink.user_timing', 'loading', 'toplevel', 'disabled-by-default-devtools.timeline'] },
  });
  const untilMs = await load();
  if (cpuProfile) fs.writeFileSync(cpuProfile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  return { untilMs, ...summarise(events, untilMs) };
}

function summarise(events: TraceEvent[], untilMs: number): MainThreadSummary {
  // The last navigation of an outermost main frame, and the renderer main thread it ran on.
  const nav = events.filter((e) => e.name === 'navigationStart' && e.args?.data?.isOutermostMainFrame !== false).sort((a, b) => a.ts - b.ts);
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const start = nav.filter((e) => mains.has(`${e.pid}:${e.tid}`)).pop() ?? nav.pop();
  if (!start) return { groups: [], busyMs: 0, cpuMs: 0, longTasks: [] };
  const t0 = start.ts;
  const t1 = t0 + untilMs * 1000;
  const thread = events.filter((e) => e.pid === start.pid && e.tid === start.tid && e.ph === 'X' && e.dur !== undefined && e.ts + (e.dur ?? 0) > t0 && e.ts < t1);
  thread.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const totals = new Map<string, number>();
  const cpuTotals = new Map<string, number>();
  const longTasks: Array<{ start: number; ms: number }> = [];
  let busy = 0;
  let cpu = 0;
  const stack: Array<{ end: number; group: string; self: number; cpu: number }> = [];
  const clip = (e: TraceEvent) => Math.max(0, Math.min(e.ts + (e.dur ?? 0), t1) - Math.max(e.ts, t0));
  const close = (until: number) => {
    while (stack.length && stack[stack.length - 1].end <= until) {
      const done = stack.pop()!;
      totals.set(done.group, (totals.get(done.group) ?? 0) + done.self);
      cpuTotals.set(done.group, (cpuTotals.get(done.group) ?? 0) + done.cpu);
    }
  };
  for (const e of thread) {
    close(e.ts);
    const own = clip(e);
    const ownCpu = e.dur ? ((e.tdur ?? 0) * own) / e.dur : 0;
    const parent = stack[stack.length - 1];
    if (!parent) {
      busy += own;
      if (e.ts >= t0 && e.ts + (e.dur ?? 0) <= t1) cpu += e.tdur ?? 0;
      if (/RunTask$/.test(e.name) && (e.dur ?? 0) > 50_000) longTasks.push({ start: (e.ts - t0) / 1000, ms: (e.dur ?? 0) / 1000 });
    } else {
      parent.self -= own;
      parent.cpu -= ownCpu;
    }
    const group = GROUPS.find(([, re]) => re.test(e.name))?.[0] ?? parent?.group ?? `other: ${e.name}`;
    stack.push({ end: e.ts + (e.dur ?? 0), group, self: own, cpu: ownCpu });
  }
  close(Infinity);
  // Ungrouped top-level work is named by its event, its largest kinds listed on their own and the rest as "other".
  const named = [...totals.entries()].sort((a, b) => b[1] - a[1]);
  const others = named.filter(([g]) => g.startsWith('other: '));
  const merged = new Map(named.filter(([g]) => !g.startsWith('other: ')).map(([g, us]) => [g, { us, cpu: cpuTotals.get(g) ?? 0 }]));
  others.forEach(([g, us], i) => {
    const key = i < 3 && us >= 20_000 ? g : 'other';
    const prev = merged.get(key) ?? { us: 0, cpu: 0 };
    merged.set(key, { us: prev.us + us, cpu: prev.cpu + (cpuTotals.get(g) ?? 0) });
  });
  return {
    groups: [...merged.entries()].map(([group, t]) => ({ group, ms: t.us / 1000, cpuMs: t.cpu / 1000 })).sort((a, b) => b.ms - a.ms),
    busyMs: busy / 1000,
    cpuMs: cpu / 1000,
    longTasks,
  };
}
