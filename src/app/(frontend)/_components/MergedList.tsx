import type { Where } from 'payload'
import React from 'react'
import { mergedPublic, MAX_PAGE } from '@/content/public'
import { filterFields, readFilters } from '../_lib/filters'
import { getPayloadClient, pageParam } from '../_lib/site'
import { CardGrid } from './Card'
import { FilterForm } from './FilterForm'
import { Pagination } from './Pagination'

/** Items of every kind matching `and` (a topic's, a unit's, a campaign's), with filters and pages. */
export async function MergedList({
  path,
  and,
  sp,
  omit,
}: {
  path: string
  and: Where[]
  sp: Record<string, string | string[] | undefined>
  omit: string[]
}) {
  const { filters, kind, params } = readFilters(sp)
  const page = pageParam(sp.trang)
  const payload = await getPayloadClient()
  const [result, fields] = await Promise.all([
    mergedPublic(payload, { and, kinds: kind ? [kind] : undefined, filters, page }),
    filterFields(payload, { kind, filters, contentType: kind ?? null, omit }),
  ])
  return (
    <>
      <FilterForm action={path} fields={fields} />
      <p className="muted" aria-live="polite">
        {result.totalDocs} nội dung
      </p>
      <CardGrid items={result.hits} headingLevel={2} />
      <Pagination
        path={path}
        params={params}
        page={result.page}
        totalPages={Math.min(result.totalPages, MAX_PAGE)}
      />
    </>
  )
}
