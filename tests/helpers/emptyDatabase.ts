/**
 * Imported first by a test of migrations themselves: points DATABASE_URI at a new, empty SQLite file
 * instead of the migrated copy freshEnvironment.ts made. It must come before anything that loads the
 * Payload config, which reads DATABASE_URI when it is imported.
 */
import path from 'node:path'

if (!process.env.TEST_MONGODB_URI) {
  process.env.DATABASE_URI = `file:${path.join(process.env.TEST_TMP_DIR!, 'empty.db')}`
}
