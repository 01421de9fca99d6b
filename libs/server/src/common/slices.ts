// Long CPU work on the event loop, cut into slices: between slices the loop answers requests, runs timers and delivers
// events, so a library build or a rematch of thousands of claims never holds the API for more than a slice.
import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long one slice may run before the event loop gets a turn (a request waits at most about this long). */
const SLICE_MS = 10;

export interface SliceOptions {
  budgetMs?: number;
  /** The clock (milliseconds); injectable for tests. */
  now?: () => number;
  /** How the event loop gets its turn; injectable for tests. */
  turn?: () => Promise<unknown>;
}

/**
 * Calls `work` on each item in order, giving the event loop a turn whenever `budgetMs` of work has run since the last
 * turn (never in the middle of an item). Resolves with the number of turns given.
 */
export async function eachInSlices<T>(items: Iterable<T>, work: (item: T, index: number) => void, options: SliceOptions = {}): Promise<number> {
  const { budgetMs = SLICE_MS, now = () => performance.now(), turn = () => nextTurn() } = options;
  let turns = 0;
  let started = now();
  let index = 0;
  for (const item of items) {
    if (index > 0 && now() - started >= budgetMs) {
      await turn();
      turns++;
      started = now();
    }
    work(item, index++);
  }
  return turns;
}
