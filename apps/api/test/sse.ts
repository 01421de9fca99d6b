// A live-events client for tests: reads GET /api/events and tells when its stream ends.
export interface EventStream {
  status: number;
  text(): string;
  /** Resolves once the text holds `needle`; rejects if the stream ends first or after `ms`. */
  waitFor(needle: string, ms?: number): Promise<void>;
  /** Resolves when the server ends the stream; rejects after `ms`. */
  ended(ms?: number): Promise<void>;
  close(): void;
}

export async function openEventStream(baseUrl: string, headers: Record<string, string>): Promise<EventStream> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/events`, { headers, signal: controller.signal });
  let received = '';
  let done = false;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  if (response.body) {
    void (async () => {
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      try {
        for (;;) {
          const { value, done: finished } = await reader.read();
          if (finished) break;
          received += decoder.decode(value);
          notify();
        }
      } catch {
        /* aborted by close() */
      }
      done = true;
      notify();
    })();
  }
  const until = (ok: () => boolean, fail: () => string | null, ms: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (ok()) return finish(resolve);
        const why = fail();
        if (why) finish(() => reject(new Error(why)));
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`nothing after ${ms} ms; received: ${received.slice(-500)}`))), ms);
      const finish = (then: () => void) => {
        clearTimeout(timer);
        listeners.delete(check);
        then();
      };
      listeners.add(check);
      check();
    });
  return {
    status: response.status,
    text: () => received,
    waitFor: (needle, ms = 10_000) =>
      until(
        () => received.includes(needle),
        () => (done ? `the stream ended without "${needle}"` : null),
        ms,
      ),
    ended: (ms = 15_000) =>
      until(
        () => done,
        () => null,
        ms,
      ),
    close: () => controller.abort(),
  };
}
