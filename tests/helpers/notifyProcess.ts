/**
 * A second process over the test file's database (the notifications' "after a restart" case): it
 * starts its own Payload on the same file, calls notify() and, if asked, the daily digest, then
 * prints what it did on a line starting "RESULT " and exits. Spawned by tests/int/notifications.test.ts.
 */
import { startPayload } from '@/lib/startPayload'
import { sendDigests } from '@/notifications/digest'
import { notify, type NotifyArgs } from '@/notifications/notify'

async function main() {
  const args = JSON.parse(process.argv[2] ?? '{}') as { calls: NotifyArgs[]; digestAt?: string }
  const payload = await startPayload()
  const results = []
  for (const call of args.calls) results.push(await notify(payload, call))
  const digest = args.digestAt ? await sendDigests(payload, new Date(args.digestAt)) : null
  console.log(`RESULT ${JSON.stringify({ results, digest })}`)
  process.exit(0)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
