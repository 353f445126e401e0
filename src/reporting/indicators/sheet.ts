import type { Payload } from 'payload'
import type { ReportSection, Sheet, Value } from '@/reporting/export/shapes'
import { indicatorStatuses } from '@/vocabulary'
import { groupTotals } from './aggregate'
import { loadCatalogue } from './catalogue'
import type { Fact } from './facts'
import { indicatorRows } from './panel'
import { allUnits, groupInYears } from './unitsUnder'
import { unitValues } from './unitValues'

/** The scope column's value for the province's own rows. */
export const PROVINCE = 'Toàn tỉnh'
export const INDICATOR_SHEET = 'Chỉ tiêu nhận thức'

const round = (v: number | null, decimals: number) =>
  v == null ? null : Math.round(v * 10 ** decimals) / 10 ** decimals

/**
 * The exports' "Chỉ tiêu" sheet: for each indicator and year, the province's (or, in a unit's own
 * export, that unit's group's) value with its target, Σ numerator, Σ denominator, status and
 * coverage, then each unit's own row. A period export lists every year against its path.
 * `frozen`: the facts a snapshot kept (frozen.ts), so a frozen year shows its figures as they stood
 * at the freeze; without them, today's.
 */
export async function indicatorSheet(
  payload: Payload,
  years: readonly number[],
  unit: string | null,
  frozen?: readonly Fact[] | null,
): Promise<Sheet> {
  const [{ indicators }, units] = await Promise.all([loadCatalogue(payload), allUnits(payload)])
  const group = await groupInYears(payload, units, unit, years)
  const [totals, perUnit] = await Promise.all([
    groupTotals(payload, indicators, years, units, unit, { frozen }),
    unitValues(payload, indicators, years, group, null, undefined, { frozen }),
  ])
  const scopeName = unit ? (units.find((u) => u.id === unit)?.name ?? '') : PROVINCE
  const unitKind = unit ? (units.find((u) => u.id === unit)?.kind ?? null) : null
  const rows: Value[][] = []
  for (const year of years) {
    const yearRows = indicatorRows(indicators, totals, { year, campaign: null, unitKind })
    for (const r of yearRows) {
      rows.push([
        r.code,
        r.name,
        year,
        scopeName,
        round(r.target, r.decimals),
        r.numerator,
        r.kind === 'count' ? null : r.denominator,
        round(r.value, r.decimals),
        r.status ? indicatorStatuses.label(r.status) : null,
        r.coverage == null ? null : round(r.coverage * 100, 1),
        `${r.reported}/${r.expected}`,
      ])
      for (const u of perUnit.filter((v) => v.indicator === r.code && v.year === year))
        rows.push([
          r.code,
          r.name,
          year,
          u.unitName,
          round(u.target, r.decimals),
          u.numerator,
          r.kind === 'count' ? null : u.denominator,
          round(u.value, r.decimals),
          u.reported ? (u.status ? indicatorStatuses.label(u.status) : null) : 'Chưa báo cáo',
          u.reported ? 100 : 0,
          u.reported ? '1/1' : '0/1',
        ])
    }
  }
  const text = (header: string, width = 30) => ({ header, kind: 'text' as const, width })
  const dec = (header: string) => ({ header, kind: 'decimal' as const, width: 14 })
  return {
    name: INDICATOR_SHEET,
    title: `Kết quả thực hiện các chỉ tiêu nhận thức (${scopeName})`,
    columns: [
      text('Mã', 14),
      text('Chỉ tiêu', 50),
      { header: 'Năm', kind: 'integer', width: 8 },
      text('Đơn vị', 36),
      dec('Chỉ tiêu (lộ trình)'),
      dec('Tử số'),
      dec('Mẫu số'),
      dec('Thực hiện'),
      text('Đánh giá', 18),
      { header: 'Tỷ lệ báo cáo', kind: 'percent', width: 12 },
      text('Đã báo cáo', 12),
    ],
    rows,
  }
}

/**
 * The .docx's "Kết quả thực hiện các chỉ tiêu": the scope's rows of the sheet (not each unit's), as
 * a section of the province's report (docx.ts prints it); none when the catalogue is empty.
 */
export function indicatorSection(sheet: Sheet): ReportSection[] {
  const keep = [1, 2, 4, 7, 8, 10]
  if (!sheet.rows.length) return []
  const scope = sheet.rows[0][3]
  return [
    {
      title: 'Kết quả thực hiện các chỉ tiêu',
      tables: [
        {
          title: `Chỉ tiêu nhận thức: ${scope}`,
          columns: keep.map((i) => sheet.columns[i].header),
          rows: sheet.rows.filter((r) => r[3] === scope).map((r) => keep.map((i) => r[i])),
        },
      ],
    },
  ]
}
