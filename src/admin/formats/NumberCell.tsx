'use client'

import type { DefaultCellComponentProps, NumberFieldClient } from 'payload'
import { formatFigure } from './numbers'

/** A number in a list: grouped, with a decimal comma (17.140; 16,92). */
export function NumberCell({ cellData }: DefaultCellComponentProps<NumberFieldClient>) {
  return <span className="cms-number-cell">{formatFigure(cellData as number | null)}</span>
}
