/** A loop started by startPollLoop: wake() runs it now, stop() ends it after the step under way. */
export type PollLoop = { wake(): void; stop(): Promise<void> };

/**
 * Runs `step` until it says there is nothing more to do, every `pollMs` and at
 * once when woken, one step at a time (a wake during a run makes the loop go
 * round again rather than run twice). A step that throws is logged and tried
 * again at the next poll. The timer never keeps the process alive (tests,
 * `next build`); stop() ends the loop and waits for the step under way.
 */
export function startPollLoop({ name, pollMs, step }: { name: string; pollMs: number; step: (signal: AbortSignal) => Promise<boolean> }): PollLoop {
  const stopping = new AbortController();
  let running: Promise<void> | null = null;
  let wokenWhileRunning = false;
  const tick = () => {
    if (stopping.signal.aborted) return;
    if (running) {
      wokenWhileRunning = true;
      return;
    }
    running = (async () => {
      do {
        wokenWhileRunning = false;
        while (!stopping.signal.aborted && (await step(stopping.signal)));
      } while (wokenWhileRunning && !stopping.signal.aborted);
    })()
      .catch((error) => console.error(`Benchtop: the ${name} failed; it tries again shortly:`, error))
      .finally(() => (running = null));
  };
  const timer = setInterval(tick, pollMs);
  timer.unref();
  tick();
  return {
    wake: tick,
    async stop() {
      stopping.abort();
      clearInterval(timer);
      await running;
    },
  };
}
