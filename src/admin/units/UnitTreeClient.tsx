'use client'

import React, { useMemo, useState } from 'react'
import { foldText } from '@/content/fold'

export type TreeNode = {
  id: string
  name: string
  kind: string
  parent: string | null
  users: number
  content: number
  href: string
}

const byName = (a: TreeNode, b: TreeNode) => a.name.localeCompare(b.name, 'vi')

/**
 * The tree itself: each unit with a button to expand or collapse its units (top level open), and a
 * search box matched without diacritics ("hoa thanh" finds "Hòa Thành"): matching units show with
 * the path to them opened; the rest is hidden while searching.
 */
export function UnitTreeClient({ nodes }: { nodes: TreeNode[] }) {
  const children = useMemo(() => {
    const map = new Map<string | null, TreeNode[]>()
    for (const n of nodes) map.set(n.parent, [...(map.get(n.parent) ?? []), n])
    for (const list of map.values()) list.sort(byName)
    return map
  }, [nodes])
  const [open, setOpen] = useState<Set<string>>(
    () => new Set((children.get(null) ?? []).map((n) => n.id)),
  )
  const [query, setQuery] = useState('')
  const folded = foldText(query)
  // While searching: the matching units and every unit above one (shown, and opened).
  const visible = useMemo(() => {
    if (!folded) return null
    const byId = new Map(nodes.map((n) => [n.id, n]))
    const keep = new Set<string>()
    for (const n of nodes)
      if (foldText(n.name).includes(folded))
        for (
          let at: TreeNode | undefined = n;
          at && !keep.has(at.id);
          at = byId.get(at.parent ?? '')
        )
          keep.add(at.id)
    return keep
  }, [folded, nodes])

  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  const branch = (parent: string | null, depth: number): React.ReactNode => {
    const list = (children.get(parent) ?? []).filter((n) => !visible || visible.has(n.id))
    if (!list.length) return null
    return (
      <ul className="cms-tree" role={depth ? 'group' : 'tree'}>
        {list.map((n) => {
          const below = (children.get(n.id) ?? []).length
          const expanded = visible ? true : open.has(n.id)
          return (
            <li
              key={n.id}
              role="treeitem"
              aria-selected={false}
              aria-expanded={below ? expanded : undefined}
              data-unit={n.name}
            >
              <div className="cms-tree__row">
                {below ? (
                  <button
                    type="button"
                    className="cms-tree__toggle"
                    onClick={() => toggle(n.id)}
                    aria-label={`${expanded ? 'Thu gọn' : 'Mở'} ${n.name}`}
                    disabled={!!visible}
                  >
                    {expanded ? '▾' : '▸'}
                  </button>
                ) : (
                  <span className="cms-tree__toggle" aria-hidden />
                )}
                <a href={n.href} className="cms-tree__name">
                  {n.name}
                </a>
                <span className="cms-tree__kind">{n.kind}</span>
                <span className="cms-tree__count" data-count="users" title="Người dùng">
                  {n.users} người dùng
                </span>
                <span className="cms-tree__count" data-count="content" title="Tin, bài, video…">
                  {n.content} nội dung
                </span>
                {below > 0 && <span className="cms-tree__below">{below} đơn vị trực thuộc</span>}
              </div>
              {expanded && branch(n.id, depth + 1)}
            </li>
          )
        })}
      </ul>
    )
  }

  return (
    <section className="cms-report__section" aria-label="Cây đơn vị">
      <label className="cms-field">
        <span className="cms-field__label">Tìm đơn vị (gõ có dấu hoặc không dấu)</span>
        <input
          type="search"
          id="tree-search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="ví dụ: hoa thanh"
        />
      </label>
      {visible && !visible.size ? (
        <p id="tree-empty">Không có đơn vị nào khớp “{query}”.</p>
      ) : (
        branch(null, 0)
      )}
    </section>
  )
}
