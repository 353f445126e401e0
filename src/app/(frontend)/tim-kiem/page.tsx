import type { Metadata } from 'next'
import React from 'react'
import { MAX_PAGE, searchPublic } from '@/content/public'
import { Breadcrumbs } from '../_components/Breadcrumbs'
import { CardGrid } from '../_components/Card'
import { FilterForm } from '../_components/FilterForm'
import { Pagination } from '../_components/Pagination'
import { filterFields, readFilters } from '../_lib/filters'
import { getPayloadClient, pageParam, type SearchParams, strParam } from '../_lib/site'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'Tìm kiếm',
  alternates: { canonical: '/tim-kiem' },
  robots: { index: false, follow: true },
}

/** Search without diacritics or case ("chuyen doi so" finds "Chuyển đổi số"), matches marked, filters, pages. */
export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams
  const q = strParam(sp.q) ?? ''
  const { filters, kind, params } = readFilters(sp)
  const page = pageParam(sp.trang)
  const payload = await getPayloadClient()
  const [result, fields] = await Promise.all([
    searchPublic(payload, { q, kinds: kind ? [kind] : undefined, filters, page }),
    filterFields(payload, { kind, filters, contentType: kind ?? null }),
  ])
  return (
    <>
      <Breadcrumbs items={[{ label: 'Tìm kiếm', href: '/tim-kiem' }]} />
      <h1>Tìm kiếm</h1>
      <form role="search" action="/tim-kiem" method="get" className="inline-search">
        <label htmlFor="tu-khoa">Từ khóa (gõ có dấu hoặc không dấu)</label>
        <input id="tu-khoa" type="search" name="q" defaultValue={q} />
        {Object.entries(params).map(([k, v]) =>
          v ? <input key={k} type="hidden" name={k} value={v} /> : null,
        )}
        <button type="submit">Tìm</button>
      </form>
      <FilterForm action="/tim-kiem" fields={fields} hidden={{ q }} />
      {q ? (
        <p aria-live="polite" className="search-summary">
          {result.totalDocs
            ? `Tìm thấy ${result.totalDocs} kết quả cho “${q}”.`
            : result.words.length
              ? `Không tìm thấy kết quả nào cho “${q}”.`
              : 'Hãy nhập từ khóa có chữ hoặc số.'}
          {pageParam(sp.trang) > MAX_PAGE ? ` Chỉ hiển thị đến trang ${MAX_PAGE}.` : ''}
        </p>
      ) : (
        <p>Nhập từ khóa để tìm tin, bài, video, infographic và sự kiện.</p>
      )}
      {result.hits.length ? (
        <CardGrid items={result.hits} words={result.words} headingLevel={2} />
      ) : null}
      <Pagination
        path="/tim-kiem"
        params={{ q, ...params }}
        page={result.page}
        totalPages={Math.min(result.totalPages, MAX_PAGE)}
      />
    </>
  )
}
