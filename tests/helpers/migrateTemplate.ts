/**
 * Run as a child process by templateDatabase.ts: starts the app's Payload on DATABASE_URI exactly
 * as the server does (a new file gets its page size and WAL mode, then every migration), and exits.
 */
const { startPayload } = await import('@/lib/startPayload')
const payload = await startPayload()
await payload.destroy()
process.exit(0)

export {}
