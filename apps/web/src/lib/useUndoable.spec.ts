import { act, renderHook } from '@testing-library/react';
import { useUndoable } from './useUndoable';

describe('useUndoable', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs the action once the grace period is over', () => {
    const run = jest.fn();
    const { result } = renderHook(() => useUndoable(run, 5000));
    act(() => result.current.start());
    expect(result.current.pending).toBe(true);
    act(() => jest.advanceTimersByTime(4999));
    expect(run).not.toHaveBeenCalled();
    act(() => jest.advanceTimersByTime(1));
    expect(run).toHaveBeenCalledTimes(1);
    expect(result.current.pending).toBe(false);
  });

  it('never runs an action that was undone', () => {
    const run = jest.fn();
    const { result } = renderHook(() => useUndoable(run, 5000));
    act(() => result.current.start());
    act(() => jest.advanceTimersByTime(3000));
    act(() => result.current.undo());
    act(() => jest.advanceTimersByTime(10_000));
    expect(run).not.toHaveBeenCalled();
    expect(result.current.pending).toBe(false);
  });
});
