// Integration case: names that collide or are not identifiers. Each is resolved deterministically, reported,
// compiles (buildSdk type-checks; the committed output is part of the repo's type-check), and wire names never change.
import { describe, expect, it } from "vitest";
import { assignApiNames } from "../../../generator/names/api-names.js";
import { toWireParams } from "../../../runtime/index.js";
import { buildCase } from "../../support/integration.js";
import {
  DemoItemGetRequest,
  DemoCaseGet2Request,
  DemoCaseGetRequest,
  PushAliyuncsComPushMsg20150318Request,
  TaobaoDemoItemGetRequest,
} from "./generated/index.js";

it("each collision is resolved and reported (the output itself: ../cases.test.ts)", async () => {
  const sdk = await buildCase("collisions");
  const notes = sdk.diagnostics.map((d) => `${d.method}: ${d.diagnostic.message}`);
  expect(notes).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^demo\.case\.get: .*DemoCaseGet2Request.*module file demo\.case\.get_2\.ts/),
      expect.stringMatching(
        /^taobao\.demo\.item\.get: class names .* keep the Taobao prefix \(TaobaoDemoItemGetRequest\)/,
      ),
      expect.stringMatching(/^demo\.item\.get: request struct Result \(field b\) is named Result2/),
      expect.stringMatching(/^demo\.item\.get: request struct Record \(field e\) is named RecordStruct/),
    ]),
  );
});

describe("API names", () => {
  it.each<[string, { given: string[]; want: Record<string, [string, string]> }]>([
    [
      "digits, dashes and upper case make valid names; the file keeps the method",
      {
        given: ["push.aliyuncs.com.pushMsg.2015-03-18"],
        want: {
          "push.aliyuncs.com.pushMsg.2015-03-18": [
            "PushAliyuncsComPushMsg20150318",
            "push.aliyuncs.com.pushMsg.2015-03-18",
          ],
        },
      },
    ],
    [
      "taobao.a.b meets a.b: the taobao one keeps its prefix",
      { given: ["taobao.a.b", "a.b"], want: { "a.b": ["AB", "a.b"], "taobao.a.b": ["TaobaoAB", "taobao.a.b"] } },
    ],
    [
      "case-only differences: numbered in method order",
      { given: ["x.y.Z", "x.y.z"], want: { "x.y.Z": ["XYZ", "x.y.Z"], "x.y.z": ["XYZ2", "x.y.z_2"] } },
    ],
    [
      "order of the input does not matter",
      { given: ["x.y.z", "x.y.Z"], want: { "x.y.Z": ["XYZ", "x.y.Z"], "x.y.z": ["XYZ2", "x.y.z_2"] } },
    ],
  ])("%s", (_title, { given, want }) => {
    const names = assignApiNames(given);
    expect(Object.fromEntries([...names].map(([m, n]) => [m, [n.base, n.file]]))).toEqual(want);
  });
});

it("struct names: one per shape, numbered on a clash, case kept, reserved words avoided", () => {
  const req = new DemoItemGetRequest({ a: { x: "1" }, b: { y: "2" }, c: { p: "3" }, d: { q: "4" }, e: { r: "5" } });
  const a: DemoItemGetRequest.Result = { x: "1" };
  const b: DemoItemGetRequest.Result2 = { y: "2" };
  const c: DemoItemGetRequest.HmResult = { p: "3" };
  const d: DemoItemGetRequest.HMResult = { q: "4" };
  const e: DemoItemGetRequest.RecordStruct = { r: "5" };
  expect([a, b, c, d, e].length).toBe(5);
  expect(req.validate()).toEqual([]);
});

it("wire names are never changed: odd field names go on the wire as documented", () => {
  const req = new DemoItemGetRequest({
    "weird-name": "w",
    "dimission.employee": "d",
    "123abc": "n",
    class: "k",
    dup: { same: "s" },
  });
  expect(req.validate()).toEqual([]);
  expect(toWireParams(req.requestShape, req.params).text).toEqual({
    "weird-name": "w",
    "dimission.employee": "d",
    "123abc": "n",
    class: "k",
    dup: '{"same":"s"}',
  });
  expect(new DemoItemGetRequest(JSON.parse('{"b": {}}') as never).validate().map((i) => i.path)).toEqual(["b.y"]);
});

it("every colliding API gets its own class with its own method", () => {
  expect([
    DemoCaseGetRequest.method,
    DemoCaseGet2Request.method,
    TaobaoDemoItemGetRequest.method,
    DemoItemGetRequest.method,
    PushAliyuncsComPushMsg20150318Request.method,
  ]).toEqual([
    "demo.Case.get",
    "demo.case.get",
    "taobao.demo.item.get",
    "demo.item.get",
    "push.aliyuncs.com.pushMsg.2015-03-18",
  ]);
});
