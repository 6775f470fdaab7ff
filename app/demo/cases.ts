import type { Case } from "../../model";
import { asPersonRef, staffById, type Authority } from "../../workflow/kernel/authority";
import { DEMO_IDS } from "./authority";

/**
 * Demo cases for a local run (in production cases come from the council's
 * case management system). Invented names; the references are what the
 * chat commands take ("request C-1001").
 */
export function demoCases(authority: Authority, now: Date): Case[] {
  const person = (id: string) => {
    const s = staffById(authority, id);
    if (s === undefined) throw new Error(`demo authority lacks ${id}`);
    return asPersonRef(s);
  };
  const make = (reference: string, children: { name: string; dob: string }[]): Case => {
    const id = `case-${reference}`;
    return {
      id,
      type: "case",
      pk: id,
      reference,
      policy: authority.policy,
      children: children.map((c, i) => ({ id: `${id}-child-${i + 1}`, name: c.name, dob: c.dob })),
      indexChildId: `${id}-child-1`,
      socialWorker: person(DEMO_IDS.socialWorker),
      teamManager: person(DEMO_IDS.teamManager),
      serviceManager: person(DEMO_IDS.serviceManager),
      chair: person(DEMO_IDS.chair),
      createdAt: now.toISOString(),
    };
  };
  return [
    make("C-1001", [
      { name: "Alex Example", dob: "2016-05-01" },
      { name: "Billie Example", dob: "2019-09-12" },
    ]),
    make("C-1002", [{ name: "Charlie Sample", dob: "2014-02-20" }]),
  ];
}
