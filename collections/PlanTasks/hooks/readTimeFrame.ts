import { ValidationError, type CollectionBeforeValidateHook } from 'payload'
import { parseTimeFrame } from '@/reporting/tasks/timeFrame'

/**
 * The time frame's data is read from its text on every save (src/reporting/tasks/timeFrame.ts):
 * whatever a client sends for the read fields is replaced, and a text the parser refuses (a quarter
 * V, 31/02, a range that ends before it starts) is refused with the parser's Vietnamese reason.
 */
export const readTimeFrame: CollectionBeforeValidateHook = ({ data, originalDoc, collection }) => {
  if (!data) return data
  const text = data.timeFrame?.text ?? originalDoc?.timeFrame?.text
  const parsed = parseTimeFrame(text)
  if (!parsed.ok)
    throw new ValidationError({
      collection: collection.slug,
      errors: [{ path: 'timeFrame.text', message: parsed.error }],
    })
  data.timeFrame = parsed.value
  return data
}
