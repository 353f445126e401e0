/**
 * `npm run bench:freeze`: the freeze before and after issue 18, on the demo (a fresh database
 * seeded here, or `BENCH_DB=<copy of a database>`), year `BENCH_YEAR` (default: the demo's season).
 * - before: what the snapshot hook did until then (copy the live cells, checksum), pending
 *   changes left out;
 * - after, nothing pending: lease, fold (nothing), copy, checksum;
 * - after, one course saved just before: the fold of its month included.
 * Each measured `BENCH_RUNS` times (default 3), the median in ms; JSON last.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const file =
  process.env.BENCH_DB ||
  path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-freeze-')), 'demo.db')
Object.assign(process.env, {
  DATABASE_URI: `file:${file}`,
  PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || crypto.randomBytes(16).toString('hex'),
  MEDIA_DIR: process.env.MEDIA_DIR || path.join(path.dirname(file), 'media'),
})
const { startPayload } = await import('@/lib/startPayload')
const { seed } = await import('../scripts/seed')
const { seasonYear } = await import('../scripts/seed-data/reportingSeason')
const { freezeYear } = await import('@/reporting/freeze')
const { checksumOfSnapshot, copyCellsToSnapshot } = await import('@/reporting/snapshot')

const payload = await startPayload()
if (!process.env.BENCH_DB) await seed(payload)
const year = Number(process.env.BENCH_YEAR || (await seasonYear(payload, new Date())))
const runs = Number(process.env.BENCH_RUNS || 3)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const time = async (fn: () => Promise<unknown>) => {
  const t = performance.now()
  await fn()
  return performance.now() - t
}

/** The hook as it was: a snapshot row, its cells copied, the checksum written. */
const before = async () => {
  const doc = await payload.db.create({
    collection: 'rollup-snapshots',
    data: { year, title: `Số liệu năm ${year}`, takenAt: new Date().toISOString() },
  })
  await copyCellsToSnapshot(payload, String(doc.id), year)
  const frozen = await checksumOfSnapshot(payload, String(doc.id))
  await payload.db.updateOne({ collection: 'rollup-snapshots', id: doc.id, data: frozen })
}
const unit = (await payload.find({ collection: 'units', limit: 1, overrideAccess: true })).docs[0]
const result = { year, cells: 0, beforeMs: 0, afterNothingPendingMs: 0, afterOneChangeMs: 0 }
const b: number[] = []
const n: number[] = []
const c: number[] = []
await freezeYear(payload, year) // folds whatever the seed left pending
for (let i = 0; i < runs; i++) {
  b.push(await time(before))
  n.push(await time(() => freezeYear(payload, year)))
  await payload.create({
    collection: 'trainings',
    overrideAccess: true,
    data: {
      title: `Lớp đo thời gian ${i}`,
      ownerUnit: unit.id,
      status: 'held',
      startsOn: `${year}-06-0${i + 1}T02:00:00.000Z`,
      totalTrainees: 33,
    } as never,
  })
  c.push(await time(() => freezeYear(payload, year)))
}
result.cells = (
  await payload.find({
    collection: 'rollup-snapshots',
    sort: '-takenAt',
    limit: 1,
    overrideAccess: true,
  })
).docs[0].cellCount!
result.beforeMs = Math.round(median(b))
result.afterNothingPendingMs = Math.round(median(n))
result.afterOneChangeMs = Math.round(median(c))
await payload.destroy()
console.log(JSON.stringify(result))
process.exit(0)
