/**
 * Reads until the assertion holds, then returns what was read: playwright's `expect.poll` for jest.
 * A page changes after a click when its request answers; `count()`, `allTextContents()` and
 * `textContent()` read it as it is at that instant, so a bare read after a click races the page.
 */
export async function eventually<T>(read: () => Promise<T>, assert: (value: T) => void, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    try {
      assert(value);
      return value;
    } catch (failure) {
      if (Date.now() >= deadline) throw failure;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
