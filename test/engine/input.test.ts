import { validateInput, formatPath, formatError } from "../../src/engine";

const PROJECT = { area: 8000, costs: { basic: 2000000, improvement: 1000000, enhancement: 500000 }, socialCapital: 100000 };

function errorsOf(raw: unknown) {
  const r = validateInput(raw);
  if (r.ok) throw new Error("expected invalid input");
  return r.errors.map((e) => ({ at: formatPath(e.path), code: e.code, zh: e.zh, en: e.en }));
}

describe("input validation (spec §8): every problem, with where it is", () => {
  it.each([
    [{ project: { ...PROJECT, area: 0 } }, "project.area", "area.positive"],
    [{ project: { ...PROJECT, area: -3 } }, "project.area", "area.positive"],
    [{ project: { ...PROJECT, costs: { basic: "2000000" } } }, "project.costs.basic", "type.number"],
    [{ project: { ...PROJECT, costs: { basic: -1 } } }, "project.costs.basic", "money.negative"],
    [{ project: { ...PROJECT, socialCapital: "多" } }, "project.socialCapital", "type.number"],
    [{ project: { ...PROJECT, socialCaptial: 5 } }, "project.socialCaptial", "field.unknown"],
    [{ project: { ...PROJECT, costs: { luxury: 5 } } }, "project.costs.luxury", "field.unknown"],
    [{ project: { ...PROJECT, area: undefined } }, "project.area", "required"],
    [{ project: { ...PROJECT, costs: { basic: 2e12 } } }, "project.costs.basic", "money.tooLarge"],
    [{}, "project", "required"],
    [{ project: [] }, "project", "type.object"],
    [{ project: PROJECT, households: {} }, "households", "type.array"],
    [{ project: PROJECT, households: [{ id: "1", area: "88" }] }, "households[0].area", "type.number"],
    [{ project: PROJECT, households: [{ id: "1", area: 0 }] }, "households[0].area", "area.positive"],
    [{ project: PROJECT, households: [{ id: "1", area: 1, exclusiveArea: -1 }] }, "households[0].exclusiveArea", "area.positive"],
    [{ project: PROJECT, households: [{ id: "1", area: 1, weight: -1 }] }, "households[0].weight", "weight.negative"],
    [{ project: PROJECT, households: [{ id: "1", area: 1, paid: -0.01 }] }, "households[0].paid", "money.negative"],
    [{ project: PROJECT, households: [{ area: 1 }] }, "households[0].id", "required"],
    [{ project: PROJECT, households: [{ id: " ", area: 1 }] }, "households[0].id", "id.empty"],
    [
      {
        project: PROJECT,
        households: [
          { id: "1", area: 1 },
          { id: "1", area: 2 },
        ],
      },
      "households[1].id",
      "id.duplicate",
    ],
    [{ project: PROJECT, households: [{ id: "1", area: 1, status: "五保户" }] }, "households[0].status", "status.unknown"],
    [{ project: PROJECT, households: [{ id: "1", area: 1, agreed: true }] }, "households[0].agreed", "vote.agreedWithoutParticipated"],
    [{ project: PROJECT, households: [{ id: "1", area: 1, participated: "maybe" }] }, "households[0].participated", "type.yesno"],
    [{ project: PROJECT, households: [{ id: "1", area: 1, weight: 0 }] }, "households[0].weight", "weights.zero"],
    [{ project: PROJECT, households: [5] }, "households[0]", "type.object"],
    [{ project: PROJECT, extra: 1 }, "extra", "field.unknown"],
    [
      {
        project: PROJECT,
        households: [
          { id: "1", area: 90, exclusiveArea: 80, participated: true },
          { id: "2", area: 90, participated: true },
        ],
      },
      "households[1].exclusiveArea",
      "vote.exclusiveAreaMissing",
    ],
    [{ project: PROJECT, policy: { "cap.perSqm": 200, oops: 1 } }, "policy.oops", "policy.unknownKey"],
  ])("%j → %s (%s)", (raw, at, code) => {
    expect(errorsOf(raw)).toContainEqual(expect.objectContaining({ at, code }));
  });

  it("reports every problem at once, not only the first", () => {
    const errs = errorsOf({
      project: { ...PROJECT, area: 0 },
      households: [
        { id: "a", area: -1 },
        { id: "b", area: 1, status: "富人" },
      ],
    });
    expect(errs.map((e) => e.at)).toEqual(["project.area", "households[0].area", "households[1].status"]);
  });

  it("writes messages in Chinese and English naming what was found", () => {
    const r = validateInput({ project: PROJECT, households: [{ id: "1", area: "八十" }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatError(r.errors[0])).toBe('households[0].area: 应为数字，实为 "八十" / expected a number, found "八十"');
  });

  it("lets the household area stand in for the vote only when no exclusive area is given at all (§5)", () => {
    expect(
      validateInput({
        project: PROJECT,
        households: [
          { id: "1", area: 90, participated: true },
          { id: "2", area: 80 },
        ],
      }).ok,
    ).toBe(true);
    // no vote (nobody's participation given): a half-filled exclusive-area column does not matter
    expect(
      validateInput({
        project: PROJECT,
        households: [
          { id: "1", area: 90, exclusiveArea: 80 },
          { id: "2", area: 80 },
        ],
      }).ok,
    ).toBe(true);
  });

  it("accepts optional members left out and numeric ids", () => {
    const r = validateInput({ project: { area: 1, costs: {} }, households: [{ id: 101, area: 1 }] });
    expect(r.ok && r.value.households![0].id).toBe("101");
    expect(r.ok && r.value.project.socialCapital.toString()).toBe("0");
  });
});
