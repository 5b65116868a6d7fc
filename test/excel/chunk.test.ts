import { planBatches, planReads, rowBytes, utf8Length } from "../../src/excel/chunk";

describe("planBatches", () => {
  it.each([
    // sizes, budget, expected batches as [item, start, count]
    [[[3, 3, 3]], 9, [[[0, 0, 3]]]],
    [[[3, 3, 3]], 7, [[[0, 0, 2]], [[0, 2, 1]]]],
    [[[3, 3, 3], [5]], 7, [[[0, 0, 2]], [[0, 2, 1]], [[1, 0, 1]]]],
    [
      [[2], [2], [2]],
      10,
      [
        [
          [0, 0, 1],
          [1, 0, 1],
          [2, 0, 1],
        ],
      ],
    ],
    [[[20, 1]], 7, [[[0, 0, 1]], [[0, 1, 1]]]],
    [[[], [4]], 7, [[[1, 0, 1]]]],
  ])("packs rows %j within %i per batch", (sizes, budget, expected) => {
    const got = planBatches(sizes as number[][], budget as number).map((b) => b.map((p) => [p.item, p.start, p.count]));
    expect(got).toEqual(expected);
  });

  it("covers every row exactly once, in order", () => {
    const sizes = [Array.from({ length: 1000 }, (_, i) => 1 + (i % 7)), Array.from({ length: 50 }, () => 3)];
    const seen: string[] = [];
    for (const batch of planBatches(sizes, 100)) {
      expect(batch.reduce((n, p) => n + sizes[p.item].slice(p.start, p.start + p.count).reduce((a, b) => a + b, 0), 0)).toBeLessThanOrEqual(100);
      for (const p of batch) for (let r = p.start; r < p.start + p.count; r++) seen.push(`${p.item}:${r}`);
    }
    expect(seen).toEqual([...sizes[0].map((_, r) => `0:${r}`), ...sizes[1].map((_, r) => `1:${r}`)]);
  });

  it("plans reads by cells", () => {
    expect(planReads([{ rows: 5, columns: 10 }], 20).map((b) => b.map((p) => [p.start, p.count]))).toEqual([[[0, 2]], [[2, 2]], [[4, 1]]]);
  });
});

describe("request sizes", () => {
  it("counts Chinese text as 3 bytes a character and astral characters as 4", () => {
    expect(utf8Length("住户A")).toBe(7);
    expect(utf8Length("𠀀")).toBe(4);
    expect(rowBytes(["1-101", 12.5], ["@", "#,##0.00"])).toBe(JSON.stringify(["1-101", 12.5]).length + JSON.stringify(["@", "#,##0.00"]).length + 2);
  });
});
