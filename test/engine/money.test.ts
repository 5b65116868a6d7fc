import { Dec, roundFen, floorFen, textToFen, fenToText, decimalText, scaledInteger, floorDivSafe } from "../../src/engine";

describe("money rounding (spec §2)", () => {
  it.each([
    ["0.005", "0.01"],
    ["0.004", "0.00"],
    ["1.005", "1.01"],
    ["-1.005", "-1.01"],
    ["2.675", "2.68"],
    ["123456789.125", "123456789.13"],
  ])("rounds %s half away from zero to %s", (x, want) => {
    expect(roundFen(x).toFixed(2)).toBe(want);
  });

  it("floors to the fen for the cap", () => {
    expect(floorFen("2400000.009").toFixed(2)).toBe("2400000.00");
    expect(floorFen(new Dec("300").times("33.333")).toFixed(2)).toBe("9999.90");
  });

  it.each([
    [1.005, 101n],
    [0.1, 10n],
    [1200, 120000n],
    [88.555, 8856n],
    [1e-7, 0n],
    [12345678.994, 1234567899n],
  ])("reads the number %p as %p fen exactly as written, not as its binary value", (n, fen) => {
    expect(textToFen(decimalText(n))).toBe(fen);
  });

  it("writes fen with exactly two decimals", () => {
    expect(fenToText(5n)).toBe("0.05");
    expect(fenToText(-105n)).toBe("-1.05");
    expect(fenToText(120000n)).toBe("1200.00");
  });

  it("scales decimal text to integers and divides exactly in doubles", () => {
    expect(scaledInteger("88.5", 3)).toBe(88500n);
    expect(scaledInteger("7", 2)).toBe(700n);
    expect(decimalText(1e-7)).toBe("0.0000001");
    // 2^53 − 1 divided by 3: the double quotient would round up; the exact one is kept.
    const p = Number.MAX_SAFE_INTEGER;
    const [q, r] = floorDivSafe(p, 3);
    expect(BigInt(q) * 3n + BigInt(r)).toBe(BigInt(p));
    expect(r).toBeGreaterThanOrEqual(0);
    expect(r).toBeLessThan(3);
  });
});
