/**
 * The province's report generated on schedule: on the draft day a draft, on the province's deadline
 * the final, each once, each from a new snapshot, stored with who, when, which snapshot and the
 * file's SHA-256, and downloadable only by those who read every unit's figures.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { mediaDir } from '@/lib/env'
import { rebuildYear } from '@/reporting/engine'
import { generateDueReports } from '@/reporting/export/generate'
import { attempt } from '../helpers/accessMatrix'
import { createUser } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'
import { handDataset } from '../helpers/rollup'

let payload: Payload
let id: Record<string, string>
const at = (local: string) => new Date(`${local}+07:00`)
const generated = () =>
  payload.find({
    collection: 'generated-reports',
    overrideAccess: true,
    sort: 'createdAt',
    depth: 0,
  })

beforeAll(async () => {
  payload = await testPayload()
  id = await handDataset(payload)
  await rebuildYear(payload, 2026)
  // This year the draft is made on 03/12 (configurable per year).
  await payload.create({
    collection: 'report-deadlines',
    overrideAccess: true,
    data: {
      year: 2026,
      unitsDueOn: '2026-11-30T05:00:00.000Z',
      provinceDueOn: '2026-12-15T05:00:00.000Z',
      draftReportOn: '2026-12-03T05:00:00.000Z',
    } as never,
  })
}, 120_000)

describe('the province report by schedule', () => {
  it('makes nothing before the draft day, then the draft once', async () => {
    expect(await generateDueReports(payload, at('2026-12-02T23:59'))).toBeNull()
    // 00:10 on 03/12 in Vietnam is still 02/12 in UTC.
    const run = await generateDueReports(payload, at('2026-12-03T00:10'))
    expect(run?.stored.map((r) => [r.kind, r.mimeType])).toEqual([
      ['draft', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['draft', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ])
    expect(await generateDueReports(payload, at('2026-12-10T09:00'))).toBeNull()
  })

  it('stores each file with its snapshot and a checksum that matches the file', async () => {
    const { docs } = await generated()
    const snapshots = await payload.find({ collection: 'rollup-snapshots', overrideAccess: true })
    expect(snapshots.docs).toHaveLength(1)
    for (const doc of docs) {
      expect(String(doc.snapshot)).toBe(String(snapshots.docs[0].id))
      expect(doc.generatedBy ?? null).toBeNull()
      const file = fs.readFileSync(path.join(mediaDir(), 'reports', doc.filename!))
      expect(crypto.createHash('sha256').update(file).digest('hex')).toBe(doc.checksum)
    }
    const xlsx = docs.find((d) => d.filename?.endsWith('.xlsx'))!
    const book = XLSX.readFile(path.join(mediaDir(), 'reports', xlsx.filename!))
    const participants = (
      XLSX.utils.sheet_to_json(book.Sheets['Tổng hợp'], { header: 1 }) as unknown[][]
    ).find((r) => r[1] === 'Người tham dự sự kiện')
    expect(participants?.[2]).toBe(120)
  })

  it('makes the final on the province’s deadline, from a new snapshot, once', async () => {
    const run = await generateDueReports(payload, at('2026-12-15T06:00'))
    expect(run?.stored.map((r) => r.kind)).toEqual(['final', 'final'])
    expect(await generateDueReports(payload, at('2026-12-20T06:00'))).toBeNull()
    expect((await generated()).docs).toHaveLength(4)
    expect(
      (await payload.count({ collection: 'rollup-snapshots', overrideAccess: true })).totalDocs,
    ).toBe(2)
  })

  it('is readable by Sở TT&TT and viewers, not by a unit’s editor; nobody writes it', async () => {
    const doc = (await generated()).docs[0]
    const read = async (role: 'campaign-manager' | 'viewer' | 'editor') =>
      attempt(async () =>
        payload.findByID({
          collection: 'generated-reports',
          id: doc.id,
          user: await createUser(payload, role, role === 'editor' ? id.U1 : null),
          overrideAccess: false,
        }),
      )
    expect((await read('campaign-manager')).ok).toBe(true)
    expect((await read('viewer')).ok).toBe(true)
    expect((await read('editor')).ok).toBe(false)
    const manager = await createUser(payload, 'campaign-manager', null)
    const edit = await attempt(() =>
      payload.update({
        collection: 'generated-reports',
        id: doc.id,
        user: manager,
        overrideAccess: false,
        data: { title: 'Sửa' },
      }),
    )
    expect(edit.ok).toBe(false)
  })
})
