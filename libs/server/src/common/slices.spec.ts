import { eachInSlices } from './slices';

describe('eachInSlices', () => {
  it('gives the event loop a turn each time the budget is spent, never in the middle of an item', async () => {
    let clock = 0;
    const events: string[] = [];
    const turns = await eachInSlices(
      [4, 4, 4, 1, 1, 12, 0],
      (cost, i) => {
        events.push(`item ${i}`);
        clock += cost;
      },
      { budgetMs: 8, now: () => clock, turn: async () => events.push('turn') },
    );
    // 4 + 4 reaches the budget: a turn; 4 + 1 + 1 does not, + 12 does only after that item; the last item follows a turn.
    expect(events).toEqual(['item 0', 'item 1', 'turn', 'item 2', 'item 3', 'item 4', 'item 5', 'turn', 'item 6']);
    expect(turns).toBe(2);
  });

  it('lets other work run between slices on the real event loop', async () => {
    // A callback that runs once per turn of the event loop, as a request's handler would when its turn comes.
    let ticks = 0;
    let ticker = setImmediate(function tick() {
      ticks++;
      ticker = setImmediate(tick);
    });
    // Each item "costs" 3 ms on a clock of the test's own, so the slices do not depend on how busy the machine is.
    let clock = 0;
    const seen: number[] = [];
    await eachInSlices(
      Array.from({ length: 6 }, (_, i) => i),
      () => {
        seen.push(ticks);
        clock += 3;
      },
      { budgetMs: 5, now: () => clock },
    );
    clearImmediate(ticker);
    // Items 0–1 run in the first slice, 2–3 in the second, 4–5 in the third: the other callback runs between slices only.
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).toBeGreaterThan(seen[1]);
    expect(seen[3]).toBe(seen[2]);
    expect(seen[4]).toBeGreaterThan(seen[3]);
    expect(seen[5]).toBe(seen[4]);
  });
});
