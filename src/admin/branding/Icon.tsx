import type { Payload } from 'payload'
import React from 'react'
import { BrandImage } from './BrandMark'
import { loadBrand } from './brand'

/** The small mark at the start of the admin's header (admin.components.graphics.Icon), a link to the dashboard. */
export async function Icon({ payload }: { payload: Payload }) {
  const brand = await loadBrand(payload)
  return <BrandImage logo={brand.logo} size={18} label="Bảng điều khiển" />
}
