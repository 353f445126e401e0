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
          <a href="/">Chuyên trang Chuyển đổi số</a>
          <a href="/admin">Đăng nhập biên tập</a>
        </header>
        <main>{children}</main>
      </body>
    </html>
  )
}
