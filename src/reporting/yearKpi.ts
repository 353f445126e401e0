import type { Payload } from 'payload'
import { kpiProgress, measuresOf, shareOfYearElapsed, yearTargets, type KpiRow } from './dashboard'
import { channelNames, readCells } from './readCells'

/**
 * Every campaign's KPI targets of `year`, measured province-wide from the rollup as the reports
 * page measures them (each over its own campaign's cells) and judged against the share of the year
 * elapsed at `now`. Read with the server's access: for callers that show it to Sở TT&TT only.
 */
export async function provinceKpi(
  payload: Payload,
  year: number,
  options: { now?: Date; adminRoute?: string } = {},
): Promise<{ rows: KpiRow[]; share: number }> {
  const share = shareOfYearElapsed(year, options.now)
  const [campaigns, channels] = await Promise.all([
    payload.find({
      collection: 'campaigns',
      depth: 0,
      limit: 0,
      pagination: false,
      sort: 'name',
      overrideAccess: true,
      select: { name: true, kpiTargets: true },
    }),
    channelNames(payload),
  ])
  const targets = yearTargets(campaigns.docs, year, channels)
  const measured = measuresOf(targets)
  const cells =
    targets.length && measured.length
      ? await readCells(
          payload,
          [
            { year: { equals: year } },
            { topic: { exists: false } },
            { campaign: { in: [...new Set(targets.map((t) => t.campaign))] } },
            { metric: { in: measured } },
          ],
          { system: true },
        )
      : []
  return { rows: kpiProgress(targets, cells, share, { adminRoute: options.adminRoute }), share }
}
