import React from 'react'

export type Option = { value: string; label: string }
export type FilterField = { name: string; label: string; options: Option[]; value?: string }

/** Filters as a plain GET form: works without JavaScript, and the result has a URL to share. */
export function FilterForm({
  action,
  fields,
  hidden = {},
}: {
  action: string
  fields: FilterField[]
  hidden?: Record<string, string | undefined>
}) {
  return (
    <form action={action} method="get" className="filters" aria-label="Bộ lọc">
      {Object.entries(hidden).map(([k, v]) =>
        v ? <input key={k} type="hidden" name={k} value={v} /> : null,
      )}
      {fields.map((f) => (
        <div key={f.name} className="filters__field">
          <label htmlFor={`loc-${f.name}`}>{f.label}</label>
          <select id={`loc-${f.name}`} name={f.name} defaultValue={f.value ?? ''}>
            <option value="">Tất cả</option>
            {f.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <button type="submit">Lọc</button>
    </form>
  )
}
