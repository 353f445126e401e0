import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'
import { hasRole, isCrossUnit, unitIdOf } from '@/access/roles'
import { relationId } from '@/lib/relation'
import {
  columnLetter,
  type ImportProblem,
  parseAmount,
  problemText,
  type RawTable,
  readTable,
  SpreadsheetError,
} from '@/lib/spreadsheet'
import { Role, UnitReportStatus, unitKinds, type UnitKind } from '@/vocabulary'
import { elementsOfKind, loadCatalogue, type Element } from './catalogue'
import { enteredValues } from './facts'
import { checkValues, type EnteredValue } from './validate'

/**
 * The units' indicator figures as a spreadsheet, DHIS2's data entry by file: a template per year
 * and unit kind (XLSX or CSV) listing the units the user enters for, a column per data element of
 * the kind, filled with what is stored; and its import, the whole file or nothing, every problem
 * named by its row and column. The forms are saved through the Local API as the user, so the
 * collection's own checks and workflow apply as in the admin.
 */

const UNIT_ID = 'Mã đơn vị'
const UNIT_NAME = 'Tên đơn vị'
const SURVEY_METHOD = 'Phương pháp khảo sát'
const SURVEY_DATE = 'Ngày khảo sát (dd/mm/yyyy)'
/** A form already handed in or accepted is not overwritten by a file. */
const LOCKED: readonly string[] = [UnitReportStatus.Submitted, UnitReportStatus.Accepted]

const elementHeader = (e: Element) => `${e.code} – ${e.name}`

type UnitRow = { id: string; name: string; kind: UnitKind }

/** The units of a kind the user enters figures for: all for Sở TT&TT, else their own unit. */
async function unitsFor(req: PayloadRequest, kind: UnitKind): Promise<UnitRow[]> {
  const own = unitIdOf(req.user)
  const found = await req.payload.find({
    collection: 'units',
    where: {
      and: [
        { kind: { equals: kind } },
        { active: { equals: true } },
        ...(isCrossUnit(req.user) ? [] : [{ id: { equals: own ?? '' } }]),
      ],
    },
    sort: 'name',
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    select: { name: true, kind: true },
    req,
  })
  return found.docs.map((u) => ({ id: String(u.id), name: u.name, kind: u.kind as UnitKind }))
}

async function storedForms(req: PayloadRequest, year: number, units: readonly string[]) {
  const found = await req.payload.find({
    collection: 'indicator-reports',
    where: { and: [{ year: { equals: year } }, { ownerUnit: { in: [...units] } }] },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return new Map(found.docs.map((d) => [String(relationId(d.ownerUnit)), d]))
}

/** The template's rows: header, then one row per unit with its stored values (empty = missing). */
export async function templateRows(req: PayloadRequest, year: number, kind: UnitKind) {
  const { elements } = await loadCatalogue(req.payload, req)
  const own = elementsOfKind(elements, kind)
  const survey = own.some((e) => e.survey)
  const units = await unitsFor(req, kind)
  const forms = await storedForms(
    req,
    year,
    units.map((u) => u.id),
  )
  const header = [
    UNIT_ID,
    UNIT_NAME,
    ...own.map(elementHeader),
    ...(survey ? [SURVEY_METHOD, SURVEY_DATE] : []),
  ]
  const rows = units.map((u) => {
    const form = forms.get(u.id)
    const values = new Map(enteredValues(form ?? {}).map((v) => [String(v.element), v.value]))
    const date = form?.surveyDate ? new Date(form.surveyDate) : null
    return [
      u.id,
      u.name,
      ...own.map((e) => values.get(e.id) ?? null),
      ...(survey
        ? [
            form?.surveyMethod ?? '',
            date
              ? `${String(date.getUTCDate()).padStart(2, '0')}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()}`
              : '',
          ]
        : []),
    ]
  })
  return { header, rows, title: `Số liệu chỉ tiêu năm ${year} – ${unitKinds.label(kind)}` }
}

export async function templateXlsx(req: PayloadRequest, year: number, kind: UnitKind) {
  const { header, rows, title } = await templateRows(req, year, kind)
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(`Năm ${year}`, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] })
  ws.addRow(header).font = { bold: true }
  for (const r of rows) ws.addRow(r)
  ws.columns.forEach((c, i) => (c.width = i === 1 ? 36 : i === 0 ? 38 : 22))
  wb.title = title
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** UTF-8 with BOM, so Excel reads the Vietnamese. */
export async function templateCsv(req: PayloadRequest, year: number, kind: UnitKind) {
  const { header, rows } = await templateRows(req, year, kind)
  return `\ufeff${stringify([header, ...rows.map((r) => r.map((c) => c ?? ''))])}`
}

type FormDraft = {
  row: number
  unit: UnitRow
  values: EnteredValue[]
  surveyMethod: string | null
  surveyDate: string | null
  formId: string | null
}

/** "15/10/2026" → the day's UTC midnight as ISO; null if not such a date. */
function parseDay(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim())
  if (!m) return null
  const d = new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])))
  return d.getUTCDate() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1
    ? d.toISOString()
    : null
}

/** Reads and checks a filled-in template: the forms it would save, or every problem. */
export async function checkFile(
  req: PayloadRequest,
  year: number,
  table: RawTable,
): Promise<{ drafts: FormDraft[]; problems: ImportProblem[] }> {
  const problems: ImportProblem[] = []
  const header = table.rows.find((r) => r.cells.some(Boolean))
  if (!header) return { drafts: [], problems: [{ row: 1, column: null, message: 'Tệp trống.' }] }
  const { elements } = await loadCatalogue(req.payload, req)
  const byCode = new Map(elements.map((e) => [e.code.toLowerCase(), e]))
  const columnOf = new Map<string, number>()
  let unitColumn = -1
  let methodColumn = -1
  let dateColumn = -1
  header.cells.forEach((text, i) => {
    if (!text) return
    if (text === UNIT_ID) unitColumn = i
    else if (text === UNIT_NAME) return
    else if (text === SURVEY_METHOD) methodColumn = i
    else if (text.startsWith('Ngày khảo sát')) dateColumn = i
    else {
      const element = byCode.get(text.split(/\s+[–-]\s+|\s/)[0].toLowerCase())
      if (element) columnOf.set(element.id, i)
      else
        problems.push({
          row: header.row,
          column: columnLetter(i),
          message: `“${text}” không phải trường số liệu nào trong danh mục (tiêu đề cột bắt đầu bằng mã trường).`,
        })
    }
  })
  if (unitColumn < 0)
    problems.push({ row: header.row, column: null, message: `Thiếu cột “${UNIT_ID}”.` })
  if (problems.length) return { drafts: [], problems }

  const units = new Map<string, UnitRow>()
  const allowed = isCrossUnit(req.user) ? null : String(unitIdOf(req.user) ?? '')
  const seen = new Set<string>()
  const drafts: FormDraft[] = []
  const lines = table.rows.filter((r) => r.row > header.row && r.cells.some(Boolean))
  const ids = [...new Set(lines.map((r) => r.cells[unitColumn] ?? '').filter(Boolean))]
  if (ids.length) {
    const found = await req.payload.find({
      collection: 'units',
      where: { id: { in: ids } },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      select: { name: true, kind: true },
      req,
    })
    for (const u of found.docs)
      units.set(String(u.id), { id: String(u.id), name: u.name, kind: u.kind as UnitKind })
  }
  const forms = await storedForms(req, year, [...units.keys()])
  for (const line of lines) {
    const at = (column: number, message: string) =>
      problems.push({ row: line.row, column: columnLetter(column), message })
    const unit = units.get(line.cells[unitColumn] ?? '')
    if (!unit) {
      at(unitColumn, `Không có đơn vị mã “${line.cells[unitColumn] ?? ''}”.`)
      continue
    }
    if (allowed != null && (unit.id !== allowed || !hasRole(req.user, Role.Editor))) {
      at(unitColumn, `Bạn không được nhập số liệu cho “${unit.name}”.`)
      continue
    }
    if (seen.has(unit.id)) {
      at(unitColumn, `“${unit.name}” có hai dòng trong tệp.`)
      continue
    }
    seen.add(unit.id)
    const form = forms.get(unit.id)
    if (form && LOCKED.includes(String(form.status))) {
      at(
        unitColumn,
        `Số liệu năm ${year} của “${unit.name}” đã nộp hoặc đã được chấp nhận: không nhập đè bằng tệp.`,
      )
      continue
    }
    const values: EnteredValue[] = []
    const valueColumns: number[] = []
    let unreadable = false
    for (const [element, column] of columnOf) {
      const text = (line.cells[column] ?? '').trim()
      if (!text) {
        values.push({ element, value: null })
      } else {
        const value = parseAmount(text)
        if (value == null) {
          unreadable = true
          at(column, `“${text}” không phải số nguyên không âm (để trống nếu chưa có số liệu).`)
          continue
        }
        values.push({ element, value })
      }
      valueColumns.push(column)
    }
    // Only the kind's own elements with a value are checked against the kind: another kind's
    // column left empty is not this unit's concern.
    const given = values.filter(
      (v) =>
        v.value != null || elements.find((e) => e.id === v.element)?.unitKinds.includes(unit.kind),
    )
    const surveyMethod = methodColumn >= 0 ? line.cells[methodColumn]?.trim() || null : null
    const dateText = dateColumn >= 0 ? line.cells[dateColumn]?.trim() || '' : ''
    const surveyDate = dateText ? parseDay(dateText) : null
    if (dateText && !surveyDate) at(dateColumn, `“${dateText}” không phải ngày dd/mm/yyyy.`)
    if (unreadable) continue
    for (const p of checkValues(elements, unit.kind, given, {
      method: surveyMethod,
      date: surveyDate,
    })) {
      const column =
        p.index == null
          ? methodColumn >= 0
            ? methodColumn
            : unitColumn
          : (columnOf.get(String(given[p.index].element)) ?? unitColumn)
      at(column, p.message)
    }
    // A file without some of the kind's columns leaves those values as stored.
    const inFile = new Set(given.map((v) => String(v.element)))
    const kept = enteredValues(form ?? {}).filter((v) => !inFile.has(String(v.element)))
    drafts.push({
      row: line.row,
      unit,
      values: [...given, ...kept],
      surveyMethod,
      surveyDate,
      formId: form ? String(form.id) : null,
    })
  }
  if (!problems.length && !drafts.length)
    problems.push({ row: header.row, column: null, message: 'Tệp không có dòng số liệu nào.' })
  return { drafts: problems.length ? [] : drafts, problems }
}

export type FileImportResult = { ok: boolean; problems: string[]; created: number; updated: number }

/**
 * Saves a filled-in template for a year in one transaction, as the user: every form or none. Any
 * problem in the file, or a refusal by the collection's own checks, saves nothing.
 */
export async function importIndicatorFile(
  req: PayloadRequest,
  year: number,
  data: Buffer,
): Promise<FileImportResult> {
  const refuse = (problems: string[]) => ({ ok: false, problems, created: 0, updated: 0 })
  let table: RawTable
  try {
    table = await readTable(data)
  } catch (err) {
    if (err instanceof SpreadsheetError) return refuse([err.message])
    throw err
  }
  const check = await checkFile(req, year, table)
  if (check.problems.length) return refuse(check.problems.map(problemText))
  const own = await initTransaction(req)
  let created = 0
  try {
    for (const d of check.drafts) {
      const fields = {
        values: d.values.map((v) => ({ element: v.element, value: v.value })),
        surveyMethod: d.surveyMethod,
        surveyDate: d.surveyDate,
      }
      try {
        if (d.formId)
          await req.payload.update({
            collection: 'indicator-reports',
            id: d.formId,
            data: fields as never,
            user: req.user,
            overrideAccess: false,
            req,
          })
        else {
          await req.payload.create({
            collection: 'indicator-reports',
            data: { ...fields, ownerUnit: d.unit.id, year } as never,
            user: req.user,
            overrideAccess: false,
            req,
          })
          created++
        }
      } catch (err) {
        throw new SpreadsheetError(`Dòng ${d.row} (${d.unit.name}): ${(err as Error).message}`)
      }
    }
    if (own) await commitTransaction(req)
  } catch (err) {
    if (own) await killTransaction(req)
    return refuse([`Không lưu được tệp, chưa lưu dòng nào: ${(err as Error).message}`])
  }
  return { ok: true, problems: [], created, updated: check.drafts.length - created }
}
