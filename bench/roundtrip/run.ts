// Runs the round trip over a set of catalogue APIs, the four ways, and sums the results.

import { roundTrip } from "./compare.js";
import type { CatalogueApi, RenderOptions } from "./render-page.js";

export const TRIP_WAYS: { name: string; options: RenderOptions }[] = [
  { name: "Java + XML", options: { java: true, xml: true } },
  { name: "Java only", options: { java: true, xml: false } },
  { name: "XML only", options: { java: false, xml: true } },
  { name: "none", options: { java: false, xml: false } },
];

export interface WayTotals {
  way: string;
  apis: number;
  apisExact: number;
  fields: number;
  placed: number;
  request: { fields: number; placed: number };
  response: { fields: number; placed: number };
  misplaced: number;
  silent: number;
  silentBranch: number;
  lost: number;
  failed: number;
  failures: string[];
  silentExamples: string[];
}

export function runRoundTrips(apis: CatalogueApi[], ways = TRIP_WAYS): Map<string, WayTotals> {
  const totals = new Map<string, WayTotals>();
  for (const way of ways) {
    const t: WayTotals = {
      way: way.name,
      apis: 0,
      apisExact: 0,
      fields: 0,
      placed: 0,
      request: { fields: 0, placed: 0 },
      response: { fields: 0, placed: 0 },
      misplaced: 0,
      silent: 0,
      silentBranch: 0,
      lost: 0,
      failed: 0,
      failures: [],
      silentExamples: [],
    };
    for (const api of apis) {
      const r = roundTrip(api, way.options);
      t.apis++;
      t.fields += r.fields;
      t.placed += r.placed;
      t.request.fields += r.sides.request.fields;
      t.request.placed += r.sides.request.placed;
      t.response.fields += r.sides.response.fields;
      t.response.placed += r.sides.response.placed;
      t.misplaced += r.misplaced.length;
      t.silent += r.silent.length;
      t.silentBranch += r.silentBranch.length;
      t.lost += r.lost.length;
      if (r.placed === r.fields) t.apisExact++;
      if (r.failed !== undefined) {
        t.failed++;
        t.failures.push(`${api.name}: ${r.failed}`);
      }
      for (const s of r.silentBranch) t.silentExamples.push(`${api.name} ${s}`);
    }
    totals.set(way.name, t);
  }
  return totals;
}
