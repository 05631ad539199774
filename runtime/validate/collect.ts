// Where the checks put the issues of one validate() call. An array would do (and the checks accept one), but an
// array that starts empty grows on its first push, and growing is a call into the engine's runtime: on an invalid
// request it was the largest single cost (measured with `node --cpu-prof` on bench/validators.ts). The collector
// keeps the first issues in slots and hands them out as an array made at its exact length.

import type { ValidationIssue } from "../types.js";
import type { Issues, StructCheck } from "./checks.js";

/** The issues found so far, in the order they were pushed: four in slots, the rest in a list. */
export class IssueCollector implements Issues {
  private count = 0;
  private a: ValidationIssue | undefined = undefined;
  private b: ValidationIssue | undefined = undefined;
  private c: ValidationIssue | undefined = undefined;
  private d: ValidationIssue | undefined = undefined;
  private rest: ValidationIssue[] | undefined = undefined;

  push(issue: ValidationIssue): void {
    switch (this.count++) {
      case 0:
        this.a = issue;
        return;
      case 1:
        this.b = issue;
        return;
      case 2:
        this.c = issue;
        return;
      case 3:
        this.d = issue;
        return;
    }
    (this.rest ??= []).push(issue);
  }

  /** The issues as a new array, in order; the collector is empty afterwards (it holds no issue any more). */
  take(): ValidationIssue[] {
    const n = this.count;
    if (n === 0) return [];
    const a = this.a!;
    const b = this.b!;
    const c = this.c!;
    const d = this.d!;
    const rest = this.rest;
    this.count = 0;
    this.a = this.b = this.c = this.d = undefined;
    this.rest = undefined;
    switch (n) {
      case 1:
        return [a];
      case 2:
        return [a, b];
      case 3:
        return [a, b, c];
      case 4:
        return [a, b, c, d];
    }
    const all = [a, b, c, d];
    for (let i = 0; i < rest!.length; i++) all.push(rest![i]!);
    return all;
  }
}

/**
 * The sink validate() passes down: it makes its collector on the first issue, so a valid request allocates
 * nothing but the empty array it returns. The sink lives long (one serves every call) and the collector does
 * not: the issues, which are new, go into a new object, which costs no write barrier (a long-lived collector
 * that kept them made an invalid request slower than the plain array did, measured).
 */
class LazySink implements Issues {
  collector: IssueCollector | undefined = undefined;
  /** True while a call uses this sink. */
  busy = false;

  push(issue: ValidationIssue): void {
    (this.collector ??= new IssueCollector()).push(issue);
  }

  /** The issues collected, as a new array; the sink is empty afterwards. */
  take(): ValidationIssue[] {
    const collector = this.collector;
    if (collector === undefined) return [];
    this.collector = undefined;
    return collector.take();
  }
}

const shared = new LazySink();

/**
 * The issues `check` finds in `value`, as a new array. A call made while another runs (a getter on the params
 * that calls validate()) finds the shared sink busy and uses a sink of its own. So does every call after a
 * check that threw (a getter that throws), which leaves the shared sink busy: slower, never wrong. No
 * try/finally: it cost a valid request ~10 % (measured).
 */
export function collectIssues(check: StructCheck, value: Readonly<Record<string, unknown>>): ValidationIssue[] {
  if (shared.busy) {
    const own = new LazySink();
    check(own, value, "");
    return own.take();
  }
  shared.busy = true;
  check(shared, value, "");
  shared.busy = false;
  return shared.take();
}
