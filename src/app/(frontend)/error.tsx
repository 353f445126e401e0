'use client'

import Link from 'next/link'
import React from 'react'

/** Any error while rendering a public page: said in Vietnamese, with a retry and a way home. */
export default function ErrorPage({
  reset,
}: {
  error: Error & { digest?: string }
  reset: () => void
}) {
  return (
    <div className="status-page" role="alert">
      <h1>Đã có lỗi xảy ra</h1>
      <p>Trang chưa hiển thị được do lỗi hệ thống. Bạn hãy thử lại sau ít phút.</p>
      <p>
        <button type="button" onClick={() => reset()}>
          Thử lại
        </button>{' '}
        <Link href="/">← Về trang chủ</Link>
      </p>
    </div>
  )
}
