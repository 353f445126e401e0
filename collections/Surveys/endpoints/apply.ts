import type { Endpoint } from 'payload'
import { isCrossUnit } from '@/access/roles'
import { applySurvey as apply, SurveyApplyError } from '@/surveys/apply'
import { readableSurvey, refuse } from './results'

/**
 * POST /api/surveys/:id/dua-vao-chi-tieu: writes the survey's sample and aware counts into the
 * reporting units' indicator forms of its year (src/surveys/apply.ts); Sở TT&TT only.
 */
export const applySurvey: Endpoint = {
  path: '/:id/dua-vao-chi-tieu',
  method: 'post',
  handler: async (req) => {
    const survey = await readableSurvey(req)
    if (survey instanceof Response) return survey
    if (!isCrossUnit(req.user))
      return refuse(403, 'Chỉ Sở TT&TT được đưa kết quả khảo sát vào số liệu chỉ tiêu.')
    try {
      return Response.json(await apply(req, survey))
    } catch (err) {
      if (err instanceof SurveyApplyError) return refuse(400, err.message)
      throw err
    }
  },
}
