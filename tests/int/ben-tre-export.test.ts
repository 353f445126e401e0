/**
 * Bến Tre's training annexe reproduced end to end: its 188 units and its plan entered as data, a
 * snapshot frozen, the annual export's training sheet read back with SheetJS: 473 experts, 3,945
 * short-course trainees, 4,418 in all, per unit type and per year, the printed row 2 flagged.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { exportToFile } from '@/reporting/export'
import { planSubtotals, unitKinds } from '@/vocabulary'
import { BEN_TRE_PLAN, BEN_TRE_UNITS } from '../helpers/benTre'
import { createUnit } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

let payload: Payload
let rows: unknown[][]

beforeAll(async () => {
  payload = await testPayload()
  let lead = ''
  for (const [kind, count] of Object.entries(BEN_TRE_UNITS))
    for (let i = 1; i <= count; i++) {
      const unit = await createUnit(payload, `${unitKinds.label(kind)} ${i}`, kind)
      lead ||= String(unit.id)
    }
  await payload.create({
    collection: 'campaigns',
    overrideAccess: true,
    data: {
      name: 'Kế hoạch 2021-2025 Bến Tre',
      startsOn: '2021-01-01T00:00:00+07:00',
      endsOn: '2025-12-31T00:00:00+07:00',
      leadUnit: lead,
      ...BEN_TRE_PLAN,
    } as never,
  })
  await payload.create({
    collection: 'rollup-snapshots',
    overrideAccess: true,
    data: { year: 2025 },
  })
  const file = path.join(process.env.TEST_TMP_DIR ?? '/tmp', 'ben-tre-2025.xlsx')
  await exportToFile(payload, { year: 2025 }, 'xlsx', file)
  const book = XLSX.readFile(file)
  rows = XLSX.utils.sheet_to_json(book.Sheets['Đào tạo'], {
    header: 1,
    defval: null,
  }) as unknown[][]
  fs.rmSync(file)
}, 120_000)

const value = (label: string, when: string | null = null) =>
  rows.find((r) => r[0] === label && r[1] === when)?.[2]

describe('Bến Tre’s annexe in the annual export', () => {
  it('needs by unit type: units × need per unit, 473 experts and 3,945 trainees, 4,418 in all', () => {
    expect(value(`Chuyên gia CĐS – ${unitKinds.label('commune')}`, '157 đơn vị')).toBe(314)
    expect(value(`Bồi dưỡng ngắn hạn – ${unitKinds.label('district')}`, '9 đơn vị')).toBe(900)
    expect(value('Tổng nhu cầu chuyên gia CĐS')).toBe(473)
    expect(value('Tổng nhu cầu bồi dưỡng ngắn hạn')).toBe(3945)
    expect(value('Tổng cộng nhu cầu')).toBe(4418)
  })

  it('per year from the detail rows: 270, 980, 980, 980, 1,208; row 2’s printed slips flagged', () => {
    const years = ['2021', '2022', '2023', '2024', '2025']
    expect(years.map((y) => value(planSubtotals.label('grand-total'), y))).toEqual([
      270, 980, 980, 980, 1208,
    ])
    expect(value(planSubtotals.label('grand-total'), 'Cả giai đoạn')).toBe(4418)
    expect(value(planSubtotals.label('dx-experts'), 'Cả giai đoạn')).toBe(473)
    expect(value(planSubtotals.label('short-courses'), 'Cả giai đoạn')).toBe(3945)
    const notes = years.map(
      (y) => rows.find((r) => r[0] === planSubtotals.label('short-courses') && r[1] === y)?.[3],
    )
    expect(notes).toEqual([
      'Số ghi trong kế hoạch: 120, tính từ các dòng chi tiết: 220',
      'Số ghi trong kế hoạch: 890, tính từ các dòng chi tiết: 880',
      'Số ghi trong kế hoạch: 890, tính từ các dòng chi tiết: 880',
      'Số ghi trong kế hoạch: 890, tính từ các dòng chi tiết: 880',
      null,
    ])
  })
})
