import type { Payload } from 'payload'
import { formatDay } from '@/lib/time'
import { TASK_REVIEW_COLUMNS, TaskStatus, taskStatuses } from '@/vocabulary'
import type { Column, Sheet, Value } from '../export/shapes'
import { activeIn, loadTaskData, progressIn, reviewCounts, statusIn, type TaskData } from './review'

/** The names of the export's task sheets (the .docx looks them up by name). */
export const TASK_SUMMARY_SHEET = 'Nhiệm vụ'
export const TASK_DETAIL_SHEET = 'Kết quả nhiệm vụ'

const text = (header: string, width = 40): Column => ({ header, kind: 'text', width })
const int = (header: string, width = 12): Column => ({ header, kind: 'integer', width })
const pct = (header: string, width = 10): Column => ({ header, kind: 'percent', width })

/** What a task's time frame says, with its due day when it has one. */
const timeFrameText = (t: TaskData['tasks'][number]) =>
  t.timeFrame.dueOn && !t.timeFrame.text.includes(formatDay(t.timeFrame.dueOn))
    ? `${t.timeFrame.text} (hạn ${formatDay(t.timeFrame.dueOn)})`
    : t.timeFrame.text

/**
 * The review's task tables for the years `from`-`to` ("Kết quả thực hiện các nhiệm vụ"), from the
 * tasks' progress as recorded now: the counts and shares by state per year (and over the period's
 * task-years), and each task with its state per year and its latest result or reason. With `unit`,
 * only the tasks that unit leads (the unit's own report). No tasks: no sheets.
 */
export async function taskSheets(
  payload: Payload,
  from: number,
  to: number,
  unit: string | null,
  title: (what: string) => string,
): Promise<Sheet[]> {
  const data = await loadTaskData(payload, { leadUnit: unit })
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i)
  const tasks = data.tasks.filter((t) => years.some((y) => activeIn(t, y)))
  if (!tasks.length) return []
  const scoped: TaskData = { tasks, progress: data.progress }
  const counts = reviewCounts(scoped, years)
  const period = years.length > 1
  const heads = counts.map((c) => (c.year === null ? 'Cả giai đoạn' : `Năm ${c.year}`))
  const summary: Sheet = {
    name: TASK_SUMMARY_SHEET,
    title: title('KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ: SỐ LƯỢNG VÀ TỶ LỆ'),
    columns: [
      text('Tình trạng', 30),
      ...heads.flatMap((h) => [
        int(period ? `${h}: số` : 'Số nhiệm vụ'),
        pct(period ? `${h}: %` : 'Tỷ lệ (%)'),
      ]),
    ],
    rows: [
      ['Tổng số nhiệm vụ', ...counts.flatMap((c) => [c.tasks, c.tasks ? 100 : null])],
      ...TASK_REVIEW_COLUMNS.map((s): Value[] => [
        taskStatuses.label(s),
        ...counts.flatMap((c) => [c.counts[s], c.percent[s]]),
      ]),
    ],
  }
  const detail: Sheet = {
    name: TASK_DETAIL_SHEET,
    title: title('KẾT QUẢ THỰC HIỆN TỪNG NHIỆM VỤ'),
    columns: [
      text('STT', 8),
      text('Nhiệm vụ', 50),
      text('Đơn vị chủ trì', 28),
      text('Thời gian thực hiện', 28),
      ...years.map((y) => text(period ? `Năm ${y}` : 'Tình trạng', 20)),
      text(period ? 'Kết quả, lý do (năm gần nhất có ghi nhận)' : 'Kết quả, lý do', 50),
    ],
    rows: tasks.map((t) => {
      const latest = [...years]
        .reverse()
        .map((y) => progressIn(scoped, t.id, y))
        .find(Boolean)
      const note = latest
        ? [
            latest.result,
            latest.status === TaskStatus.NotDone && latest.reason ? `Lý do: ${latest.reason}` : '',
          ]
            .filter(Boolean)
            .join(' ')
        : ''
      return [
        t.number,
        t.title,
        t.lead.name,
        timeFrameText(t),
        ...years.map((y) => (activeIn(t, y) ? taskStatuses.label(statusIn(scoped, t.id, y)) : '—')),
        note || null,
      ]
    }),
  }
  return [summary, detail]
}
