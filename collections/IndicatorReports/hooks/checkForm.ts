import { ValidationError, type CollectionBeforeChangeHook } from 'payload'
import { relationId } from '@/lib/relation'
import { elementsOfKind, loadCatalogue } from '@/reporting/indicators/catalogue'
import { enteredValues } from '@/reporting/indicators/facts'
import { checkValues } from '@/reporting/indicators/validate'
import type { UnitKind } from '@/vocabulary'

/**
 * The form lists its unit kind's elements (added empty where missing: missing is not zero) and
 * refuses, with every problem in Vietnamese, values that are not whole non-negative numbers, a part
 * greater than its whole, or survey figures without the survey's method and date: nothing is saved.
 */
export const checkForm: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  req,
  collection,
}) => {
  const unitId = relationId(data.ownerUnit ?? originalDoc?.ownerUnit)
  const year = Number(data.year ?? originalDoc?.year)
  if (!unitId) return data
  const [unit, { elements }] = await Promise.all([
    req.payload.findByID({ collection: 'units', id: unitId, depth: 0, overrideAccess: true, req }),
    loadCatalogue(req.payload, req),
  ])
  const kind = unit.kind as UnitKind
  const rows = enteredValues({ values: data.values ?? originalDoc?.values ?? [] })
  const problems = checkValues(elements, kind, rows, {
    method: data.surveyMethod ?? originalDoc?.surveyMethod,
    date: data.surveyDate ?? originalDoc?.surveyDate,
  })
  if (problems.length)
    throw new ValidationError({
      collection: collection.slug,
      errors: problems.map((p) => ({
        path: p.index == null ? 'surveyMethod' : `values.${p.index}.${p.field}`,
        message: p.message,
      })),
    })
  const present = new Set(rows.map((r) => r.element))
  data.values = [
    ...rows,
    ...elementsOfKind(elements, kind)
      .filter((e) => !present.has(e.id))
      .map((e) => ({ element: e.id, value: null })),
  ].map((r) => ({
    element: req.payload.db.defaultIDType === 'number' ? Number(r.element) : r.element,
    value: r.value,
  }))
  data.title = `Số liệu chỉ tiêu năm ${year} – ${unit.name}`
  return data
}
