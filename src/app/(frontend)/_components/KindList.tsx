import type { Metadata } from 'next'
import React from 'react'
import { listPublic } from '@/content/public'
import type { ContentKind } from '@/vocabulary'
import { filterFields, readFilters } from '../_lib/filters'
import { getPayloadClient, kindLabel, pageParam, type SearchParams } from '../_lib/site'
import { Breadcrumbs } from './Breadcrumbs'
import { CardGrid } from './Card'
import { FilterForm } from './FilterForm'
import { Pagination } from './Pagination'

const INTRO: Record<ContentKind, string> = {
  articles: 'Tin tức, bài viết về chuyển đổi số của tỉnh.',
  videos: 'Phóng sự, chương trình truyền hình, phát thanh và clip ngắn.',
  infographics: 'Đồ họa thông tin, pa-nô, áp phích tuyên truyền.',
  events: 'Hội nghị, hội thảo, tọa đàm, triển lãm, cuộc thi và lớp tập huấn.',
}

export async function kindListMetadata(
  kind: ContentKind,
  searchParams: SearchParams,
): Promise<Metadata> {
  const page = pageParam((await searchParams).trang)
  return {
    title: page > 1 ? `${kindLabel(kind)} – trang ${page}` : kindLabel(kind),
    description: INTRO[kind],
    alternates: { canonical: page > 1 ? `/${kind}?trang=${page}` : `/${kind}` },
  }
}

/** One kind's list: filters (topic, unit, year, kind within), newest first, paginated. */
export async function KindList({
  kind,
  searchParams,
}: {
  kind: ContentKind
  searchParams: SearchParams
}) {
  const sp = await searchParams
  const { filters, params } = readFilters(sp)
  const page = pageParam(sp.trang)
  const payload = await getPayloadClient()
  const [result, fields] = await Promise.all([
    listPublic(payload, kind, { filters, page }),
    filterFields(payload, { kind, filters }),
  ])
  const { kieu: _ignored, ...kept } = params
  return (
    <>
      <Breadcrumbs items={[{ label: kindLabel(kind), href: `/${kind}` }]} />
      <h1>{kindLabel(kind)}</h1>
      <p>{INTRO[kind]}</p>
      <FilterForm action={`/${kind}`} fields={fields} />
      <p className="muted" aria-live="polite">
        {result.totalDocs} nội dung
      </p>
      <CardGrid items={result.docs.map((doc) => ({ kind, doc }))} headingLevel={2} />
      <Pagination
        path={`/${kind}`}
        params={kept}
        page={result.page ?? page}
        totalPages={result.totalPages}
      />
    </>
  )
}
