import { serverUrl } from '@/lib/env'

/** Where the public surveys live: /khao-sat/<code> (the survey's random link code). */
export const SURVEY_PATH = '/khao-sat'
export const surveyUrl = (code: string) => `${serverUrl()}${SURVEY_PATH}/${code}`
