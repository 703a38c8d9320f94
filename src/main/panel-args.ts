// Runtime schemas of the panel's channels (coverage, cross-report findings, year over year, agency registry).
import { z } from 'zod';

const id = z.number().int().positive();
const years = z.array(z.number().int().min(1990).max(2100)).max(100);
const text = z.string().trim().min(1).max(200);

const agencyEdit = z.discriminatedUnion('op', [
  z.object({ op: z.literal('rename'), agencyId: id, name: text }).strict(),
  z.object({ op: z.literal('setRegion'), agencyId: id, region: text.nullable() }).strict(),
  z.object({ op: z.literal('setParent'), agencyId: id, parentId: id.nullable() }).strict(),
  z.object({ op: z.literal('merge'), agencyId: id, intoId: id }).strict(),
  z.object({ op: z.literal('moveName'), name: text, agencyId: id.nullable() }).strict(),
  z.object({ op: z.literal('assignReport'), reportId: id, agencyId: id.nullable() }).strict(),
]);

export const PANEL_SCHEMAS = {
  coverage: z
    .object({
      years: years.optional(),
      region: text.optional(),
      status: z.enum(['none', 'failed', 'needs_review', 'verified', 'several']).optional(),
      agency: text.optional(),
    })
    .strict(),
  panelFindings: z.object({ reportId: id }).strict(),
  compareReports: z.object({ reportId: id, otherId: id.optional() }).strict(),
  listAgencies: z.undefined(),
  agencySuggestions: z.undefined(),
  editAgency: agencyEdit,
  undoAgencyEdit: z.undefined(),
  redoAgencyEdit: z.undefined(),
};
