/**
 * The pure SHA-256 of src/workbook (计算说明 prints the input file's digest): FIPS 180-4 test vectors,
 * and Node's crypto as an independent oracle on lengths around the 64-byte block and padding edges.
 */
import { createHash } from "crypto";
import { sha256Hex } from "../../src/workbook";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("sha256Hex", () => {
  test.each([
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    ["abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"],
  ])("gives the FIPS 180-4 digest of %j", (text, digest) => {
    expect(sha256Hex(utf8(text))).toBe(digest);
  });

  test("agrees with Node's crypto on every length from 0 to 300 bytes and on a megabyte", () => {
    const bytes = new Uint8Array(1 << 20).map((_, i) => (i * 2654435761) >>> 24);
    for (let n = 0; n <= 300; n++) expect([n, sha256Hex(bytes.subarray(0, n))]).toEqual([n, createHash("sha256").update(bytes.subarray(0, n)).digest("hex")]);
    expect(sha256Hex(bytes)).toBe(createHash("sha256").update(bytes).digest("hex"));
  });
});
