import { stringify } from 'csv-stringify/sync'
import { escapeHtml } from '@/lib/html'
import { formatVietnamTime } from '@/lib/time'
import { AiringStatus, airingStatuses } from '@/vocabulary'
import type { Rundown, RundownRow } from './data'


/** "5 phút 30 giây", "1 giờ 2 phút", "—" when unknown. */
export function formatDuration(seconds: number | null): string {
  if (seconds == null) return '—'
  const total = Math.round(seconds)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const parts = [h ? `${h} giờ` : '', m ? `${m} phút` : '', s ? `${s} giây` : ''].filter(Boolean)
  return parts.length ? parts.join(' ') : '0 giây'
}

export const FLAGGED_LABEL = 'Quá hạn chưa xác nhận'

/** The confirmation column in words: "Đã phát, thời lượng thực tế 5 phút", "Không phát", "Chưa xác nhận". */
export function airingText(row: RundownRow): string {
  if (row.planned) return 'Dự kiến (chưa đến giờ phát)'
  const label = airingStatuses.label(row.airingStatus)
  if (row.airingStatus === AiringStatus.Aired && row.actualSeconds != null)
    return `${label}, thời lượng thực tế ${formatDuration(row.actualSeconds)}`
  return label
}

const totalPlanned = (rows: RundownRow[]) =>
  rows.reduce((sum, r) => sum + (r.plannedSeconds ?? 0), 0)

export const rundownHeading = (rundown: Rundown) =>
  `Chương trình phát sóng ngày ${rundown.dateLabel} – ${rundown.channel.name}`

function rowHtml(row: RundownRow, index: number): string {
  const status: string[] = []
  if (row.flagged) status.push(`<strong class="flag">${escapeHtml(FLAGGED_LABEL)}</strong>`)
  else
    status.push(
      `<span class="airing airing-${escapeHtml(row.airingStatus)}">${escapeHtml(airingText(row))}</span>`,
    )
  if (row.note) status.push(`<div class="small">Ghi chú: ${escapeHtml(row.note)}</div>`)
  if (row.airingStatus !== AiringStatus.Pending && (row.confirmedByName || row.confirmedAt)) {
    const who = [row.confirmedByName, row.confirmedAt ? formatVietnamTime(row.confirmedAt) : '']
      .filter(Boolean)
      .join(', ')
    status.push(`<div class="small">Xác nhận: ${escapeHtml(who)}</div>`)
  }
  return `
      <tr${row.flagged ? ' class="flagged"' : ''} data-publication="${escapeHtml(row.publicationId)}">
        <td class="num">${index + 1}</td>
        <td class="time">${escapeHtml(row.time)}</td>
        <td>
          <div class="title">${escapeHtml(row.title)}</div>
          ${row.message ? `<div class="small">Lời dẫn: ${escapeHtml(row.message)}</div>` : ''}
        </td>
        <td>${escapeHtml(row.typeLabel)}</td>
        <td class="duration">${escapeHtml(formatDuration(row.plannedSeconds))}</td>
        <td>${status.join('\n')}</td>
      </tr>`
}

/**
 * The printable page: a heading, the day's slots in a table, a print button and a CSV link. Every
 * value is escaped; the only script is the print button's, allowed by its nonce.
 */
export function renderRundownHtml(
  rundown: Rundown,
  options: { nonce: string; csvHref: string; generatedAt?: Date },
): string {
  const { nonce, csvHref } = options
  const heading = rundownHeading(rundown)
  const flaggedCount = rundown.rows.filter((r) => r.flagged).length
  const body = rundown.rows.length
    ? rundown.rows.map(rowHtml).join('')
    : `
      <tr><td colspan="6" class="empty">Không có chương trình nào trong lịch phát sóng ngày này.</td></tr>`
  const subtitle = [rundown.channel.kindLabel, rundown.channel.unitName].filter(Boolean).join(' – ')
  return `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>${escapeHtml(heading)}</title>
  <style nonce="${escapeHtml(nonce)}">
    body { font-family: "Times New Roman", Times, serif; font-size: 14px; color: #111; margin: 24px; }
    h1 { font-size: 20px; margin: 0 0 4px; }
    .subtitle { margin: 0 0 16px; color: #444; }
    .actions { margin: 0 0 16px; display: flex; gap: 12px; align-items: center; }
    .actions button, .actions a { font: inherit; padding: 6px 14px; border: 1px solid #0b4f8a; border-radius: 4px; background: #0b4f8a; color: #fff; text-decoration: none; cursor: pointer; }
    .actions a { background: #fff; color: #0b4f8a; }
    table { width: 100%; border-collapse: collapse; }
    th, td { border: 1px solid #999; padding: 6px 8px; text-align: left; vertical-align: top; }
    th { background: #eef3f8; }
    td.num, td.time { white-space: nowrap; text-align: center; }
    td.time { font-weight: bold; }
    td.duration { white-space: nowrap; }
    .title { font-weight: bold; }
    .small { font-size: 12px; color: #444; margin-top: 2px; }
    tr.flagged td { background: #fde8e8; }
    .flag { color: #b42318; }
    .airing-aired { color: #1a7f37; }
    .airing-not-aired { color: #9a6700; }
    .empty { text-align: center; font-style: italic; padding: 24px; }
    .summary { margin-top: 12px; }
    .signatures { display: none; }
    @media print {
      @page { size: A4; margin: 15mm; }
      body { margin: 0; font-size: 12pt; }
      .no-print { display: none !important; }
      th, td { border-color: #000; }
      th { background: none; }
      thead { display: table-header-group; }
      tr { page-break-inside: avoid; break-inside: avoid; }
      tr.flagged td { background: #fde8e8; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      .signatures { display: flex; justify-content: space-between; margin-top: 32px; text-align: center; }
      .signatures div { width: 40%; min-height: 80px; }
    }
  </style>
</head>
<body>
  <h1>${escapeHtml(heading)}</h1>
  ${subtitle ? `<p class="subtitle">${escapeHtml(subtitle)}</p>` : ''}
  <div class="actions no-print">
    <button type="button" id="print">In</button>
    <a href="${escapeHtml(csvHref)}" download>Tải về (CSV)</a>
  </div>
  <table>
    <thead>
      <tr>
        <th>STT</th>
        <th>Giờ phát</th>
        <th>Tên chương trình / nội dung</th>
        <th>Loại</th>
        <th>Thời lượng dự kiến</th>
        <th>Trạng thái xác nhận</th>
      </tr>
    </thead>
    <tbody>${body}
    </tbody>
  </table>
  <p class="summary">Tổng số: ${rundown.rows.length} mục; tổng thời lượng dự kiến: ${escapeHtml(formatDuration(totalPlanned(rundown.rows)))}${
    flaggedCount ? `; <strong class="flag">${flaggedCount} mục quá hạn chưa xác nhận</strong>` : ''
  }. Lập lúc ${escapeHtml(formatVietnamTime(options.generatedAt ?? new Date()))}.</p>
  <div class="signatures"><div>Người lập</div><div>Trưởng ca phát sóng</div></div>
  <script nonce="${escapeHtml(nonce)}">
    document.getElementById('print').addEventListener('click', function () { window.print() })
  </script>
</body>
</html>
`
}

/** Spreadsheets run cells that start like a formula; a leading apostrophe keeps them text. */
const safeCell = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)

export const CSV_COLUMNS = [
  'Giờ phát',
  'Tên chương trình / nội dung',
  'Lời dẫn',
  'Loại',
  'Thời lượng dự kiến (giây)',
  'Trạng thái xác nhận',
  'Thời lượng thực tế (giây)',
  'Ghi chú',
  'Người xác nhận',
  'Xác nhận lúc',
  'Cảnh báo',
]

/** The same rows as CSV: UTF-8 with a BOM (so Excel reads Vietnamese), CRLF line ends, durations in seconds. */
export function renderRundownCsv(rundown: Rundown): string {
  const records = rundown.rows.map((row) => [
    row.time,
    safeCell(row.title),
    safeCell(row.message),
    row.typeLabel,
    row.plannedSeconds ?? '',
    airingStatuses.label(row.airingStatus),
    row.actualSeconds ?? '',
    safeCell(row.note),
    safeCell(row.confirmedByName),
    row.confirmedAt && row.airingStatus !== AiringStatus.Pending
      ? formatVietnamTime(row.confirmedAt)
      : '',
    row.flagged ? FLAGGED_LABEL : '',
  ])
  return stringify([CSV_COLUMNS, ...records], { bom: true, record_delimiter: 'windows' })
}
