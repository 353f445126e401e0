import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import { formatDateTimeVn } from '@/lib/time'
import { BOM } from '@/reporting/export/csv'
import { ageBands } from '@/vocabulary'
import { optionsOf, type SurveyDoc } from './questions'
import type { StoredResponse } from './results'

type Row = StoredResponse & { createdAt: string }

/**
 * The anonymous responses as a table: one row per response, the answers as their labels (several
 * picks joined by "; "), the commune by name. No device key, nothing else.
 */
export function responseTable(
  survey: Pick<SurveyDoc, 'questions'>,
  rows: readonly Row[],
  communeNames: ReadonlyMap<string, string>,
) {
  const questions = survey.questions ?? []
  const header = [
    'STT',
    'Thời điểm gửi',
    'Xã, phường',
    'Độ tuổi',
    ...questions.map((q, i) => `Câu ${i + 1}. ${q.text}`),
    'Biết và sử dụng được',
  ]
  const body = rows.map((r, i) => [
    i + 1,
    formatDateTimeVn(r.createdAt),
    r.commune == null ? 'Nơi khác' : (communeNames.get(r.commune) ?? r.commune),
    r.ageBand ? ageBands.label(r.ageBand) : '',
    ...questions.map((q) => {
      const a = r.answers[q.key]
      const labels = new Map(optionsOf(q).map((o) => [o.value, o.label]))
      return (Array.isArray(a) ? a : a == null ? [] : [a]).map((v) => labels.get(v) ?? v).join('; ')
    }),
    r.aware == null ? '' : r.aware ? 'Có' : 'Không',
  ])
  return { header, body }
}

/** UTF-8 with BOM, so Excel reads the Vietnamese. */
export const responsesCsv = (table: ReturnType<typeof responseTable>) =>
  `${BOM}${stringify([table.header, ...table.body])}`

export async function responsesXlsx(title: string, table: ReturnType<typeof responseTable>) {
  const wb = new ExcelJS.Workbook()
  wb.title = title
  const ws = wb.addWorksheet('Phiếu trả lời', { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.addRow(table.header).font = { bold: true }
  for (const r of table.body) ws.addRow(r)
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 6 : i < 4 ? 20 : 28))
  return Buffer.from(await wb.xlsx.writeBuffer())
}
