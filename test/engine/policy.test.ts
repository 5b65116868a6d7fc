import { formatPath, readPolicyRows, resolvePolicy, policyParameters, PARAMETER_KEYS } from "../../src/engine";

describe("policies (spec §7)", () => {
  it("defaults to the default policy with the §7 parameters", () => {
    const r = resolvePolicy(undefined);
    expect(r.ok && r.value.id).toBe("default");
    if (r.ok) {
      expect(policyParameters(r.value)).toEqual({
        "tier.basic.rate": 0.1,
        "tier.improvement.rate": 0.3,
        "tier.enhancement.rate": 0.7,
        "cap.perSqm": 300,
        "relief.tiers": "improvement,enhancement",
        "relief.specially-supported": 1,
        "relief.low-income": 0.7,
        "relief.family-planning-hardship": 0.7,
        "relief.poor-disabled": 0.7,
        "grant.hardship-worker": 1000,
        "approval.merge3.max": 10000000,
        "approval.merge2.max": 20000000,
        // elevator-rules.md §7: no city built in.
        "elevator.subsidy.mode": "none",
        "elevator.subsidy.amount": 0,
        "elevator.subsidy.rate": 0,
        "elevator.subsidy.cap": null,
        "elevator.subsidy.byStoreys": null,
        "elevator.subsidy.minStoreys": null,
        "elevator.floorCoefficients": "0,0,1",
        "elevator.weight": "area",
        "elevator.relief": 0,
      });
      expect(Object.keys(policyParameters(r.value))).toEqual(PARAMETER_KEYS);
    }
  });

  it("yueqing-2023 has no relief and no grant (000 has no relief rules)", () => {
    const r = resolvePolicy("yueqing-2023");
    expect(r.ok).toBe(true);
    if (r.ok) {
      const p = policyParameters(r.value);
      expect([p["relief.specially-supported"], p["relief.low-income"], p["grant.hardship-worker"], p["cap.perSqm"], p["tier.enhancement.rate"]]).toEqual([
        0, 0, 0, 300, 0.7,
      ]);
    }
  });

  it("applies overrides on a base and records which keys changed", () => {
    const r = resolvePolicy({ base: "yueqing-2023", "cap.perSqm": null, "tier.basic.rate": 0.15, "relief.tiers": ["basic", "enhancement"] });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.id).toBe("custom");
      expect(r.value.base).toBe("yueqing-2023");
      expect(r.value.overridden).toEqual(["cap.perSqm", "tier.basic.rate", "relief.tiers"]);
      expect(r.value.capPerSqm).toBeNull();
      expect(r.value.tierRates.basic.toString()).toBe("0.15");
      expect(r.value.reliefTiers).toEqual(["basic", "enhancement"]);
    }
  });

  it.each([
    [{ base: "default", "cap.perSqr": 200 }, ["policy", "cap.perSqr"], "policy.unknownKey", "cap.perSqr"],
    [{ base: "beijing" }, ["policy", "base"], "policy.unknownId", "beijing"],
    ["shanghai", ["policy"], "policy.unknownId", "shanghai"],
    [{ "tier.basic.rate": 1.2 }, ["policy", "tier.basic.rate"], "rate.range", "1.2"],
    [{ "relief.low-income": -0.1 }, ["policy", "relief.low-income"], "rate.range", "-0.1"],
    [{ "grant.hardship-worker": -5 }, ["policy", "grant.hardship-worker"], "amount.negative", "-5"],
    [{ "cap.perSqm": "三百" }, ["policy", "cap.perSqm"], "type.number", "三百"],
    [{ "relief.tiers": "constructor" }, ["policy", "relief.tiers"], "policy.tiers", "constructor"],
    [{ "relief.tiers": "__proto__" }, ["policy", "relief.tiers"], "policy.tiers", "__proto__"],
    [{ "relief.tiers": ["toString"] }, ["policy", "relief.tiers"], "policy.tiers", "数组"],
    [{ "elevator.subsidy.mode": "half" }, ["policy", "elevator.subsidy.mode"], "policy.choice", "half"],
    [{ "elevator.subsidy.byStoreys": "4:160000,4:170000" }, ["policy", "elevator.subsidy.byStoreys"], "policy.byStoreys", "4:170000"],
    [{ "elevator.subsidy.byStoreys": "4-160000" }, ["policy", "elevator.subsidy.byStoreys"], "policy.byStoreys", "4-160000"],
    [{ "elevator.floorCoefficients": "0,0,-1" }, ["policy", "elevator.floorCoefficients"], "policy.coefficients", "0,0,-1"],
    [{ "elevator.subsidy.minStoreys": 2.5 }, ["policy", "elevator.subsidy.minStoreys"], "policy.storeys", "2.5"],
    [{ "elevator.subsidy.rate": 1.5 }, ["policy", "elevator.subsidy.rate"], "rate.range", "1.5"],
    [{ "elevator.relief": "maybe" }, ["policy", "elevator.relief"], "type.yesno", "maybe"],
    [{ "relief.tiers": "improvement,luxury" }, ["policy", "relief.tiers"], "policy.tiers", "luxury"],
    [42, ["policy"], "type.object", "42"],
  ])("rejects %p at %p (%s)", (spec, path, code, shown) => {
    const r = resolvePolicy(spec);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0].path).toEqual(path);
      expect(r.errors[0].code).toBe(code);
      expect(r.errors[0].zh + r.errors[0].en).toContain(shown);
    }
  });

  it("quotes an unknown policy id once", () => {
    const r = resolvePolicy("nope");
    expect(!r.ok && r.errors[0].zh).toBe("未知的政策“nope”，可用：default, yueqing-2023");
  });

  it("lists every accepted key when a key is unknown (a typo never falls back to a default)", () => {
    const r = resolvePolicy({ "tier.basic.rat": 0.2 });
    expect(!r.ok && r.errors[0].en).toContain("tier.basic.rate");
  });

  it("reads numbers typed as text the same as numbers, full-width and with separators", () => {
    const a = resolvePolicy({ "cap.perSqm": "２５０", "approval.merge3.max": "5,000,000", "tier.basic.rate": " 0.15 " });
    const b = resolvePolicy({ "cap.perSqm": 250, "approval.merge3.max": 5000000, "tier.basic.rate": 0.15 });
    expect(a.ok && b.ok && policyParameters(a.value)).toEqual(b.ok && policyParameters(b.value));
  });

  it("keeps the base's value for a blank value, except where blank means none (cap.perSqm = no cap)", () => {
    const r = resolvePolicy({ base: "yueqing-2023", "tier.basic.rate": "", "relief.low-income": null, "cap.perSqm": "" });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.tierRates.basic.toString()).toBe("0.1");
      expect(r.value.reliefRates["low-income"].toString()).toBe("0");
      expect(r.value.capPerSqm).toBeNull();
      expect(r.value.overridden).toEqual(["cap.perSqm"]);
    }
  });

  it("does not count a row equal to the base's value as a change (the policy keeps the built-in id)", () => {
    const r = resolvePolicy({ base: "yueqing-2023", "cap.perSqm": 300, "relief.low-income": "0" });
    expect(r.ok && [r.value.id, r.value.overridden]).toEqual(["yueqing-2023", []]);
  });

  it("reads the elevator keys of elevator-rules.md §7", () => {
    const r = resolvePolicy({
      "elevator.subsidy.mode": "按层数",
      "elevator.subsidy.byStoreys": "7:220000，4:160000、5:180000 6:200000",
      "elevator.subsidy.minStoreys": 4,
      "elevator.floorCoefficients": "0,0,0.7,0.8,0.9,1.0",
      "elevator.weight": "household",
      "elevator.relief": "是",
      "elevator.subsidy.cap": 280000,
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      const e = r.value.elevator;
      expect(e.subsidyMode).toBe("storeys");
      expect(e.subsidyByStoreys.map((x) => [x.storeys, x.amount.toFixed(2)])).toEqual([
        [4, "160000.00"],
        [5, "180000.00"],
        [6, "200000.00"],
        [7, "220000.00"],
      ]);
      expect(e.minStoreys).toBe(4);
      expect(e.floorCoefficients.map((x) => x.toFixed())).toEqual(["0", "0", "0.7", "0.8", "0.9", "1"]);
      expect([e.weight, e.relief, e.subsidyCap?.toFixed(2)]).toEqual(["household", true, "280000.00"]);
      expect(policyParameters(r.value)["elevator.subsidy.byStoreys"]).toBe("4:160000,5:180000,6:200000,7:220000");
    }
  });

  it("reports every row's problem, and a repeated key naming the first place", () => {
    const r = readPolicyRows([
      { key: "tier.basic.rate", value: 2, keyPath: ["p", 0], valuePath: ["p", 0, "v"] },
      { key: "tier.basic.rate", value: 0.2, keyPath: ["p", 1], valuePath: ["p", 1, "v"] },
      { key: "", value: 3, keyPath: ["p", 2], valuePath: ["p", 2, "v"] },
      { key: "", value: "", keyPath: ["p", 3], valuePath: ["p", 3, "v"] },
    ]);
    // In row order.
    expect(!r.ok && r.errors.map((e) => [e.code, formatPath(e.path)])).toEqual([
      ["rate.range", "p[0].v"],
      ["policy.duplicateKey", "p[1]"],
      ["policy.keyBlank", "p[2]"],
    ]);
    expect(!r.ok && r.errors[1].zh).toBe("参数“tier.basic.rate”重复（已在 p[0] 给出），无法确定用哪一个");
  });
});
