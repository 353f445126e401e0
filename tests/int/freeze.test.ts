/**
 * A freeze folds what is pending first (issue 18): a course saved and frozen at once is in the
 * snapshot (the minute's fold has not run: no cron here), the snapshot records the newest change it
 * includes, a change after the freeze makes it stale, a rollup run in progress is waited for or the
 * freeze refused in Vietnamese, and a failed freeze gives the lease back.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LEASE } from '@/reporting/cron'
import {
  FreezeBusyError,
  foldedMessage,
  freezeYear,
  freshnessOf,
  latestChangeOf,
} from '@/reporting/freeze'
import { releaseLease, tryLease } from '@/reporting/lease'
import { snapshotCellPages } from '@/reporting/snapshot'
import { Metric } from '@/vocabulary'
import { testPayload } from '../helpers/payload'

let payload: Payload
let unit: string

/** The snapshot's trainees of 2025 by month (all-campaign family: no campaign, no topic), summed over units. */
async function traineesByMonth(snapshot: string) {
  const months = new Map<number, number>()
  for await (const page of snapshotCellPages(payload, snapshot))
    for (const c of page)
      if (c.metric === Metric.Trainees && !c.campaign && !c.topic)
        months.set(c.month, (months.get(c.month) ?? 0) + c.value)
  return months
}

const course = (title: string, startsOn: string, totalTrainees: number) =>
  payload.create({
    collection: 'trainings',
    overrideAccess: true,
    data: { title, ownerUnit: unit, status: 'held', startsOn, totalTrainees } as never,
  })

const pendingMarks = async () =>
  (await payload.count({ collection: 'rollup-dirty', overrideAccess: true })).totalDocs

beforeAll(async () => {
  payload = await testPayload()
  unit = String(
    (
      await payload.create({
        collection: 'units',
        overrideAccess: true,
        data: { name: 'Sở Nội vụ', kind: 'department' } as never,
      })
    ).id,
  )
}, 60_000)

afterAll(async () => {
  await payload?.destroy()
})

describe('freeze', () => {
  it('folds the pending changes first: a course saved and frozen at once is in the snapshot', async () => {
    await course('Kỹ năng số cho cán bộ', '2025-03-10T02:00:00.000Z', 1180)
    expect(await pendingMarks()).toBeGreaterThan(0)
    const first = await freezeYear(payload, 2025)
    // 1,180 in March (trainees have monthly cells only; month 0 is budgets').
    expect(Object.fromEntries(await traineesByMonth(String(first.id)))).toEqual({ 3: 1180 })
    expect(first.foldedChanges).toBeGreaterThan(0)
    expect(await pendingMarks()).toBe(0)

    const saved = await course('Lớp bổ sung', '2025-06-05T02:00:00.000Z', 33)
    const second = await freezeYear(payload, 2025)
    // 1,180 in March + 33 in June = 1,213 in the year.
    const months = await traineesByMonth(String(second.id))
    expect(Object.fromEntries(months)).toEqual({ 3: 1180, 6: 33 })
    expect([...months.values()].reduce((a, b) => a + b, 0)).toBe(1213)
    // The newest change it includes: the course's save (its marks were written right after it).
    expect(second.dataAsOf! >= saved.updatedAt).toBe(true)
    expect(second.dataAsOf! <= second.takenAt!).toBe(true)
    expect(second.dataAsOf! > first.dataAsOf!).toBe(true)
    expect((await freshnessOf(payload, second)).stale).toBe(false)
    expect(foldedMessage({ marks: second.foldedChanges!, months: 1 })).toMatch(
      /^Đã cập nhật \d+ thay đổi/,
    )

    // Nothing pending: nothing folded, the same newest change.
    const third = await freezeYear(payload, 2025)
    expect(third.foldedChanges).toBe(0)
    expect(third.dataAsOf).toBe(second.dataAsOf)
    expect(third.checksum).toBe(second.checksum)
    expect(foldedMessage({ marks: 0, months: 0 })).toMatch(/Không có thay đổi nào còn chờ/)

    // A change after the freeze: the snapshot is older than the data, pending or folded.
    await payload.update({
      collection: 'trainings',
      id: saved.id,
      overrideAccess: true,
      data: { totalTrainees: 40 } as never,
    })
    const pending = await freshnessOf(payload, third)
    expect(pending.stale).toBe(true)
    expect(pending.latestChange! > third.dataAsOf!).toBe(true)
    const { refreshDirty } = await import('@/reporting/engine')
    await refreshDirty(payload)
    expect((await freshnessOf(payload, third)).stale).toBe(true)
    expect(await latestChangeOf(payload, 2025)).toBe(pending.latestChange)
    // Another year's change does not make 2025's snapshot stale.
    await course('Lớp năm sau', '2026-02-05T02:00:00.000Z', 12)
    const fourth = await freezeYear(payload, 2025)
    expect((await freshnessOf(payload, fourth)).stale).toBe(false)
    expect(await pendingMarks()).toBeGreaterThan(0) // 2026's marks wait for the minute's run
  }, 60_000)

  it('waits for a rollup run in progress, or refuses in Vietnamese and freezes nothing', async () => {
    const before = (await payload.count({ collection: 'rollup-snapshots', overrideAccess: true }))
      .totalDocs
    expect(await tryLease(payload, LEASE, 'rebuild-elsewhere', 60_000)).toBe(true)
    process.env.ROLLUP_FREEZE_WAIT_MS = '400'
    try {
      await expect(freezeYear(payload, 2025)).rejects.toThrow(FreezeBusyError)
      await expect(freezeYear(payload, 2025)).rejects.toThrow(/đang được tổng hợp.*thử lại sau/)
      expect(
        (await payload.count({ collection: 'rollup-snapshots', overrideAccess: true })).totalDocs,
      ).toBe(before)
      // Waited for: the run ends while the freeze waits.
      process.env.ROLLUP_FREEZE_WAIT_MS = '5000'
      setTimeout(() => void releaseLease(payload, LEASE, 'rebuild-elsewhere'), 600)
      const started = Date.now()
      const s = await freezeYear(payload, 2025)
      expect(Date.now() - started).toBeGreaterThanOrEqual(500)
      expect(s.cellCount).toBeGreaterThan(0)
    } finally {
      delete process.env.ROLLUP_FREEZE_WAIT_MS
      await releaseLease(payload, LEASE, 'rebuild-elsewhere')
    }
  }, 30_000)

  it('gives the lease back when the create fails after taking it', async () => {
    await expect(freezeYear(payload, 2025, { note: 'x'.repeat(2001) })).rejects.toThrow()
    // Free at once for another worker.
    expect(await tryLease(payload, LEASE, 'next-run', 1000)).toBe(true)
    await releaseLease(payload, LEASE, 'next-run')
  })
})
