import type { Payload } from 'payload'
import type { ConditionalUpdates } from '../types'

/**
 * SQLite: the adapter's atomic updateOne is a single UPDATE … WHERE, which writes every matching
 * row in one statement (its name notwithstanding); a row another worker took first no longer matches.
 */
export const sqliteUpdates = (payload: Payload): ConditionalUpdates => ({
  async updateWhere(collection, where, data) {
    await payload.db.updateOne({
      collection,
      where,
      data,
      options: { atomic: true },
      returning: false,
    })
  },
})
