import { ensureBuild } from '../../scripts/lib/ensureBuild'

/** The e2e project serves the production Next build; make it once per run if it is missing or stale. */
export default async function setup() {
  await ensureBuild()
}
