import type { Payload } from 'payload'
import type { ConditionalUpdates } from '../types'

/**
 * MongoDB: updateMany is Model.updateMany(filter), whose filter is re-checked per document as it
 * is written; a document another worker took first no longer matches.
 */
export const mongoUpdates = (payload: Payload): ConditionalUpdates => ({
  async updateWhere(collection, where, data) {
    await payload.db.updateMany({ collection, where, data, returning: false })
  },
})
