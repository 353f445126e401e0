import React from 'react'
import { KindList, kindListMetadata } from '../_components/KindList'
import type { SearchParams } from '../_lib/site'

export const dynamic = 'force-dynamic'

export const generateMetadata = ({ searchParams }: { searchParams: SearchParams }) =>
  kindListMetadata('articles', searchParams)

export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return <KindList kind="articles" searchParams={searchParams} />
}
