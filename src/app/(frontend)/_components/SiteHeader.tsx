import Link from 'next/link'
import React from 'react'
import { SITE_NAME } from '../_lib/site'
import { MainMenu } from './MainMenu'

export const MENU = [
  { href: '/', label: 'Trang chủ' },
  { href: '/articles', label: 'Tin, bài' },
  { href: '/videos', label: 'Video, phát thanh' },
  { href: '/infographics', label: 'Infographic' },
  { href: '/events', label: 'Sự kiện' },
] as const

/** Skip link, the site's name, the main menu (a disclosure on narrow screens) and the search form. */
export function SiteHeader({ query }: { query?: string }) {
  return (
    <header className="site-header">
      <a className="skip-link" href="#noi-dung">
        Bỏ qua, đến nội dung chính
      </a>
      <div className="site-header__bar">
        <Link href="/" className="site-header__brand">
          {SITE_NAME}
        </Link>
        <MainMenu items={[...MENU]} />
      </div>
      <form role="search" action="/tim-kiem" method="get" className="site-search">
        <label htmlFor="o-tim-kiem">Tìm kiếm</label>
        <input
          id="o-tim-kiem"
          type="search"
          name="q"
          defaultValue={query}
          placeholder="Ví dụ: chuyen doi so"
          autoComplete="off"
        />
        <button type="submit">Tìm</button>
      </form>
    </header>
  )
}
