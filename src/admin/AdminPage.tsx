import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter, SetStepNav } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps, PayloadRequest } from 'payload'
import type React from 'react'
import './admin-views.css'

type SearchParams = Record<string, string | string[] | undefined>

/** The first value of a query parameter. */
export const param = (searchParams: SearchParams, name: string): string | undefined => {
  const v = searchParams[name]
  return (Array.isArray(v) ? v[0] : v) || undefined
}

/** A `year` query parameter (four digits, 2000-2100), or `fallback`. */
export function yearParam(value: string | undefined, fallback: number): number {
  const year = Number(value)
  return value && /^\d{4}$/.test(value) && year >= 2000 && year <= 2100 ? year : fallback
}

/**
 * The logged-in user's request, or a redirect to the login page (custom views are public by
 * default in Payload, so each one checks for itself).
 */
export async function requireUser(
  props: AdminViewServerProps,
  path: string,
): Promise<{ req: PayloadRequest; searchParams: SearchParams; adminRoute: string }> {
  const { req, permissions } = props.initPageResult
  const adminRoute = req.payload.config.routes.admin
  const searchParams = ((await props.searchParams) ?? {}) as SearchParams
  if (!req.user || !permissions?.canAccessAdmin) {
    const query = new URLSearchParams(searchParams as Record<string, string>).toString()
    redirect(
      `${adminRoute}/login?redirect=${encodeURIComponent(`${adminRoute}${path}${query ? `?${query}` : ''}`)}`,
    )
  }
  return { req, searchParams, adminRoute }
}

/** A custom root view inside the admin's usual frame: navigation, header and breadcrumb. */
export function AdminPage({
  props,
  title,
  children,
}: {
  props: AdminViewServerProps
  title: string
  children: React.ReactNode
}) {
  const { initPageResult, params, searchParams } = props
  const { req } = initPageResult
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={initPageResult.locale}
      params={params}
      payload={req.payload}
      permissions={initPageResult.permissions}
      req={req}
      searchParams={searchParams}
      user={req.user ?? undefined}
      // A fresh object: React 19 refuses the read-only one from initPageResult.
      visibleEntities={{
        collections: initPageResult.visibleEntities?.collections,
        globals: initPageResult.visibleEntities?.globals,
      }}
    >
      <SetStepNav nav={[{ label: title }]} />
      <Gutter className="cms-view">{children}</Gutter>
    </DefaultTemplate>
  )
}
