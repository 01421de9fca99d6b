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
    const seen: number[] = [];
    await eachInSlices(
      Array.from({ length: 6 }, (_, i) => i),
      () => {
        seen.push(ticks);
        const until = performance.now() + 3;
        while (performance.now() < until); // 3 ms of work per item
      },
      { budgetMs: 5 },
    );
    clearImmediate(ticker);
    // Items 0–1 run in the first slice; the other callback runs before item 2 and again before item 4.
    expect(seen[0]).toBe(seen[1]);
    expect(seen[2]).toBeGreaterThan(seen[1]);
    expect(seen[4]).toBeGreaterThan(seen[3]);
  });
});
