import fc from "fast-check";
import {
  Dec,
  Fen,
  Money,
  X,
  decimalText,
  fenToText,
  fenToYuan,
  floorDivSafe,
  floorFen,
  moneyToFen,
  moneyToYuan,
  roundFen,
  scaledInteger,
  scaleTexts,
  textToFen,
  textToFenNumber,
} from "../../src/engine";

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
    [1.005, "101"],
    [0.1, "10"],
    [1200, "120000"],
    [88.555, "8856"],
    [1e-7, "0"],
    [12345678.994, "1234567899"],
    [-0.005, "-1"],
  ])("reads the number %p as %s fen exactly as written, not as its binary value", (n, fen) => {
    expect(textToFen(decimalText(n)).toFixed()).toBe(fen);
  });

  it("reads fen fast for short integer texts and exactly for long ones", () => {
    expect(textToFenNumber("1200")).toBe(120000);
    expect(textToFenNumber("1234567890123")).toBe(123456789012300);
    // 14 digits: the exact path
    expect(textToFenNumber("12345678901234.565")).toBe(1234567890123457);
  });

  it("writes fen with exactly two decimals", () => {
    expect(fenToText(5 as Fen)).toBe("0.05");
    expect(fenToText(-105 as Fen)).toBe("-1.05");
    expect(fenToText(120000 as Fen)).toBe("1200.00");
    expect(fenToText(new Dec("123456789012345678901"))).toBe("1234567890123456789.01");
  });

  it("scales decimal text to integers and divides exactly in doubles", () => {
    expect(X.text(scaledInteger("88.5", 3))).toBe("88500");
    expect(X.text(scaledInteger("7", 2))).toBe("700");
    expect(decimalText(1e-7)).toBe("0.0000001");
    // 2^53 − 1 divided by 3: the double quotient would round up; the exact one is kept.
    const p = Number.MAX_SAFE_INTEGER;
    const [q, r] = floorDivSafe(p, 3);
    expect(BigInt(q) * 3n + BigInt(r)).toBe(BigInt(p));
    expect(r).toBeGreaterThanOrEqual(0);
    expect(r).toBeLessThan(3);
  });

  it("writes any number as the decimal its shortest text shows (fast path and String path agree)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.integer({ min: 0, max: 10_000_000 }).map((x) => x / 100),
        ),
        (x) => {
          expect(decimalText(x)).toBe(new Dec(String(x)).toFixed());
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("scales texts in doubles when the sum is safe and exactly past 2^53 (the same integers)", () => {
    const small = scaleTexts(["88.5", "100", "61.23"]);
    expect(small.nums).toBeDefined();
    expect([...small.nums!]).toEqual([8850, 10000, 6123]);
    expect(X.text(small.sum)).toBe("24973");
    const big = scaleTexts(["9007199254740993", "0.5"]);
    expect(big.nums).toBeUndefined();
    expect(big.exact().map((d) => X.text(d))).toEqual(["90071992547409930", "5"]);
    expect(X.text(big.sum)).toBe("90071992547409935");
  });

  it("carries units in the types: fen, 元 and money do not mix", () => {
    const m = roundFen("12.34");
    const f = moneyToFen(m);
    expect(f).toBe(1234);
    expect(fenToYuan(f)).toBe(12.34);
    expect(moneyToYuan(m)).toBe(12.34);
    // @ts-expect-error a plain number is not fen
    fenToYuan(1234);
    // @ts-expect-error 元 is not fen
    fenToYuan(moneyToYuan(m));
    // @ts-expect-error fen is not money
    moneyToYuan(f);
    // @ts-expect-error a plain Decimal is not money (it may not be whole fen)
    moneyToFen(new Dec("0.001"));
    // @ts-expect-error 元 cannot be assigned to fen
    const g: Fen = moneyToYuan(m);
    // @ts-expect-error fen cannot be assigned to money
    const h: Money = f;
    expect([g, h]).toBeDefined();
  });
});
