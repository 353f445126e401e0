import type { Payload } from 'payload'
import React from 'react'
import { BrandImage } from './BrandMark'
import { loadBrand } from './brand'
import './branding.css'

/** A slim bar above every admin page (admin.components.header): whose system this is. */
export async function BrandBar({ payload }: { payload: Payload }) {
  const brand = await loadBrand(payload)
  return (
    <div className="cms-brand-bar">
      <BrandImage logo={brand.logo} size={24} />
      <span className="cms-brand-bar__province">{brand.province}</span>
      <span className="cms-brand-bar__department">{brand.department}</span>
    </div>
  )
}
