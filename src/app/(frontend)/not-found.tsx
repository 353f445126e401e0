import Link from 'next/link'
import React from 'react'

export const metadata = { title: 'Không tìm thấy trang', robots: { index: false } }

/** 404 in Vietnamese with ways back: home, search, the lists. */
export default function NotFound() {
  return (
    <div className="status-page">
      <h1>Không tìm thấy trang</h1>
      <p>
        Trang bạn tìm không tồn tại, đã bị gỡ hoặc chưa đến thời điểm đăng. Hãy kiểm tra lại đường
        dẫn, hoặc tìm nội dung bạn cần.
      </p>
      <form role="search" action="/tim-kiem" method="get" className="inline-search">
        <label htmlFor="tim-404">Tìm trên chuyên trang</label>
        <input id="tim-404" type="search" name="q" />
        <button type="submit">Tìm</button>
      </form>
      <p>
        <Link href="/">← Về trang chủ</Link>
      </p>
    </div>
  )
}
