import type { Payload } from 'payload'
import React from 'react'
import { BrandImage } from './BrandMark'
import { loadBrand } from './brand'
import './branding.css'

/** The login page's logo (admin.components.graphics.Logo): the logo and who runs this system. */
export async function Logo({ payload }: { payload: Payload }) {
  const brand = await loadBrand(payload)
  return (
    <div className="cms-brand-logo">
      <BrandImage logo={brand.logo} size={72} />
      <div>
        <p className="cms-brand-logo__province">{brand.province}</p>
        <p className="cms-brand-logo__department">{brand.department}</p>
        <p className="cms-brand-logo__system">Hệ thống quản lý tuyên truyền chuyển đổi số</p>
      </div>
    </div>
  )
}
