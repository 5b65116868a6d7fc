/**
 * The engine where the host has no BigInt (the Internet Explorer 11 webview of Excel 2016 / 2019,
 * volume-licensed): exact-int.ts falls back to decimal.js. Loaded here in isolation with BigInt hidden,
 * it must give the very same results as the engine on BigInt, on the paths that need exact integers.
 */
import fc from "fast-check";
import * as withBigInt from "../../src/engine";
import { EXAMPLE_INPUT } from "../../src/workbook";

function loadWithoutBigInt(): typeof withBigInt {
  const g = globalThis as { BigInt?: unknown };
  const saved = g.BigInt;
  let engine: typeof withBigInt | undefined;
  try {
    delete g.BigInt;
    jest.isolateModules(() => {
      engine = require("../../src/engine") as typeof withBigInt;
    });
  } finally {
    g.BigInt = saved;
  }
  return engine!;
}

const noBigInt = loadWithoutBigInt();

describe("the engine without BigInt (IE11 webview)", () => {
  it("uses decimal.js for exact integers", () => {
    expect(noBigInt.X.name).toBe("decimal");
    expect(withBigInt.X.name).toBe("bigint");
  });

  it("splits exactly like the BigInt engine when weights pass 2^53", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_000_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 30 }),
        (total, ws) => {
          fc.pre(ws.some((w) => w > 0));
          // 17-digit weights, as a formula's float noise gives them (45.370000000000005).
          const texts = ws.map((w) => `${w}.0000000000000${(w % 9) + 1}`);
          const a = withBigInt.splitExactly(total as withBigInt.Fen, withBigInt.scaleTexts(texts));
          const b = noBigInt.splitExactly(total as withBigInt.Fen, noBigInt.scaleTexts(texts));
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("computes the example and a noisy-area project to the same figures", () => {
    // 88.5 + 1e-13 = 88.5000000000001: 13 decimals scale every area past 2^53 in total (the exact path).
    const noisy = { ...EXAMPLE_INPUT, households: EXAMPLE_INPUT.households!.map((h, i) => ({ ...h, area: (h.area as number) + (i % 3 === 0 ? 1e-13 : 0) })) };
    expect(withBigInt.scaleValues(noisy.households.map((h) => h.area as number)).nums).toBeUndefined();
    for (const input of [EXAMPLE_INPUT, noisy]) {
      const a = withBigInt.calculate(input);
      const b = noBigInt.calculate(input);
      expect(a.ok && b.ok).toBe(true);
      if (a.ok && b.ok) expect(noBigInt.toOutputJson(b.value)).toEqual(withBigInt.toOutputJson(a.value));
    }
  });
});
