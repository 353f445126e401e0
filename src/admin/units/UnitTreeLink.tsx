import Link from 'next/link'
import React from 'react'

/** Above the units' list: the way to the tree view. */
export function UnitTreeLink() {
  return (
    <p className="cms-view__lead" style={{ margin: '0 var(--gutter-h) 1rem' }}>
      <Link href="/admin/unit-tree" prefetch={false} id="unit-tree-link">
        Xem dạng cây đơn vị (theo ngày, tìm không dấu, số người dùng và nội dung)
      </Link>
    </p>
  )
}
