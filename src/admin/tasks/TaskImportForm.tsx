'use client'

import React, { useRef, useState, useSyncExternalStore } from 'react'

type Row = {
  row: number
  number: string
  title: string
  group: string
  lead: string
  coordinating: string
  timeFrame: string
  timeFrameKind: string
  action: 'create' | 'update'
}
type Answer = { message?: string; errors?: { message: string }[]; rows?: Row[]; saved?: boolean }

/** A subscription to nothing: with it, `ready` is false in the server's HTML and true once the scripts run. */
const noChange = () => () => {}

/**
 * Upload a plan's task table: "Xem trước" checks it and shows what would be saved (nothing is);
 * "Lưu bảng nhiệm vụ" saves the same file, all or nothing. Problems are listed by row and column.
 */
export function TaskImportForm({ campaigns }: { campaigns: { id: string; name: string }[] }) {
  const [campaign, setCampaign] = useState(campaigns[0]?.id ?? '')
  const [chosen, setFile] = useState<File | null>(null)
  const [answer, setAnswer] = useState<Answer | null>(null)
  const [busy, setBusy] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  // The admin may re-render the view once its scripts run, replacing an input whose file was
  // chosen before: the input is enabled (and the form marked ready) only from then.
  const ready = useSyncExternalStore(
    noChange,
    () => true,
    () => false,
  )
  const send = async (confirm: boolean) => {
    // A file chosen before the page became interactive is in the input, not yet in the state.
    const file = chosen ?? input.current?.files?.[0] ?? null
    if (!file) return setAnswer({ errors: [{ message: 'Chưa chọn tệp (.xlsx hoặc .csv).' }] })
    setBusy(true)
    const body = new FormData()
    body.set('file', file)
    // Payload reads a multipart request's fields from its `_payload` JSON (addDataAndFileToRequest).
    body.set('_payload', JSON.stringify({ campaign, confirm: confirm ? '1' : undefined }))
    try {
      const res = await fetch('/api/plan-tasks/import', {
        method: 'POST',
        body,
        credentials: 'include',
      })
      setAnswer((await res.json()) as Answer)
    } catch {
      setAnswer({ errors: [{ message: 'Không gửi được tệp lên máy chủ; thử lại.' }] })
    } finally {
      setBusy(false)
    }
  }
  const previewed = !!answer?.rows?.length && !answer.errors?.length
  return (
    <div className="cms-task-import" data-ready={ready}>
      <div className="cms-cal__filters">
        <label className="cms-field">
          <span className="cms-field__label">Kế hoạch</span>
          <select
            id="task-import-campaign"
            value={campaign}
            onChange={(e) => setCampaign(e.target.value)}
          >
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="cms-field">
          <span className="cms-field__label">Tệp bảng nhiệm vụ (.xlsx, .csv)</span>
          <input
            id="task-import-file"
            ref={input}
            disabled={!ready}
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null)
              setAnswer(null)
            }}
          />
        </label>
        <button
          type="button"
          className="btn btn--style-secondary btn--size-medium cms-btn"
          disabled={busy}
          onClick={() => send(false)}
          id="task-import-preview"
        >
          Xem trước
        </button>
        {previewed && !answer?.saved && (
          <button
            type="button"
            className="btn btn--style-primary btn--size-medium cms-btn"
            disabled={busy}
            onClick={() => send(true)}
            id="task-import-save"
          >
            Lưu bảng nhiệm vụ
          </button>
        )}
      </div>
      <p className="cms-muted">
        Các cột: STT, Nhóm nhiệm vụ, Nhiệm vụ, Nội dung, Đơn vị chủ trì, Đơn vị phối hợp, Thời gian
        thực hiện, Kết quả, sản phẩm, Mục tiêu, chỉ tiêu phục vụ, Nguồn kinh phí, Kinh phí dự kiến
        (VNĐ). Dòng chỉ có STT và tên là tên nhóm.
      </p>
      {answer?.errors?.length ? (
        <div className="cms-alert cms-alert--error" role="alert" id="task-import-errors">
          <strong>{answer.message ?? 'Không nhập được tệp.'}</strong>
          <ul>
            {answer.errors.map((e) => (
              <li key={e.message}>{e.message}</li>
            ))}
          </ul>
        </div>
      ) : answer?.message ? (
        <div
          className={`cms-alert ${answer.saved ? 'cms-alert--success' : 'cms-alert--warning'}`}
          role="status"
          id="task-import-message"
        >
          {answer.message}
        </div>
      ) : null}
      {previewed && (
        <div className="cms-table-wrap">
          <table className="cms-table" id="task-import-rows">
            <thead>
              <tr>
                <th scope="col">Dòng</th>
                <th scope="col">STT</th>
                <th scope="col">Nhiệm vụ</th>
                <th scope="col">Đơn vị chủ trì</th>
                <th scope="col">Phối hợp</th>
                <th scope="col">Thời gian</th>
                <th scope="col">Sẽ</th>
              </tr>
            </thead>
            <tbody>
              {answer!.rows!.map((r) => (
                <tr key={r.row}>
                  <td>{r.row}</td>
                  <td>{r.number}</td>
                  <td>{r.title}</td>
                  <td>{r.lead}</td>
                  <td>{r.coordinating}</td>
                  <td>
                    {r.timeFrame} ({r.timeFrameKind})
                  </td>
                  <td>{r.action === 'create' ? 'Thêm mới' : 'Cập nhật'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
