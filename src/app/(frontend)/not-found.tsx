import Link from 'next/link'
import React from 'react'
import { NOT_FOUND_TEXT as T } from '@/web/site'

export const metadata = { title: T.title, robots: { index: false } }

/**
 * 404 in Vietnamese with ways back: home, search, the lists. A browser without JavaScript gets
 * the same words from src/web/notFoundPage.ts (Next sends an empty error shell for it).
 */
export default function NotFound() {
  return (
    <div className="status-page">
      <h1>{T.title}</h1>
      <p>{T.lead}</p>
      <form role="search" action="/tim-kiem" method="get" className="inline-search">
        <label htmlFor="tim-404">{T.searchLabel}</label>
        <input id="tim-404" type="search" name="q" />
        <button type="submit">{T.searchButton}</button>
      </form>
      <p>
        <Link href="/">{T.home}</Link>
      </p>
    </div>
  )
}
