/**
 * Runs `stop` once on SIGTERM or SIGINT, then exits 0.
 *
 * The listeners stay registered (`process.on`, not `once`): `signal-exit` (loaded by
 * proper-lockfile, which the migrations' lock uses) re-sends the signal to the process when it
 * finds itself the only listener left, which killed the process mid-drain while a request was
 * still in flight.
 */
export function onShutdownSignal(stop: (signal: NodeJS.Signals) => Promise<void>): void {
  let stopping = false
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return
      stopping = true
      void stop(signal).then(
        () => process.exit(0),
        (err) => {
          console.error('Lỗi khi dừng:', err)
          process.exit(1)
        },
      )
    })
  }
}
