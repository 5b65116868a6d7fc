import { resolvePolicy, policyParameters, PARAMETER_KEYS } from "../../src/engine";

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
      });
      expect(Object.keys(policyParameters(r.value))).toEqual(PARAMETER_KEYS);
    }
  });

  it("yueqing-2023 has no relief and no grant (000 has no relief rules)", () => {
    const r = resolvePolicy("yueqing-2023");
    expect(r.ok).toBe(true);
    if (r.ok) {
      const p = policyParameters(r.value);
      expect([p["relief.specially-supported"], p["relief.low-income"], p["grant.hardship-worker"], p["cap.perSqm"], p["tier.enhancement.rate"]]).toEqual([0, 0, 0, 300, 0.7]);
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
    [{ "cap.perSqm": "300" }, ["policy", "cap.perSqm"], "type.number", "300"],
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
});
