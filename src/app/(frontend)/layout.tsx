import Link from 'next/link'
import React from 'react'
import './styles.css'

export const metadata = {
  title: 'Chuyên trang Chuyển đổi số',
  description: 'Tin tức, video, infographic và sự kiện tuyên truyền chuyển đổi số của tỉnh',
}

export default function FrontendLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="vi">
      <body>
        <header className="site-header">
          <Link href="/">Chuyên trang Chuyển đổi số</Link>
          {/* The admin has its own root layout, so this is a full page load either way; no prefetch for every visitor. */}
          <Link href="/admin" prefetch={false}>
            Đăng nhập biên tập
          </Link>
        </header>
        <main>{children}</main>
      </body>
    </html>
  )
}
