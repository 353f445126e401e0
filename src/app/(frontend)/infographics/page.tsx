import React from 'react'
import { KindList, kindListMetadata } from '../_components/KindList'
import type { SearchParams } from '../_lib/site'

export const dynamic = 'force-dynamic'

export const generateMetadata = ({ searchParams }: { searchParams: SearchParams }) =>
  kindListMetadata('infographics', searchParams)

export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return <KindList kind="infographics" searchParams={searchParams} />
}
