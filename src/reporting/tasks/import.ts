import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
} from 'payload'
import { foldText } from '@/content/fold'
import {
  columnLetter,
  type ImportProblem,
  parseAmount,
  problemText,
  type RawTable,
  readTable,
  SpreadsheetError,
} from '@/lib/spreadsheet'
import { timeFrameKinds } from '@/vocabulary'
import { parseTimeFrame, type TimeFrame } from './timeFrame'

/**
 * Import of a plan's task table from the spreadsheet it circulates as (XLSX or CSV): one row per
 * task, headed by the plan's own column names. Nothing is saved until every row reads: a preview
 * lists what would be created or updated (a task is matched by its number within the plan), and
 * any problem refuses the whole file, each named by its row and column as the spreadsheet shows them.
 */

/** The columns a task table may have: the first alias of each is the template's header. */
export const TASK_COLUMNS = {
  number: { required: true, aliases: ['STT', 'Số TT', 'Số thứ tự', 'TT'] },
  group: { required: false, aliases: ['Nhóm nhiệm vụ', 'Nhóm'] },
  title: { required: true, aliases: ['Nhiệm vụ', 'Tên nhiệm vụ', 'Nhiệm vụ, giải pháp'] },
  description: { required: false, aliases: ['Nội dung', 'Nội dung thực hiện'] },
  lead: { required: true, aliases: ['Đơn vị chủ trì', 'Chủ trì', 'Đơn vị thực hiện'] },
  coordinating: { required: false, aliases: ['Đơn vị phối hợp', 'Phối hợp'] },
  timeFrame: { required: true, aliases: ['Thời gian thực hiện', 'Thời gian', 'Tiến độ'] },
  products: {
    required: false,
    aliases: ['Kết quả, sản phẩm', 'Sản phẩm', 'Kết quả dự kiến', 'Kết quả, sản phẩm dự kiến'],
  },
  targets: { required: false, aliases: ['Mục tiêu, chỉ tiêu phục vụ', 'Chỉ tiêu', 'Mục tiêu'] },
  budgetLine: { required: false, aliases: ['Nguồn kinh phí', 'Kinh phí'] },
  budgetAmount: {
    required: false,
    aliases: ['Kinh phí dự kiến (VNĐ)', 'Dự toán (VNĐ)', 'Dự toán'],
  },
} as const
export type TaskColumn = keyof typeof TASK_COLUMNS
const COLUMN_KEYS = Object.keys(TASK_COLUMNS) as TaskColumn[]
const ALIAS = new Map<string, TaskColumn>(
  COLUMN_KEYS.flatMap((k) => TASK_COLUMNS[k].aliases.map((a) => [foldText(a), k] as const)),
)

export type UnitRef = { id: string; name: string }
/** Units by folded name and short name, for matching the plan's wording. */
export type UnitIndex = Map<string, UnitRef>

export async function unitIndex(payload: Payload, req?: PayloadRequest): Promise<UnitIndex> {
  const found = await payload.find({
    collection: 'units',
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    select: { name: true, shortName: true },
    req,
  })
  const index: UnitIndex = new Map()
  for (const u of found.docs) {
    const ref = { id: String(u.id), name: u.name }
    index.set(foldText(u.name), ref)
    if (u.shortName) index.set(foldText(u.shortName), ref)
  }
  return index
}

/**
 * The units a "phối hợp" cell names, and what is not a unit of the register ("các cơ quan, đơn vị
 * liên quan"), kept as text. Names may hold commas ("Trung tâm Văn hóa, Thể thao và Truyền thanh"),
 * so within each ';'-part the longest run of comma-parts that names a unit wins.
 */
export function matchUnits(cell: string, units: UnitIndex): { units: UnitRef[]; rest: string[] } {
  const found: UnitRef[] = []
  const rest: string[] = []
  for (const part of cell.split(/[;\n]/)) {
    const pieces = part
      .split(',')
      .map((p) => p.trim().replace(/\.$/, ''))
      .filter(Boolean)
    let i = 0
    while (i < pieces.length) {
      let matched = false
      for (let j = pieces.length; j > i; j--) {
        const unit = units.get(foldText(pieces.slice(i, j).join(', ')))
        if (unit) {
          if (!found.some((u) => u.id === unit.id)) found.push(unit)
          i = j
          matched = true
          break
        }
      }
      if (!matched) rest.push(pieces[i++])
    }
  }
  return { units: found, rest }
}

export type TaskDraft = {
  row: number
  number: string
  group: string
  title: string
  description: string
  lead: UnitRef
  coordinating: UnitRef[]
  coordinatingText: string
  timeFrame: TimeFrame
  expectedProducts: string
  servesTargets: string
  budgetLine: string
  budgetAmount: number | null
  position: number
}
export type ImportCheck = { drafts: TaskDraft[]; problems: ImportProblem[] }

const MAX_LENGTH: Partial<Record<TaskColumn, number>> = {
  number: 20,
  group: 300,
  title: 500,
  description: 5000,
  products: 2000,
  targets: 2000,
  budgetLine: 300,
}

/**
 * Checks a table against the unit register: finds the header row (the first with the number,
 * task, lead and time-frame columns), then reads each row below it. A row with a number and a
 * title but nothing else is a group heading ("1. Nhóm các nhiệm vụ nâng cao nhận thức"): the rows
 * after it belong to that group unless their own group cell says otherwise.
 */
export function checkTaskTable(table: RawTable, units: UnitIndex): ImportCheck {
  const problems: ImportProblem[] = []
  const headerAt = table.rows.findIndex((r) => {
    const keys = new Set(r.cells.map((c) => ALIAS.get(foldText(c))))
    return keys.has('number') && keys.has('title')
  })
  if (headerAt < 0) {
    const wanted = COLUMN_KEYS.filter((k) => TASK_COLUMNS[k].required)
      .map((k) => `“${TASK_COLUMNS[k].aliases[0]}”`)
      .join(', ')
    return {
      drafts: [],
      problems: [
        {
          row: table.rows[0]?.row ?? 1,
          column: null,
          message: `Không tìm thấy dòng tiêu đề cột: bảng cần các cột ${wanted}.`,
        },
      ],
    }
  }
  const header = table.rows[headerAt]
  const columnOf = new Map<TaskColumn, number>()
  header.cells.forEach((c, i) => {
    const k = ALIAS.get(foldText(c))
    if (k && !columnOf.has(k)) columnOf.set(k, i)
  })
  for (const k of COLUMN_KEYS)
    if (TASK_COLUMNS[k].required && !columnOf.has(k))
      problems.push({
        row: header.row,
        column: null,
        message: `Thiếu cột “${TASK_COLUMNS[k].aliases[0]}”.`,
      })
  if (problems.length) return { drafts: [], problems }

  const where = (k: TaskColumn) =>
    `“${header.cells[columnOf.get(k)!]}” (${columnLetter(columnOf.get(k)!)})`
  const drafts: TaskDraft[] = []
  const numbers = new Map<string, number>()
  let group = ''
  // Group headings with no task under them: a task row missing both its lead and its time frame
  // would otherwise pass for a heading.
  let heading: { row: number; number: string; tasks: number } | null = null
  // A task sits under a heading when its number continues the heading's ("1" → "1.2", "3.1" →
  // "3.1.a"), or under a roman-numbered heading ("I", "II"), whose tasks are numbered afresh.
  const under = (h: string, n: string) => /^[IVXLC]+$/i.test(h) || n.startsWith(`${h}.`)
  const emptyHeading = () => {
    if (heading && !heading.tasks)
      problems.push({
        row: heading.row,
        column: null,
        message:
          'Dòng này được hiểu là tên nhóm nhưng không có nhiệm vụ nào theo sau; nếu là một nhiệm vụ, cần ghi đơn vị chủ trì và thời gian thực hiện.',
      })
  }
  for (const r of table.rows.slice(headerAt + 1)) {
    const get = (k: TaskColumn) => (columnOf.has(k) ? (r.cells[columnOf.get(k)!] ?? '').trim() : '')
    if (COLUMN_KEYS.every((k) => !get(k))) continue
    const problem = (k: TaskColumn | null, message: string) =>
      problems.push({ row: r.row, column: k ? where(k) : null, message })
    const number = get('number').replace(/\.$/, '')
    const rest: TaskColumn[] = ['lead', 'coordinating', 'timeFrame', 'products', 'description']
    if (number && get('title') && rest.every((k) => !get(k))) {
      emptyHeading()
      heading = { row: r.row, number, tasks: 0 }
      group = `${number}. ${get('title')}`
      continue
    }
    const inGroup = !!heading && under(heading.number, number)
    if (heading && inGroup) heading.tasks++
    for (const k of COLUMN_KEYS) {
      const max = MAX_LENGTH[k]
      if (max && get(k).length > max) problem(k, `Dài quá ${max} ký tự (${get(k).length}).`)
    }
    if (!number) problem('number', 'Chưa có số thứ tự nhiệm vụ.')
    else if (numbers.has(number))
      problem('number', `Số thứ tự “${number}” trùng với dòng ${numbers.get(number)}.`)
    else numbers.set(number, r.row)
    if (!get('title')) problem('title', 'Chưa có tên nhiệm vụ.')
    const leadText = get('lead')
    let lead: UnitRef | undefined
    if (!leadText) problem('lead', 'Chưa có đơn vị chủ trì.')
    else {
      lead = units.get(foldText(leadText.replace(/\.$/, '')))
      if (!lead) {
        const named = matchUnits(leadText, units)
        const pieces = [...named.units.map((u) => u.name), ...named.rest]
        problem(
          'lead',
          named.units.length && pieces.length > 1
            ? `Ghi ${pieces.length} đơn vị chủ trì (${pieces.join('; ')}): mỗi nhiệm vụ một đơn vị chủ trì trong danh mục, các đơn vị khác ghi vào cột phối hợp.`
            : `“${leadText}” không phải một đơn vị trong danh mục đơn vị: ghi đúng tên (hoặc tên viết tắt) của một đơn vị.`,
        )
      }
    }
    const tf = parseTimeFrame(get('timeFrame'))
    if (!tf.ok) problem('timeFrame', tf.error)
    const amountText = get('budgetAmount')
    const amount = amountText ? parseAmount(amountText) : null
    if (amountText && amount === null)
      problem('budgetAmount', `“${amountText}” không phải một số tiền (ví dụ 1.170.385.000).`)
    const coordinating = matchUnits(get('coordinating'), units)
    if (lead && tf.ok && get('title') && number)
      drafts.push({
        row: r.row,
        number,
        group: get('group') || (inGroup ? group : ''),
        title: get('title'),
        description: get('description'),
        lead,
        coordinating: coordinating.units.filter((u) => u.id !== lead!.id),
        coordinatingText: coordinating.rest.join(', '),
        timeFrame: tf.value,
        expectedProducts: get('products'),
        servesTargets: get('targets'),
        budgetLine: get('budgetLine'),
        budgetAmount: amount,
        position: drafts.length + 1,
      })
  }
  emptyHeading()
  problems.sort((a, b) => a.row - b.row)
  if (!problems.length && !drafts.length)
    problems.push({
      row: header.row,
      column: null,
      message: 'Bảng không có nhiệm vụ nào dưới dòng tiêu đề.',
    })
  return { drafts: problems.length ? [] : drafts, problems }
}

export type PreviewRow = {
  row: number
  number: string
  title: string
  group: string
  lead: string
  coordinating: string
  timeFrame: string
  timeFrameKind: string
  dueOn: string | null
  action: 'create' | 'update'
}
export type ImportResult = {
  ok: boolean
  saved: boolean
  problems: string[]
  rows: PreviewRow[]
  created: number
  updated: number
}

/**
 * Checks a task table for a campaign and, with `confirm`, saves it in one transaction: tasks whose
 * number the plan already has are updated, the others created. Without `confirm` (the preview)
 * nothing is written. Any problem: nothing is written either, and every problem is listed.
 */
export async function importTaskTable(
  payload: Payload,
  campaignId: string,
  data: Buffer,
  options: { confirm?: boolean } = {},
): Promise<ImportResult> {
  const refuse = (problems: string[]): ImportResult => ({
    ok: false,
    saved: false,
    problems,
    rows: [],
    created: 0,
    updated: 0,
  })
  const campaign = await payload.findByID({
    collection: 'campaigns',
    id: campaignId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!campaign) return refuse([`Không tìm thấy kế hoạch (chiến dịch) “${campaignId}”.`])
  let table: RawTable
  try {
    table = await readTable(data)
  } catch (err) {
    if (err instanceof SpreadsheetError) return refuse([err.message])
    throw err
  }
  const check = checkTaskTable(table, await unitIndex(payload))
  if (check.problems.length) return refuse(check.problems.map(problemText))
  const existing = await payload.find({
    collection: 'plan-tasks',
    where: { campaign: { equals: campaignId } },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    select: { number: true },
  })
  const idOf = new Map(existing.docs.map((t) => [t.number, String(t.id)]))
  const rows: PreviewRow[] = check.drafts.map((d) => ({
    row: d.row,
    number: d.number,
    title: d.title,
    group: d.group,
    lead: d.lead.name,
    coordinating: [...d.coordinating.map((u) => u.name), d.coordinatingText]
      .filter(Boolean)
      .join('; '),
    timeFrame: d.timeFrame.text,
    timeFrameKind: timeFrameKinds.label(d.timeFrame.kind),
    dueOn: d.timeFrame.dueOn,
    action: idOf.has(d.number) ? 'update' : 'create',
  }))
  const created = rows.filter((r) => r.action === 'create').length
  const result: ImportResult = {
    ok: true,
    saved: false,
    problems: [],
    rows,
    created,
    updated: rows.length - created,
  }
  if (!options.confirm) return result

  const req = await createLocalReq({}, payload)
  const own = await initTransaction(req)
  try {
    for (const d of check.drafts) {
      const data = {
        campaign: campaignId,
        number: d.number,
        position: d.position,
        group: d.group,
        title: d.title,
        description: d.description,
        leadUnit: d.lead.id,
        coordinatingUnits: d.coordinating.map((u) => u.id),
        coordinatingText: d.coordinatingText,
        timeFrame: { text: d.timeFrame.text },
        expectedProducts: d.expectedProducts,
        servesTargets: d.servesTargets,
        budgetLine: d.budgetLine,
        budgetAmount: d.budgetAmount,
      }
      const id = idOf.get(d.number)
      if (id)
        await payload.update({ collection: 'plan-tasks', id, data, overrideAccess: true, req })
      else
        await payload.create({
          collection: 'plan-tasks',
          data: data as never,
          overrideAccess: true,
          req,
        })
    }
    if (own) await commitTransaction(req)
  } catch (err) {
    if (own) await killTransaction(req)
    return refuse([`Không lưu được bảng nhiệm vụ, chưa lưu dòng nào: ${(err as Error).message}`])
  }
  return { ...result, saved: true }
}
