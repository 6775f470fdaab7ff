import { z } from "zod";
import type { RecordKeeping } from "../../ports/records";

/** Where one partition's chain ended: what the daily run records outside the store. */
export const ChainHead = z.object({
  pk: z.string().min(1),
  seq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ChainHead = z.infer<typeof ChainHead>;

/** The heads as logged and emailed: `convene audit verify --heads FILE` reads this. */
export const HeadsRecord = z.object({
  recordedAt: z.string().min(1),
  heads: z.array(ChainHead),
});
export type HeadsRecord = z.infer<typeof HeadsRecord>;

export async function chainHeads(records: RecordKeeping): Promise<ChainHead[]> {
  const heads: ChainHead[] = [];
  for (const pk of await records.auditPartitions()) {
    const head = await records.auditHead(pk);
    if (head?.seq !== undefined && head.hash !== undefined)
      heads.push({ pk, seq: head.seq, hash: head.hash });
  }
  return heads;
}
