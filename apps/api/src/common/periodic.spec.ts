import { every } from './periodic';

describe('every', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs first after the first delay, then at each interval, until stopped', async () => {
    const task = jest.fn(async () => undefined);
    const stop = every(1000, 100, task);
    jest.advanceTimersByTime(99);
    expect(task).toHaveBeenCalledTimes(0);
    jest.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(2000);
    expect(task).toHaveBeenCalledTimes(3);
    stop();
    jest.advanceTimersByTime(5000);
    expect(task).toHaveBeenCalledTimes(3);
  });
});
